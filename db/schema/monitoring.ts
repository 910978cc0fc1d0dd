import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { CONDITION_SOURCES } from '../../machines/vocabulary/decision'
import { CONDITION_STATUSES, ESCALATION_TRIGGERS, INDICATOR_DIRECTIONS, INDICATOR_MEASURES, OUTCOME_PHASES, RAG_STATUSES, REASSESSMENT_OUTCOMES, SUSPENSION_OUTCOMES, THRESHOLD_KINDS } from '../../machines/vocabulary/monitoring'
import { RISK_BANDS } from '../../machines/vocabulary/risk'
import { organisations, users } from './core'
import { proposals } from './proposals'

// A suspension ends in "resume" or the reassessment's own "terminate".
const OUTCOMES = [...REASSESSMENT_OUTCOMES, ...SUSPENSION_OUTCOMES] as const

/** An organisation's reusable indicators, from which decision makers build a monitoring plan. */
export const indicatorLibrary = pgTable(
  'indicator_library',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    description: text('description').notNull().default(''),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    thresholdKind: text('threshold_kind', { enum: THRESHOLD_KINDS }).notNull(),
    thresholdValue: doublePrecision('threshold_value').notNull(),
    measure: text('measure', { enum: INDICATOR_MEASURES }).notNull().default('manual'),
    /** Retired indicators stay for the plans that used them but are not offered again. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_library_org_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    check('indicator_library_threshold_positive', sql`${t.thresholdValue} > 0`),
  ],
)

/**
 * The monitoring plan a decision approved. Reviews fall due on the schedule
 * from `starts_on` every `interval_months`; `next_slot` is the scheduled review
 * still to be recorded and `next_due_on` its date (kept beside it so that
 * dashboards can filter on it), both derived by app/utils/review-schedule.ts.
 */
export const monitoringPlans = pgTable(
  'monitoring_plans',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id),
    intervalMonths: integer('interval_months').notNull(),
    startsOn: date('starts_on').notNull(),
    /** Who records the reviews; shown on dashboards and notified when one is overdue. */
    responsibleId: uuid('responsible_id')
      .notNull()
      .references(() => users.id),
    nextSlot: integer('next_slot').notNull().default(1),
    nextDueOn: date('next_due_on').notNull(),
    /** The last slot whose lateness has been notified, so that each is notified once. */
    overdueNotifiedSlot: integer('overdue_notified_slot').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('monitoring_plans_interval', sql`${t.intervalMonths} between 1 and 36`),
    index('monitoring_plans_next_due_idx').on(t.nextDueOn),
  ],
)

export const monitoringIndicators = pgTable(
  'monitoring_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    thresholdKind: text('threshold_kind', { enum: THRESHOLD_KINDS }).notNull(),
    thresholdValue: doublePrecision('threshold_value').notNull(),
    measure: text('measure', { enum: INDICATOR_MEASURES }).notNull().default('manual'),
    libraryIndicatorId: uuid('library_indicator_id').references(() => indicatorLibrary.id),
  },
  (t) => [
    uniqueIndex('monitoring_indicators_position_unique').on(t.proposalId, t.position),
    check('monitoring_indicators_threshold_positive', sql`${t.thresholdValue} > 0`),
    // A percentage of nothing means nothing.
    check('monitoring_indicators_percent_baseline', sql`${t.thresholdKind} <> 'percent' or ${t.baseline} <> 0`),
  ],
)

/**
 * One signed outcome round in monitoring: a reassessment (opened by a breach,
 * an escalation or a surge of concerns) or the suspension that may follow it.
 * The outcome is proposed, then signed; the last signature closes the round
 * and issues the signed addendum.
 */
