import { type Role } from '#machines/vocabulary/roles'
import type en from '~/locales/en/common'

/** `label` names the item's text in the 'common' catalogue: `nav.<label>`. */
type NavItem = { to: string; label: keyof typeof en.nav; roles: Role[] | 'all' }

const ITEMS: NavItem[] = [
  { to: '/', label: 'home', roles: 'all' },
  { to: '/proposals', label: 'proposals', roles: ['chief_librarian', 'reviewer', 'admin', 'signatory'] },
  { to: '/register', label: 'register', roles: 'all' },
  { to: '/admin/users', label: 'people', roles: ['admin'] },
  { to: '/admin/settings', label: 'settings', roles: ['admin'] },
  { to: '/admin/sso', label: 'singleSignOn', roles: ['admin'] },
  { to: '/admin/rubric', label: 'rubric', roles: ['admin'] },
  { to: '/admin/indicators', label: 'indicators', roles: ['admin'] },
  { to: '/verify', label: 'verify', roles: 'all' },
]

const OPERATOR_ITEMS: NavItem[] = [
  { to: '/operator', label: 'libraryServices', roles: 'all' },
  { to: '/verify', label: 'verify', roles: 'all' },
]

export function navigationFor(roles: readonly Role[], operator = false) {
  if (operator) return OPERATOR_ITEMS
  return ITEMS.filter((i) => i.roles === 'all' || i.roles.some((r) => roles.includes(r)))
}
