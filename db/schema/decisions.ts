import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { OUTCOMES, type Condition } from '../../machines/vocabulary/decision'
import { type MonitoringPlanValues } from '../../machines/vocabulary/monitoring-plan'
import { organisations, users } from './core'
import { proposals } from './proposals'
import { decisionRecords } from './records'

/** The chief librarian's answer to a blocking privacy issue when approving despite it. */
export type BlockingOverride = { key: string; issue: string; rationale: string }

export const SIGNED_AS = ['chief_librarian', 'signatory'] as const
export type SignedAs = (typeof SIGNED_AS)[number]

/**
 * The decision on one round of a proposal (a return for revision starts the
 * next round). The chief librarian may re-record it until the first
 * signature; the last signature stamps `signed_at` and the signed record.
 * A trigger in the migrations keeps it that way: content is frozen once
 * anyone has signed, and a signed decision is never changed or removed.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    /** The proposal's revision round (the machine's `revisions`) this decision closes. */
    round: integer('round').notNull(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    rationale: text('rationale').notNull(),
    conditions: jsonb('conditions').$type<Condition[]>().notNull().default([]),
    overrides: jsonb('overrides').$type<BlockingOverride[]>().notNull().default([]),
    dissent: jsonb('dissent').$type<string[]>().notNull().default([]),
    /** Set for approvals; becomes the monitoring plan when the decision is signed. */
    monitoringPlan: jsonb('monitoring_plan').$type<MonitoringPlanValues>(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    recordId: uuid('record_id').references(() => decisionRecords.id),
  },
  (t) => [
    uniqueIndex('decisions_proposal_round_unique').on(t.proposalId, t.round),
    // The register's latest signed decision of each proposal.
    index('decisions_org_signed_idx').on(t.organisationId, t.proposalId, t.round).where(sql`${t.signedAt} is not null`),
    check('decisions_signed_with_record', sql`(${t.signedAt} is null) = (${t.recordId} is null)`),
  ],
)

/** Each step-up signature of a decision, in order. Append-only. */
export const decisionSignatures = pgTable(
  'decision_signatures',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 1 for the first signature: the order is part of the rule (the chief librarian signs first). */
    position: integer('position').notNull(),
    signedAs: text('signed_as', { enum: SIGNED_AS }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.userId] }),
    uniqueIndex('decision_signatures_position_unique').on(t.decisionId, t.position),
  ],
)

export type DecisionRow = typeof decisions.$inferSelect
export type DecisionSignatureRow = typeof decisionSignatures.$inferSelect
