import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { type Role } from '../../machines/vocabulary/roles'
import { organisations, users } from './core'

/**
 * A library service's OpenID Connect identity provider, set by its
 * administrator. The client secret is stored sealed with a key derived from
 * the server secret (app/utils/secret-box.server.ts), never in the clear.
 */
export const ssoConfigs = pgTable('sso_configs', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Shown on the sign-in button: "Sign in with …". */
  providerName: text('provider_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed'),
  /** Lower case, without "@". */
  allowedDomains: text('allowed_domains').array().notNull(),
  defaultRole: text('default_role').$type<Role>().notNull().default('staff'),
  enabled: boolean('enabled').notNull().default(true),
  passwordsOff: boolean('passwords_off').notNull().default(false),
  /** When someone last signed in through this issuer and client; passwords can be switched off only after it has worked. */
  workedAt: timestamp('worked_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export type SsoPurpose = 'sign_in' | 'step_up'
/** What a signatory was doing when sent to the identity provider to sign in again. */
export type SigningIntent = { kind: 'decision' | 'outcome'; proposalId: string; version: number }

/**
 * One round trip to the identity provider, kept until it comes back (single
 * use) or expires. Keyed by the SHA-256 of `state`; holds the PKCE verifier
 * and the nonce, and for a step-up the signing it resumes.
 */
export const ssoFlows = pgTable(
  'sso_flows',
  {
    id: text('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<SsoPurpose>().notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    intent: jsonb('intent').$type<SigningIntent>(),
    redirectTo: text('redirect_to').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_flows_expires_idx').on(t.expiresAt)],
)

export type SsoConfig = typeof ssoConfigs.$inferSelect
export type SsoFlow = typeof ssoFlows.$inferSelect
