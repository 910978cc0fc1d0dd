import { z } from 'zod'
import { type Role, ROLE_CHOICES } from '#machines/vocabulary/roles'
import { vm } from './validation-message'

export const MIN_PASSWORD_LENGTH = 12

const password = (required: string) =>
  z
    .string({ error: required })
    .min(MIN_PASSWORD_LENGTH, vm('password.tooShort', { min: MIN_PASSWORD_LENGTH }))
    .max(1024, vm('password.tooLong'))

const knownRoles: ReadonlySet<string> = new Set(ROLE_CHOICES)

// Checked as a whole, so that an unknown role is reported on the group the form shows.
const roles = z
  .array(z.string(), { error: vm('people.rolesRequired') })
  .min(1, vm('people.rolesRequired'))
  .refine((list) => list.every((r) => knownRoles.has(r)), vm('people.rolesUnknown'))
  .transform((list) => list as Role[])

const fullName = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(200, vm('people.tooLong', { max: 200 }))

const emailAddress = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .max(254, vm('people.emailTooLong'))
    .pipe(z.email(vm('people.emailInvalid')))

/** The administrator names the person and their roles; the person chooses their own password. */
export const NewPersonSchema = z.object({
  name: fullName(vm('people.theirName')),
  email: emailAddress(vm('people.theirEmail')),
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

export const SetPasswordSchema = z.object({ password: password(vm('password.required')) })

export const ForgotPasswordSchema = z.object({ email: emailAddress(vm('people.yourEmail')) })

const serviceName = z
  .string({ error: vm('people.serviceName') })
  .trim()
  .min(2, vm('people.serviceName'))
  .max(120, vm('people.tooLong', { max: 120 }))

/** An operator adds a library service; its first administrator chooses a password through a link. */
export const NewServiceSchema = z.object({
  intent: z.literal('create'),
  serviceName,
  adminName: fullName(vm('people.adminName')),
  adminEmail: emailAddress(vm('people.adminEmail')),
})

/** The first-run page: the token from the server's log, the service, and its first administrator. */
export const SetupSchema = z.object({
  setupToken: z
    .string({ error: vm('people.setupToken') })
    .trim()
    .min(1, vm('people.setupToken'))
    .max(200, vm('people.setupTokenInvalid')),
  serviceName,
  adminName: fullName(vm('people.yourName')),
  adminEmail: emailAddress(vm('people.yourEmail')),
  adminPassword: password(vm('password.required')),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: vm('password.currentRequired') })
      .min(1, vm('password.currentRequired'))
      .max(1024, vm('password.tooLong')),
    newPassword: password(vm('password.newRequired')),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: vm('password.sameAsCurrent'),
  })
