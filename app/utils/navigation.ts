import { type Role } from '#machines/vocabulary/roles'

type NavItem = { to: string; label: string; roles: Role[] | 'all' }

const ITEMS: NavItem[] = [
  { to: '/', label: 'Home', roles: 'all' },
  { to: '/proposals', label: 'Proposals', roles: ['chief_librarian', 'reviewer', 'admin', 'signatory'] },
  { to: '/register', label: 'Register', roles: 'all' },
  { to: '/admin/users', label: 'People', roles: ['admin'] },
  { to: '/admin/settings', label: 'Settings', roles: ['admin'] },
  { to: '/admin/sso', label: 'Single sign-on', roles: ['admin'] },
  { to: '/admin/rubric', label: 'Rubric', roles: ['admin'] },
  { to: '/admin/indicators', label: 'Indicators', roles: ['admin'] },
  { to: '/verify', label: 'Verify a record', roles: 'all' },
]

const OPERATOR_ITEMS: NavItem[] = [
  { to: '/operator', label: 'Library services', roles: 'all' },
  { to: '/verify', label: 'Verify a record', roles: 'all' },
]

export function navigationFor(roles: readonly Role[], operator = false) {
  if (operator) return OPERATOR_ITEMS
  return ITEMS.filter((i) => i.roles === 'all' || i.roles.some((r) => roles.includes(r)))
}
