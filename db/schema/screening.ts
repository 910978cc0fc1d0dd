import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { organisations, users } from './core'
import { proposals } from './proposals'

export type RubricCriterion = {
  /** Stable across versions, so that a reworded criterion keeps its history. */
  key: string
  name: string
  description: string
  questions: string[]
  /** The professional principles it serves, e.g. "CILIP: impartiality". */
  principles: string[]
}

export type PrivacyItem = {
  key: string
  question: string
  guidance: string
  required: boolean
  /**
   * The item's failure said as a problem, e.g. "The contract is not consistent
   * with the library's privacy policy": what a blocking issue reads as on the
   * decision page and in the record. Absent in versions written before it existed.
   */
  problem?: string
}

export type RubricContent = {
  /** The lowest score (likelihood × impact, 1–25) of the medium, high and very high bands. */
  bands: { medium: number; high: number; veryHigh: number }
  /** Reviewers this many bands apart on a criterion are flagged as disagreeing. */
  disagreementBands: number
  criteria: RubricCriterion[]
  privacyItems: PrivacyItem[]
}

/**
 * A version of an organisation's screening rubric. Versions are never changed:
 * an edit creates the next one, and each screening round names the version it
 * used, so past reviews keep their meaning.
 */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<RubricContent>().notNull(),
    /** Null for the default rubric Probity created. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rubrics_org_version_unique').on(t.organisationId, t.version)],
)

/** One screening of a proposal; a proposal returned for revision is screened again in the next round. */
export const screenings = pgTable(
  'screenings',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => rubrics.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.round] })],
)

/**
 * A reviewer's part in a round. Status (assigned, cleared, recused, submitted)
 * is the machine's; this keeps what the record needs: when, and why a recusal.
 */
export const screeningReviewers = pgTable(
  'screening_reviewers',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    conflict: boolean('conflict'),
    conflictReason: text('conflict_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.round, t.reviewerId] })],
)

const inScale = (c: AnyPgColumn) => sql`${c} is null or ${c} between 1 and 5`

/** One reviewer's score of one criterion; empty fields are allowed until the review is submitted. */
export const reviewScores = pgTable(
  'review_scores',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    criterionKey: text('criterion_key').notNull(),
    likelihood: smallint('likelihood'),
    impact: smallint('impact'),
    rationale: text('rationale').notNull().default(''),
    mitigations: text('mitigations').notNull().default(''),
    residualLikelihood: smallint('residual_likelihood'),
    residualImpact: smallint('residual_impact'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.round, t.reviewerId, t.criterionKey] }),
    check('review_scores_likelihood_scale', inScale(t.likelihood)),
    check('review_scores_impact_scale', inScale(t.impact)),
    check('review_scores_residual_likelihood_scale', inScale(t.residualLikelihood)),
    check('review_scores_residual_impact_scale', inScale(t.residualImpact)),
  ],
)

export const PRIVACY_ANSWERS = ['yes', 'no', 'not_applicable'] as const

/** One reviewer's answer to one item of the privacy checklist. */
export const privacyAnswers = pgTable(
  'privacy_answers',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    itemKey: text('item_key').notNull(),
    answer: text('answer', { enum: PRIVACY_ANSWERS }),
    evidence: text('evidence').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.round, t.reviewerId, t.itemKey] }),
    // The dashboard's blocking issues: the few protections found missing.
    index('privacy_answers_no_idx').on(t.proposalId, t.round).where(sql`${t.answer} = 'no'`),
  ],
)

export type Rubric = typeof rubrics.$inferSelect
export type ReviewScore = typeof reviewScores.$inferSelect
export type PrivacyAnswerRow = typeof privacyAnswers.$inferSelect
export type ScreeningReviewer = typeof screeningReviewers.$inferSelect
