import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { type AuditDetail } from '../../machines/vocabulary/audit-entries'
import { proposals } from './proposals'

/**
 * The append-only, hash-chained history of every proposal. The database
 * refuses UPDATE and DELETE on it (trigger in the migrations); `hash` covers
 * the entry and `prev_hash`, so any later edit breaks the chain.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    seq: integer('seq').notNull(),
    /** Null for an anonymous staff contribution and for the system; see actorKind. */
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind', { enum: ['user', 'anonymous_staff', 'system'] }).notNull(),
    eventType: text('event_type').notNull(),
    /** SHA-256 of the canonical event payload: the entry proves what was sent without repeating it. */
    payloadDigest: text('payload_digest').notNull(),
    /**
     * The English rendering of `detail` when the entry was written; for entries
     * older than `detail`, the only account of what happened. Readers render
     * `detail` when present (describeAuditEntry). Never identifies an anonymous author.
     */
    summary: text('summary').notNull().default(''),
    /** What happened, as a typed kind and its data (ADR 015); null on entries written before it existed. */
    detail: jsonb('detail').$type<AuditDetail>(),
    stateBefore: text('state_before').notNull(),
    stateAfter: text('state_after').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_entries_proposal_seq_unique').on(t.proposalId, t.seq),
    index('audit_entries_actor_idx').on(t.actorId),
  ],
)

export type AuditEntry = typeof auditEntries.$inferSelect
