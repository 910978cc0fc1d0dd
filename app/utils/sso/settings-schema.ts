import { z } from 'zod'
import { plainText } from '../plain-text'

/** Roles a person seen for the first time may be given; administrators grant the rest under People. */
export const FIRST_SIGN_IN_ROLES = ['staff', 'reviewer'] as const

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

const flag = z.boolean({ error: 'Tick the box or leave it empty' }).default(false)

/** The administrator's single sign-on form, checked in the browser and again by the action. */
export const SsoSettingsSchema = z.object({
  providerName: plainText(60).pipe(z.string().min(1, 'Name the identity provider, e.g. Microsoft Entra ID')),
  issuer: z
    .string({ error: 'Enter the issuer URL' })
    .trim()
    .max(500, 'That URL is too long')
    .pipe(z.url({ protocol: /^https?$/, message: 'Enter the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0' })),
  clientId: plainText(255).pipe(z.string().min(1, 'Enter the client (application) ID')),
  /** Left empty to keep the secret already stored: it is never shown back. */
  clientSecret: z.string().max(1000, 'That secret is too long').optional(),
  allowedDomains: plainText(2000)
    .pipe(z.string().min(1, 'Enter at least one e-mail domain, e.g. fairhaven.gov.uk'))
    .transform((v) => [...new Set(v.toLowerCase().split(/[\s,;]+/).map((d) => d.replace(/^@/, '')).filter(Boolean))])
    .refine((domains) => domains.length <= 20, 'List at most 20 domains')
    .refine((domains) => domains.every((d) => DOMAIN.test(d)), 'Enter domains like fairhaven.gov.uk, separated by commas or new lines'),
  defaultRole: z.enum(FIRST_SIGN_IN_ROLES, { error: 'Choose the role for people signing in for the first time' }).default('staff'),
  enabled: flag,
  passwordsOff: flag,
})

export type SsoSettingsValues = z.infer<typeof SsoSettingsSchema>

/** "Sign in with single sign-on": the person's e-mail address picks their library service. */
export const SsoStartSchema = z.object({
  intent: z.literal('sso'),
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.org'))
    .optional(),
  service: z.string().max(100).optional(),
})
