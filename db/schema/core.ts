import { type Role } from '../../machines/vocabulary/roles'
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


export type OrganisationSettings = {
  professionalBodyName: string
  minReviewers: number
  minConsultationDays: number
  unionRecognised: boolean
  publicRegister: boolean
  secondSignatoryRequired: boolean
  /** Staff concerns raised in one monitoring review period that send a partnership back for reassessment. */
  concernSurgeCount: number
}

export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = {
  professionalBodyName: 'CILIP',
  minReviewers: 2,
  minConsultationDays: 14,
  unionRecognised: true,
  publicRegister: false,
  secondSignatoryRequired: false,
  concernSurgeCount: 5,
}

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings').$type<OrganisationSettings>().notNull(),
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
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().$type<Role[]>().notNull(),
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
