import { type Database } from '#db/client.server'
import { countMonitoringConcerns, findLastRound, findPlan, openRound } from '#db/monitoring.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { findOrganisation } from '#db/users.server'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { periodOf } from '~/utils/review-schedule'
import { actorFor, systemActor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'
import { renderAuditDetail } from '~/utils/audit-summary'

export function escalateEvent(user: Person, reason: string) {
  return { type: 'monitoring.escalate' as const, reason, actor: actorFor(user) }
}

export function canEscalate(snapshot: ProposalSnapshot, user: Person) {
  return can(snapshot, escalateEvent(user, 'reason'))
}

/** The chief librarian sends a monitored partnership back for reassessment, saying why. */
export async function escalate(
  db: Database,
  input: { user: Person; proposalId: string; reason: string; expectedVersion?: number; now?: Date },
): Promise<{ ok: true } | Refusal> {
  const now = input.now ?? new Date()
  const result = await applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    event: escalateEvent(input.user, input.reason),
    expectedVersion: input.expectedVersion,
    audit: { kind: 'escalated', reason: input.reason },
    now,
    effect: async (tx) => {
      await openRound(tx, {
        proposalId: input.proposalId,
        phase: 'reassessment',
        trigger: 'manual',
        triggerSummary: input.reason,
        reviewId: null,
        openedAt: now,
      })
    },
  })
  return result.ok ? { ok: true } : result
}

/**
 * After a staff concern in monitoring: when the concerns raised in the current
 * review period reach the organisation's surge count, Probity itself sends the
 * partnership for reassessment. Concerns raised on or before the day the last
 * reassessment opened were already weighed there and are not counted again.
 * Returns whether it escalated.
 */
export async function checkConcernSurge(
  db: Database,
  input: { organisationId: string; proposalId: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date()
  const proposal = await loadProposal(db, input.organisationId, input.proposalId)
  const plan = proposal && (await findPlan(db, input.proposalId))
  if (!proposal || !plan) return false
  const event = { type: 'monitoring.escalate' as const, reason: 'A surge of staff concerns', actor: systemActor(input.organisationId) }
  if (!can(proposal.snapshot, event)) return false
  const organisation = await findOrganisation(db, input.organisationId)
  const surgeCount = organisation?.settings.concernSurgeCount ?? DEFAULT_ORGANISATION_SETTINGS.concernSurgeCount
  const lastRound = await findLastRound(db, input.proposalId)
  const period = periodOf(plan, plan.nextSlot)
  const raised = await countMonitoringConcerns(db, input.proposalId, period.from, lastRound ? lastRound.openedAt.toISOString().slice(0, 10) : null)
  if (raised < surgeCount) return false
  const audit = { kind: 'concern.surge' as const, raised, limit: surgeCount }
  const summary = renderAuditDetail(audit)
  const result = await applyEvent(db, {
    organisationId: input.organisationId,
    proposalId: input.proposalId,
    event: { ...event, reason: summary },
    audit,
    now,
    effect: async (tx) => {
      await openRound(tx, {
        proposalId: input.proposalId,
        phase: 'reassessment',
        trigger: 'concern_surge',
        triggerSummary: summary,
        reviewId: null,
        openedAt: now,
      })
    },
  })
  return result.ok
}
