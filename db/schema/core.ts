import { type Role } from '../../machines/vocabulary/roles'
import { DEFAULT_ANONYMITY_POLICY, type HoldBehaviour } from '../../machines/anonymity'
import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'


/** The languages Probity speaks (i18next's names): English and Welsh. */
export const LANGUAGES = ['en', 'cy'] as const
export type Language = (typeof LANGUAGES)[number]

/** The languages a library service works in (docs/decisions/030-internationalisation.md). */
export const SERVICE_LANGUAGES = ['en', 'cy', 'both'] as const
export type ServiceLanguages = (typeof SERVICE_LANGUAGES)[number]

export type OrganisationSettings = {
  /** English only, Welsh only, or both (each person then chooses). */
  languages: ServiceLanguages
  professionalBodyName: string
  minReviewers: number
  minConsultationDays: number
  unionRecognised: boolean
  publicRegister: boolean
  secondSignatoryRequired: boolean
  /** Staff concerns raised in one monitoring review period that send a partnership back for reassessment. */
  concernSurgeCount: number
  /** Anonymity (docs/decisions/023-anonymity.md): fewer eligible staff than this is a small group. */
  anonymityMinimumGroup: number
  /** What a small group's anonymous contributions wait for. */
  anonymityHold: HoldBehaviour
  /** With `until_several`: how many anonymous contributions must have accumulated. */
  anonymitySeveral: number
  /** The hour (service time, 0–23) of the daily release of anonymous contributions. */
  anonymityReleaseHour: number
}

export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = {
  languages: 'en',
  professionalBodyName: 'CILIP',
  minReviewers: 2,
  minConsultationDays: 14,
  unionRecognised: true,
  publicRegister: false,
  secondSignatoryRequired: false,
  concernSurgeCount: 5,
  anonymityMinimumGroup: DEFAULT_ANONYMITY_POLICY.minimumGroupSize,
  anonymityHold: DEFAULT_ANONYMITY_POLICY.hold,
  anonymitySeveral: DEFAULT_ANONYMITY_POLICY.several,
  anonymityReleaseHour: DEFAULT_ANONYMITY_POLICY.releaseHour,
}

export const ORGANISATION_KINDS = ['library', 'hosting'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

/**
 * A library service, or the one hosting organisation whose members are the
 * operators of this Probity: they add and deactivate library services and,
 * holding no records of their own, see none (docs/decisions/020-identity.md).
 */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  kind: text('kind', { enum: ORGANISATION_KINDS }).notNull().default('library'),
  settings: jsonb('settings').$type<OrganisationSettings>().notNull(),
  /** An operator may deactivate a library service: its people can no longer sign in; its records stay. */
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null until the person sets one through an invitation, and for people who sign in another way. */
    passwordHash: text('password_hash'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    /** The language this person chose with the switch; null until they choose. */
    preferredLanguage: text('preferred_language', { enum: LANGUAGES }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
  ],
)

export type SignInMethod = 'password' | 'sso'

export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number]

/**
 * Single-use links that let a person set their own password: an invitation
 * (days) or a password reset (an hour). Only the SHA-256 of the random token
 * is stored, so a copy of the database opens no account.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
)

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** How the person signed in: signing asks them to do it again the same way (password, or the identity provider). */
    method: text('method').$type<SignInMethod>().notNull().default('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * Failed sign-ins, keyed by an HMAC of the account or client address so that
 * the table holds neither e-mail addresses nor IP addresses in the clear.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
)

export type Organisation = typeof organisations.$inferSelect
export type User = typeof users.$inferSelect
export type AccountToken = typeof accountTokens.$inferSelect
