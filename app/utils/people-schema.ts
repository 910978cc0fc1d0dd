import { z } from 'zod'
import { type Role, ROLE_CHOICES } from '#machines/vocabulary/roles'

export const MIN_PASSWORD_LENGTH = 12

const password = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'That password is too long')

const knownRoles: ReadonlySet<string> = new Set(ROLE_CHOICES)

// Checked as a whole, so that an unknown role is reported on the group the form shows.
const roles = z
  .array(z.string(), { error: 'Choose at least one role' })
  .min(1, 'Choose at least one role')
  .refine((list) => list.every((r) => knownRoles.has(r)), 'Choose roles from the list')
  .transform((list) => list as Role[])

export const NewPersonSchema = z.object({
  name: z
    .string({ error: 'Enter their full name' })
    .trim()
    .min(1, 'Enter their full name')
    .max(200, 'Use at most 200 characters'),
  email: z
    .string({ error: 'Enter their e-mail address' })
    .trim()
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.org')),
  roles,
  password: password('an initial password'),
})

export const PersonRolesSchema = z.object({ intent: z.literal('roles'), roles })

/** Everything the page of one person can post: new roles, or a change of status. */
export const PersonChangeSchema = z.discriminatedUnion('intent', [
  PersonRolesSchema,
  z.object({ intent: z.enum(['deactivate', 'reactivate']) }),
])

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, 'Enter your current password')
      .max(1024, 'That password is too long'),
    newPassword: password('a new password'),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from your current one',
  })
