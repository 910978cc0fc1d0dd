import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { type ServiceAuditDetail } from '../../machines/vocabulary/audit-entries'
import { organisations } from './core'

/**
 * What administrators did to people's data, for which no proposal's chain is
 * the place: one append-only, hash-chained trail per library service (ADR 031).
 * Ids and typed details only, never a name or an e-mail address, so that the
 * erasure it records leaves nothing readable behind. The database refuses
 * UPDATE and DELETE on it (trigger in the migrations).
 */
export const serviceAuditEntries = pgTable(
  'service_audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    seq: integer('seq').notNull(),
    actorId: uuid('actor_id').notNull(),
    /** The person the entry is about. */
    subjectId: uuid('subject_id').notNull(),
    detail: jsonb('detail').$type<ServiceAuditDetail>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('service_audit_entries_org_seq_unique').on(t.organisationId, t.seq),
    index('service_audit_entries_subject_idx').on(t.subjectId),
  ],
)

export type ServiceAuditEntry = typeof serviceAuditEntries.$inferSelect
