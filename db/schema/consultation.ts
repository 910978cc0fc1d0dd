import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
// The categories the signed record prints; one list for the record and the table.
import { CONCERN_CATEGORIES } from '../../machines/vocabulary/consultation'
import { users } from './core'
import { proposals } from './proposals'

export const RECOMMENDATION_ANSWERS = ['accepted', 'not_accepted'] as const

/**
 * Consultation rows belong to one round of a proposal: a proposal returned for
 * revision is consulted on afresh, and `round` is the machine's revision count
 * when the round began. Calendar dates (`date`) are what the record shows;
 * moments (`timestamptz`) only ever describe what a named person did.
 */

/** The request to the professional body, its response or the note closing it without one. */
export const professionalBodyConsultations = pgTable(
  'professional_body_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    /** The body's name when it was asked, so that renaming the setting does not rewrite history. */
    bodyName: text('body_name').notNull(),
    sentOn: date('sent_on').notNull(),
    contact: text('contact').notNull(),
    shared: text('shared').notNull(),
    deadline: date('deadline').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on'),
    responseSummary: text('response_summary'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedNote: text('closed_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('pb_consultations_proposal_round_unique').on(t.proposalId, t.round)],
)

/** Each recommendation in the body's response, answered one by one. */
export const professionalBodyRecommendations = pgTable(
  'professional_body_recommendations',
  {
    id: uuid('id').primaryKey(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => professionalBodyConsultations.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    answer: text('answer', { enum: RECOMMENDATION_ANSWERS }),
    rationale: text('rationale'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pb_recommendations_position_unique').on(t.consultationId, t.position),
    index('pb_recommendations_unanswered_idx').on(t.consultationId).where(sql`${t.answer} is null`),
    check(
      'pb_recommendations_rationale_when_not_accepted',
      sql`${t.answer} is distinct from 'not_accepted' or length(trim(${t.rationale})) > 0`,
    ),
  ],
)

export const staffConsultations = pgTable(
  'staff_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    summary: text('summary').notNull(),
    openedOn: date('opened_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** The moment the machine compares against: the end of `closes_on` in the service's time zone. */
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_consultations_proposal_round_unique').on(t.proposalId, t.round)],
)

/** The recognised trade union's response; a later entry corrects an earlier one. */
export const unionConsultations = pgTable(
  'union_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    unionName: text('union_name').notNull(),
    consultedOn: date('consulted_on').notNull(),
    response: text('response').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('union_consultations_proposal_round_idx').on(t.proposalId, t.round)],
)

/**
 * A staff concern. An anonymous one keeps no author, session, address or
 * moment: `author_id` is null, the only date is the day, and `author_tag`
 * (an HMAC of user and concern under the server secret) lets the server
 * refuse its author's endorsement without anyone being able to say who that
 * is. This table deliberately has no timestamp column.
 */
export const staffConcerns = pgTable(
  'staff_concerns',
  {
    id: uuid('id').primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    /** The proposal's stage when raised: consultation, or later monitoring. */
    phase: text('phase').notNull(),
    category: text('category', { enum: CONCERN_CATEGORIES }).notNull(),
    text: text('text').notNull(),
    anonymous: boolean('anonymous').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorTag: text('author_tag').notNull(),
    /** SHA-256 of the receipt code given once to an anonymous author. */
    receiptHash: text('receipt_hash'),
    raisedOn: date('raised_on').notNull(),
    response: text('response'),
    /** A commitment the response makes, carried into the decision's conditions. */
    responseCondition: text('response_condition'),
    respondedOn: date('responded_on'),
    respondedBy: uuid('responded_by').references(() => users.id),
    hiddenReason: text('hidden_reason'),
    hiddenOn: date('hidden_on'),
    hiddenBy: uuid('hidden_by').references(() => users.id),
    /** The audit entry (seq) of the batch that released this anonymous concern; null for a named one. */
    releasedSeq: integer('released_seq'),
  },
  (t) => [
    index('staff_concerns_proposal_round_idx').on(t.proposalId, t.round),
    index('staff_concerns_author_idx').on(t.authorId),
    // The dashboard's blocking issues: concerns still waiting for an answer.
    index('staff_concerns_unanswered_idx').on(t.proposalId).where(sql`${t.response} is null and ${t.hiddenReason} is null`),
    uniqueIndex('staff_concerns_receipt_unique').on(t.receiptHash),
    check(
      'staff_concerns_anonymous_has_no_author',
      sql`(${t.anonymous} and ${t.authorId} is null and ${t.receiptHash} is not null) or (not ${t.anonymous} and ${t.authorId} is not null and ${t.receiptHash} is null)`,
    ),
  ],
)

/**
 * A co-signature. The tag is the same HMAC as a concern's author tag, so the
 * primary key refuses a second endorsement by one person, named or not.
 */
export const concernEndorsements = pgTable(
  'concern_endorsements',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => staffConcerns.id),
    tag: text('tag').notNull(),
    /** Null for an anonymous endorsement. */
    endorserId: uuid('endorser_id').references(() => users.id),
    endorsedOn: date('endorsed_on').notNull(),
    /** The audit entry (seq) of the batch that released this anonymous endorsement. */
    releasedSeq: integer('released_seq'),
  },
  (t) => [primaryKey({ name: 'concern_endorsements_pk', columns: [t.concernId, t.tag] })],
)

export const HELD_KINDS = ['concern', 'endorsement'] as const

/**
 * An anonymous contribution waiting for its batch's release
 * (docs/decisions/023-anonymity.md). Nothing here orders it among other
 * events: a random id, the day only, no timestamp, and no link to the
 * proposal's version or audit chain until it is released and deleted here.
 */
export const heldContributions = pgTable(
  'held_contributions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    kind: text('kind', { enum: HELD_KINDS }).notNull(),
    /** The concern's id once released, or the concern endorsed. */
    concernId: uuid('concern_id').notNull(),
    tag: text('tag').notNull(),
    round: integer('round'),
    phase: text('phase'),
    category: text('category', { enum: CONCERN_CATEGORIES }),
    text: text('text'),
    receiptHash: text('receipt_hash'),
    heldOn: date('held_on').notNull(),
  },
  (t) => [
    index('held_contributions_proposal_idx').on(t.proposalId),
    uniqueIndex('held_contributions_concern_tag_unique').on(t.concernId, t.tag),
    uniqueIndex('held_contributions_receipt_unique').on(t.receiptHash),
    check(
      'held_contributions_shape',
      sql`(${t.kind} = 'concern' and ${t.text} is not null and ${t.category} is not null and ${t.receiptHash} is not null and ${t.round} is not null and ${t.phase} is not null) or (${t.kind} = 'endorsement' and ${t.text} is null and ${t.receiptHash} is null)`,
    ),
  ],
)

export type HeldContributionRow = typeof heldContributions.$inferSelect

export type ProfessionalBodyConsultationRow = typeof professionalBodyConsultations.$inferSelect
export type ProfessionalBodyRecommendationRow = typeof professionalBodyRecommendations.$inferSelect
export type StaffConsultationRow = typeof staffConsultations.$inferSelect
export type UnionConsultationRow = typeof unionConsultations.$inferSelect
export type StaffConcernRow = typeof staffConcerns.$inferSelect
