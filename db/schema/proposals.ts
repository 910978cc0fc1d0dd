import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './core'

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    partner: text('partner').notNull(),
    contractor: text('contractor'),
    description: text('description').notNull().default(''),
    /** The proposer's own Welsh version of the title and summary, if they gave one (issue 19): typed text, never translated by Probity. */
    titleCy: text('title_cy'),
    descriptionCy: text('description_cy'),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => users.id),
    /** Top-level state name, kept beside the snapshot for listing and filtering. */
    stage: text('stage').notNull().default('draft'),
    machineId: text('machine_id').notNull().default('proposal'),
    machineVersion: integer('machine_version').notNull().default(1),
    snapshot: jsonb('snapshot'),
    /** Optimistic concurrency: every write is `WHERE version = expected`. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposals_org_reference_unique').on(t.organisationId, t.reference),
    index('proposals_org_stage_idx').on(t.organisationId, t.stage),
    // The home page's latest proposals, and the register's last-change check.
    index('proposals_org_updated_idx').on(t.organisationId, t.updatedAt),
    check('proposals_version_positive', sql`${t.version} > 0`),
  ],
)

export type Proposal = typeof proposals.$inferSelect
