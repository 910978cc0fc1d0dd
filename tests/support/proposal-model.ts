import { canonicalJson } from '#db/canonical-json'
import { type ProposalEvent } from '#machines/proposal-events'
import { type ProposalInput } from '#machines/proposal-machine'
import { type ProposalSnapshot } from '#machines/proposal-workflow'

/**
 * A small cast and a generator of candidate events, for model-based tests: the
 * graph traversal offers every candidate in every state and keeps what the
 * machine accepts.
 */
export const ORG = '00000000-0000-4000-8000-000000000001'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

export const CAST = {
  proposer: { id: uuid(10), roles: ['chief_librarian', 'signatory'], organisationId: ORG },
  reviewer1: { id: uuid(21), roles: ['reviewer'], organisationId: ORG },
  reviewer2: { id: uuid(22), roles: ['reviewer'], organisationId: ORG },
  reviewer3: { id: uuid(23), roles: ['reviewer'], organisationId: ORG },
  staff: { id: uuid(30), roles: ['staff'], organisationId: ORG },
  anonymousStaff: { id: null, roles: ['staff'], organisationId: ORG },
  signatory: { id: uuid(40), roles: ['signatory'], organisationId: ORG },
  system: { id: null, roles: ['system'], organisationId: ORG },
} as const satisfies Record<string, ProposalEvent['actor']>

export function modelInput(proposalId = uuid(99)): ProposalInput {
  return {
    proposalId,
    organisationId: ORG,
    proposerId: CAST.proposer.id,
    minReviewers: 2,
    requiredSignatures: 2,
    minConsultationDays: 14,
    unionRequired: true,
  }
}

export const T0 = '2026-01-05T09:00:00.000Z'
const CLOSING = '2026-02-02T09:00:00.000Z'
const AFTER_CLOSING = '2026-02-03T09:00:00.000Z'
const DEADLINE = '2026-01-20T09:00:00.000Z'
const AFTER_DEADLINE = '2026-01-21T09:00:00.000Z'

type Candidate = ProposalEvent

export function candidateEvents(state: ProposalSnapshot): Candidate[] {
  const P = CAST.proposer
  const reviewers = [CAST.reviewer1, CAST.reviewer2, CAST.reviewer3]
  const concerns = Object.keys(state.context.staff.concerns)
  const recommendations = Object.keys(state.context.professionalBody.recommendations)
  const nextConcern = `c${concerns.length + 1}`
  return [
    { type: 'proposal.update', actor: P },
    { type: 'reviewers.assign', reviewerIds: [CAST.reviewer1.id, CAST.reviewer2.id], actor: P },
    // The replacement set is offered only once reviewer 1 has recused, to keep the graph small.
    ...(state.context.reviewers[CAST.reviewer1.id] === 'recused'
      ? [{ type: 'reviewers.assign', reviewerIds: [CAST.reviewer2.id, CAST.reviewer3.id], actor: P } as Candidate]
      : []),
    { type: 'proposal.submit', intakeComplete: true, actor: P },
    { type: 'proposal.withdraw', reason: 'The partner pulled out', actor: P },
    ...reviewers.flatMap((r): Candidate[] => [
      { type: 'review.declare', conflict: false, actor: r },
      { type: 'review.declare', conflict: true, reason: 'Former employee of the partner', actor: r },
      { type: 'review.save', actor: r },
      { type: 'review.submit', actor: r },
    ]),
    { type: 'screening.complete', actor: P },
    { type: 'pb.request', deadline: DEADLINE, actor: P },
    { type: 'pb.respond', recommendationIds: ['r1', 'r2'], actor: P },
    { type: 'pb.respond', recommendationIds: [], actor: P },
    ...recommendations.map((id): Candidate => ({ type: 'pb.answer', recommendationId: id, accepted: id === 'r1', rationale: 'Not feasible', actor: P })),
    { type: 'pb.closeWithoutResponse', at: AFTER_DEADLINE, note: 'No reply by the deadline', actor: P },
    { type: 'pb.complete', actor: P },
    { type: 'staff.open', closingDate: CLOSING, at: T0, actor: P },
    ...(concerns.length < 1
      ? [
          { type: 'concern.raise', concernId: nextConcern, at: T0, actor: CAST.anonymousStaff } as Candidate,
          // A batch of held anonymous contributions (ADR 023), reaching the same states as a raise.
          { type: 'concern.release', concernIds: [nextConcern], actor: CAST.system } as Candidate,
        ]
      : []),
    ...concerns.flatMap((id): Candidate[] => [
      { type: 'concern.endorse', concernId: id, actor: CAST.staff },
      { type: 'concern.respond', concernId: id, actor: P },
      { type: 'concern.hide', concernId: id, reason: 'Abusive language', actor: P },
    ]),
    { type: 'union.record', actor: P },
    { type: 'staff.complete', at: AFTER_CLOSING, actor: P },
    ...(['approve', 'approve_with_conditions', 'reject', 'return_for_revision'] as const).map(
      (outcome): Candidate => ({ type: 'decision.record', outcome, actor: P }),
    ),
    { type: 'decision.sign', stepUpVerified: true, actor: P },
    { type: 'decision.sign', stepUpVerified: true, actor: CAST.signatory },
    { type: 'monitoring.start', actor: P },
    { type: 'monitoring.review', breach: false, actor: P },
    { type: 'monitoring.review', breach: true, actor: P },
    { type: 'monitoring.escalate', reason: 'Surge of staff concerns', actor: CAST.system },
    { type: 'incident.record', actor: P },
    ...(['continue', 'add_conditions', 'suspend', 'terminate'] as const).map(
      (outcome): Candidate => ({ type: 'reassessment.record', outcome, actor: P }),
    ),
    { type: 'reassessment.sign', stepUpVerified: true, actor: P },
    { type: 'reassessment.sign', stepUpVerified: true, actor: CAST.signatory },
    ...(['resume', 'terminate'] as const).map((outcome): Candidate => ({ type: 'suspension.record', outcome, actor: P })),
    { type: 'suspension.sign', stepUpVerified: true, actor: P },
    { type: 'suspension.sign', stepUpVerified: true, actor: CAST.signatory },
    { type: 'contract.end', actor: P },
  ]
}

/**
 * Two snapshots are the same graph node when their state and the facts the
 * guards read are the same; counters that only grow (revisions, reviews
 * recorded) are left out so that the graph is finite.
 */
export function serializeForGraph(state: ProposalSnapshot): string {
  const { reviewers, professionalBody, staff, pending } = state.context
  // Canonical: jsonb does not keep key order, and a round trip must compare equal.
  return canonicalJson({
    value: state.value,
    reviewers: Object.entries(reviewers).sort(),
    pb: [professionalBody.deadline, professionalBody.responded, Object.entries(professionalBody.recommendations).sort(), professionalBody.closedWithoutResponse],
    staff: [staff.closingDate, Object.entries(staff.concerns).sort(), staff.unionRecorded],
    pending,
  })
}