export const reassessments = pgTable(
  'reassessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    phase: text('phase', { enum: OUTCOME_PHASES }).notNull(),
    trigger: text('trigger', { enum: ESCALATION_TRIGGERS }).notNull(),
    triggerSummary: text('trigger_summary').notNull(),
    /** The review that sent the partnership back, when a review did. */
    reviewId: uuid('review_id').references(() => monitoringReviews.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: OUTCOMES }),
    rationale: text('rationale').notNull().default(''),
    /** Conditions an `add_conditions` outcome will add once signed. */
    newConditions: jsonb('new_conditions').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The signed addendum issued when the round closed (the records table's id). */
    addendumId: uuid('addendum_id'),
  },
  (t) => [
    index('reassessments_proposal_idx').on(t.proposalId, t.openedAt),
    // At most one open round per partnership.
    uniqueIndex('reassessments_one_open').on(t.proposalId).where(sql`${t.closedAt} is null`),
  ],
)

export const reassessmentSignatures = pgTable(
  'reassessment_signatures',
  {
    reassessmentId: uuid('reassessment_id')
      .notNull()
      .references(() => reassessments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reassessmentId, t.userId] })],
)

export const monitoringConditions = pgTable(
  'monitoring_conditions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    source: text('source', { enum: CONDITION_SOURCES }).notNull(),
    /** Null for the decision's own conditions. */
    reassessmentId: uuid('reassessment_id').references(() => reassessments.id),
  },
  (t) => [uniqueIndex('monitoring_conditions_position_unique').on(t.proposalId, t.position)],
)

export const monitoringReviews = pgTable(
  'monitoring_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    /** Which scheduled review this is (1 = the first after the start). */
    slot: integer('slot').notNull(),
    dueOn: date('due_on').notNull(),
    reviewedOn: date('reviewed_on').notNull(),
    narrative: text('narrative').notNull(),
    status: text('status', { enum: RAG_STATUSES }).notNull(),
    /** Why this review sent the partnership back for reassessment, if it did. */
    escalation: text('escalation', { enum: ESCALATION_TRIGGERS }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('monitoring_reviews_slot_unique').on(t.proposalId, t.slot)],
)

export const reviewReadings = pgTable(
  'review_readings',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => monitoringReviews.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => monitoringIndicators.id),
    value: doublePrecision('value').notNull(),
    status: text('status', { enum: RAG_STATUSES }).notNull(),
    breached: boolean('breached').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.indicatorId] })],
)

export const conditionChecks = pgTable(
  'condition_checks',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => monitoringReviews.id),
    conditionId: uuid('condition_id')
      .notNull()
      .references(() => monitoringConditions.id),
    status: text('status', { enum: CONDITION_STATUSES }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.conditionId] })],
)

/**
 * Something that happened because of, or around, a partnership. People
 * involved are described by role ("front-desk staff", "applicant"), never by
 * name; the person recording it is named, as incident reports are signed.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    occurredOn: date('occurred_on').notNull(),
    /** HH:MM when known. */
    occurredTime: text('occurred_time'),
    location: text('location').notNull(),
    description: text('description').notNull(),
    rolesInvolved: jsonb('roles_involved').$type<string[]>().notNull().default([]),
    actionTaken: text('action_taken').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('incidents_proposal_occurred_idx').on(t.proposalId, t.occurredOn),
    check('incidents_time_format', sql`${t.occurredTime} is null or ${t.occurredTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
)

/**
 * Each screening round's overall risk band (the highest band any criterion's
 * median reaches), kept for the partnership register so that it can filter
 * and sort thousands of partnerships without re-aggregating every score. A
 * completed round's scores never change, so a row is never stale; `band` is
 * null when the round had no submitted scores.
 */
export const proposalRiskBands = pgTable(
  'proposal_risk_bands',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    band: text('band', { enum: RISK_BANDS }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.round] })],
)

export type IndicatorLibraryEntry = typeof indicatorLibrary.$inferSelect
export type MonitoringPlanRow = typeof monitoringPlans.$inferSelect
export type MonitoringIndicatorRow = typeof monitoringIndicators.$inferSelect
export type MonitoringConditionRow = typeof monitoringConditions.$inferSelect
export type MonitoringReviewRow = typeof monitoringReviews.$inferSelect
export type ReviewReadingRow = typeof reviewReadings.$inferSelect
export type ConditionCheckRow = typeof conditionChecks.$inferSelect
export type IncidentRow = typeof incidents.$inferSelect
export type ReassessmentRow = typeof reassessments.$inferSelect
