import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { organisations } from './core'
import { storedFiles } from './files'
import { proposals } from './proposals'

export const RECORD_KINDS = ['decision', 'addendum'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/**
 * Every signed decision record and addendum Probity has issued. The signed
 * bytes are the stored file named by `sha256`, which is also how anyone
 * holding a copy finds the row. Rows are never changed or removed: a trigger
 * in the migrations refuses UPDATE, DELETE and TRUNCATE.
 */
export const decisionRecords = pgTable(
  'decision_records',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    /** The record an addendum adds to. */
    parentRecordId: uuid('parent_record_id').references((): AnyPgColumn => decisionRecords.id),
    reference: text('reference').notNull(),
    /** What the record says, as it said it: the proposal may be revised later. */
    proposalTitle: text('proposal_title').notNull(),
    partner: text('partner').notNull(),
    outcome: text('outcome').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    /** Where the file lived before files moved into the database; read once, by the import at start. */
    filePath: text('file_path').notNull(),
    byteSize: integer('byte_size').notNull(),
    auditHeadHash: text('audit_head_hash').notNull(),
    auditHeadSeq: integer('audit_head_seq').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decision_records_sha256_unique').on(t.sha256),
    uniqueIndex('decision_records_file_path_unique').on(t.filePath),
    uniqueIndex('decision_records_org_reference_unique').on(t.organisationId, t.reference),
    index('decision_records_proposal_idx').on(t.proposalId),
    check('decision_records_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'decision_records_parent_matches_kind',
      sql`(${t.kind} = 'addendum') = (${t.parentRecordId} is not null)`,
    ),
  ],
)

export type DecisionRecordRow = typeof decisionRecords.$inferSelect
