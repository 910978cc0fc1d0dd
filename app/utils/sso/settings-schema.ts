import { z } from 'zod'
import { plainText } from '../plain-text'
import { vm } from '../validation-message'

/** Roles a person seen for the first time may be given; administrators grant the rest under People. */
export const FIRST_SIGN_IN_ROLES = ['staff', 'reviewer'] as const

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

const flag = z.boolean({ error: vm('admin.tickBox') }).default(false)

/** The administrator's single sign-on form, checked in the browser and again by the action. */
export const SsoSettingsSchema = z.object({
  providerName: plainText(60).pipe(z.string().min(1, vm('admin.sso.providerName'))),
  issuer: z
    .string({ error: vm('admin.sso.issuerRequired') })
    .trim()
    .max(500, vm('admin.sso.urlTooLong'))
    .pipe(z.url({ protocol: /^https?$/, message: vm('admin.sso.issuerInvalid') })),
  clientId: plainText(255).pipe(z.string().min(1, vm('admin.sso.clientId'))),
  /** Left empty to keep the secret already stored: it is never shown back. */
  clientSecret: z.string().max(1000, vm('admin.sso.secretTooLong')).optional(),
  allowedDomains: plainText(2000)
    .pipe(z.string().min(1, vm('admin.sso.domainsRequired')))
    .transform((v) => [...new Set(v.toLowerCase().split(/[\s,;]+/).map((d) => d.replace(/^@/, '')).filter(Boolean))])
    .refine((domains) => domains.length <= 20, vm('admin.sso.tooManyDomains', { max: 20 }))
    .refine((domains) => domains.every((d) => DOMAIN.test(d)), vm('admin.sso.domainsInvalid')),
  defaultRole: z.enum(FIRST_SIGN_IN_ROLES, { error: vm('admin.sso.defaultRole') }).default('staff'),
  enabled: flag,
  passwordsOff: flag,
})

export type SsoSettingsValues = z.infer<typeof SsoSettingsSchema>

/** "Sign in with single sign-on": the person's e-mail address picks their library service. */
export const SsoStartSchema = z.object({
  intent: z.literal('sso'),
  email: z
    .string({ error: vm('signIn.emailRequired') })
    .trim()
    .max(254, vm('signIn.emailTooLong'))
    .pipe(z.email(vm('signIn.emailInvalid')))
    .optional(),
  service: z.string().max(100).optional(),
})
