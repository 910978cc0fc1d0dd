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

const fullName = (whose: string) =>
  z
    .string({ error: `Enter ${whose} full name` })
    .trim()
    .min(1, `Enter ${whose} full name`)
    .max(200, 'Use at most 200 characters')

const emailAddress = (whose: string) =>
  z
    .string({ error: `Enter ${whose} e-mail address` })
    .trim()
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.org'))

/** The administrator names the person and their roles; the person chooses their own password. */
export const NewPersonSchema = z.object({
  name: fullName('their'),
  email: emailAddress('their'),
  roles,
})

export const PersonRolesSchema = z.object({ intent: z.literal('roles'), roles })

/** Everything the page of one person can post: new roles, a change of status, or a link by e-mail. */
export const PersonChangeSchema = z.discriminatedUnion('intent', [
  PersonRolesSchema,
  z.object({
    intent: z.enum(['deactivate', 'reactivate', 'resend-invitation', 'revoke-invitation', 'send-reset-link']),
  }),
])

export const SetPasswordSchema = z.object({ password: password('a password') })

export const ForgotPasswordSchema = z.object({ email: emailAddress('your') })

const serviceName = z
  .string({ error: 'Enter the library service’s name' })
  .trim()
  .min(2, 'Enter the library service’s name')
  .max(120, 'Use at most 120 characters')

/** An operator adds a library service; its first administrator chooses a password through a link. */
export const NewServiceSchema = z.object({
  intent: z.literal('create'),
  serviceName,
  adminName: fullName('the administrator’s'),
  adminEmail: emailAddress('the administrator’s'),
})

/** The first-run page: the token from the server's log, the service, and its first administrator. */
export const SetupSchema = z.object({
  setupToken: z
    .string({ error: 'Enter the setup token from the server’s log' })
    .trim()
    .min(1, 'Enter the setup token from the server’s log')
    .max(200, 'That is not a setup token'),
  serviceName,
  adminName: fullName('your'),
  adminEmail: emailAddress('your'),
  adminPassword: password('a password'),
})

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
