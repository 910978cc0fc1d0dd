import { type Database } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { type ProposalEvent } from '#machines/proposal-events'
import { visaRecordData } from '#tests/support/decision-records'
import { type SigningConfig } from '~/signing/certificates.server'
import { issueRecord } from '~/signing/issue-record.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { type Person } from '~/workflow/person'
import { createMonitoringPlan, type NewMonitoringPlan } from '~/workflow/monitoring/plan.server'

export { visaPlan } from '~/workflow/scenarios/visa-case.server'

/**
 * Scenario helpers for monitoring: a proposal taken to an approved decision
 * with its monitoring plan, and into monitoring, for tests of this stage,
 * the dashboards and the demo seed.
 */

type Target = Pick<Proposal, 'id' | 'organisationId'>

async function apply(db: Database, proposal: Target, event: ProposalEvent, effect?: Parameters<typeof applyEvent>[1]['effect']) {
  const result = await applyEvent(db, { organisationId: proposal.organisationId, proposalId: proposal.id, event, effect })
  if (!result.ok) throw new Error(`${event.type} refused: ${result.message}`)
  return result
}

export type ApprovalCast = {
  chief: Person
  reviewers: Person[]
  /** A second signatory, when the organisation requires one. */
  signatory?: Person
}

/**
 * From draft to an approved decision by machine events alone (no screening or
 * consultation rows), creating the monitoring plan in the transaction of the
 * last signature, as the decision workflow does.
 */
export async function approveWithPlan(db: Database, proposal: Target, cast: ApprovalCast, plan: Omit<NewMonitoringPlan, 'proposalId'>) {
  const P = actorFor(cast.chief)
  const at = '2026-01-05T09:00:00.000Z'
  const events: ProposalEvent[] = [
    { type: 'reviewers.assign', reviewerIds: cast.reviewers.map((r) => r.id), actor: P },
    { type: 'proposal.submit', intakeComplete: true, actor: P },
    ...cast.reviewers.map((r): ProposalEvent => ({ type: 'review.declare', conflict: false, actor: actorFor(r) })),
    ...cast.reviewers.map((r): ProposalEvent => ({ type: 'review.submit', actor: actorFor(r) })),
    { type: 'screening.complete', actor: P },
    { type: 'pb.request', deadline: '2026-02-01T00:00:00.000Z', actor: P },
    { type: 'pb.respond', recommendationIds: [], actor: P },
    { type: 'pb.complete', actor: P },
    { type: 'staff.open', closingDate: '2026-03-01T00:00:00.000Z', at, actor: P },
    { type: 'union.record', actor: P },
    { type: 'staff.complete', at: '2026-03-02T00:00:00.000Z', actor: P },
    { type: 'decision.record', outcome: 'approve_with_conditions', actor: P },
  ]
  for (const event of events) await apply(db, proposal, event)
  const signers = [cast.chief, ...(cast.signatory ? [cast.signatory] : [])]
  for (const [n, signer] of signers.entries()) {
    const last = n === signers.length - 1
    await apply(db, proposal, { type: 'decision.sign', stepUpVerified: true, actor: actorFor(signer) }, last ? (tx) => createMonitoringPlan(tx, { ...plan, proposalId: proposal.id }).then(() => undefined) : undefined)
  }
}

/** Approved, with its plan, and monitoring started. */
export async function startMonitoring(db: Database, proposal: Target, cast: ApprovalCast, plan: Omit<NewMonitoringPlan, 'proposalId'>) {
  await approveWithPlan(db, proposal, cast, plan)
  return apply(db, proposal, { type: 'monitoring.start', actor: actorFor(cast.chief) })
}

/**
 * The signed decision record an addendum links to, for tests that reach
 * monitoring without the decision pages: the visa-services record, renamed
 * for this proposal.
 */
export async function issueDecisionRecord(db: Database, signing: SigningConfig, proposal: Pick<Proposal, 'id' | 'organisationId' | 'reference' | 'title' | 'partner'>) {
  const { record: _record, ...data } = visaRecordData()
  return issueRecord(db, signing, {
    kind: 'decision',
    organisationId: proposal.organisationId,
    proposalId: proposal.id,
    data: { ...data, proposal: { ...data.proposal, reference: proposal.reference, title: proposal.title, partner: proposal.partner } },
  })
}
