/** What a person may do in a library service; a person can hold several roles. */
export const ROLES = ['admin', 'chief_librarian', 'reviewer', 'staff', 'signatory'] as const
export type Role = (typeof ROLES)[number]

/**
 * How each role reads on screen. Keyed by Role so that a role added to the
 * list fails the typecheck until it has a label; the browser gets this list
 * without the database schema.
 */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  chief_librarian: 'Chief librarian',
  reviewer: 'Ethics reviewer',
  staff: 'Staff',
  signatory: 'Signatory',
}

export const ROLE_CHOICES = Object.keys(ROLE_LABELS) as [Role, ...Role[]]

export function roleLabels(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ')
}
