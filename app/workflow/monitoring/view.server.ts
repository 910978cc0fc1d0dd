import { type Queryable } from '#db/client.server'
import { listChecks, listIncidents, listReadings, listReviews, listRounds, listRoundSignatures } from '#db/monitoring.server'
import { type Proposal } from '#db/schema'
import { listUsers } from '#db/users.server'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { dueOn, dueState, intervalLabel } from '~/utils/review-schedule'
import { describeThreshold, thresholdValue } from '~/utils/thresholds'
import { type Locale } from '~/utils/locale'
import { canEscalate } from './escalation.server'
import { canRecordIncident } from './incidents.server'
import { loadPlan } from './plan.server'
import { outcomeActions } from './reassessment.server'
import { canRecordReview, indicatorThreshold } from './reviews.server'
import { actorFor } from '~/workflow/actor.server'
import { type Person } from '~/workflow/person'

/** Everything the monitoring page shows, shaped for it. */
export async function getMonitoringView(
  db: Queryable,
  input: { proposal: Proposal; snapshot: ProposalSnapshot; user: Person; today: string; locale?: Locale },
) {
  const { proposal, snapshot, user, today, locale } = input
  const [loaded, reviews, incidents, rounds, people] = await Promise.all([
    loadPlan(db, proposal.id),
    listReviews(db, proposal.id),
    listIncidents(db, proposal.id),
    listRounds(db, proposal.id),
    listUsers(db, proposal.organisationId),
  ])
  const names = new Map(people.map((p) => [p.id, p.name]))
  const reviewIds = reviews.map((r) => r.id)
  const [readings, checks, signatures] = await Promise.all([
    listReadings(db, reviewIds),
    listChecks(db, reviewIds),
    Promise.all(rounds.map((r) => listRoundSignatures(db, r.id))),
  ])
  const latest = reviews.at(-1)
  const monitored = proposal.stage === 'monitoring'
  return {
    plan: loaded && {
      interval: intervalLabel(loaded.plan.intervalMonths),
      startsOn: loaded.plan.startsOn,
      nextSlot: loaded.plan.nextSlot,
      nextDueOn: loaded.plan.nextDueOn,
      // Only a monitored partnership owes reviews; in reassessment or suspension the date waits.
      dueState: monitored ? dueState(loaded.plan.nextDueOn, today) : null,
      responsible: names.get(loaded.plan.responsibleId) ?? 'a former member of staff',
      periodFrom: dueOn(loaded.plan, loaded.plan.nextSlot - 1),
    },
    indicators: (loaded?.indicators ?? []).map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      direction: i.direction,
      measure: i.measure,
      threshold: describeThreshold({ ...indicatorThreshold(i), unit: i.unit }, locale),
      thresholdLine: thresholdValue(indicatorThreshold(i)),
      points: reviews.flatMap((r) => {
        const reading = readings.find((x) => x.reviewId === r.id && x.indicatorId === i.id)
        return reading ? [{ slot: r.slot, reviewedOn: r.reviewedOn, value: reading.value, status: reading.status }] : []
      }),
    })),
    conditions: (loaded?.conditions ?? []).map((k) => ({
      id: k.id,
      text: k.text,
      source: k.source,
      addedLater: k.reassessmentId !== null,
      latest: latest ? (checks.find((c) => c.reviewId === latest.id && c.conditionId === k.id)?.status ?? null) : null,
    })),
    reviews: reviews
      .map((r) => ({
        id: r.id,
        slot: r.slot,
        dueOn: r.dueOn,
        reviewedOn: r.reviewedOn,
        status: r.status,
        escalation: r.escalation,
        narrative: r.narrative,
        recordedBy: names.get(r.recordedBy) ?? 'a former member of staff',
      }))
      .reverse(),
    incidents,
    rounds: rounds
      .map((r, n) => ({
        id: r.id,
        phase: r.phase,
        trigger: r.trigger,
        triggerSummary: r.triggerSummary,
        openedOn: r.openedAt.toISOString().slice(0, 10),
        outcome: r.outcome,
        rationale: r.rationale,
        newConditions: r.newConditions,
        recordedBy: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
        closedOn: r.closedAt ? r.closedAt.toISOString().slice(0, 10) : null,
        addendumId: r.addendumId,
        signatures: signatures[n]!.map((s) => ({ name: s.name, signedAt: s.signedAt.toISOString() })),
      }))
      .reverse(),
    actions: {
      review: !!loaded && canRecordReview(snapshot, user),
      incident: canRecordIncident(snapshot, user),
      escalate: canEscalate(snapshot, user),
      raiseConcern: can(snapshot, { type: 'concern.raise', concernId: 'probe', at: new Date().toISOString(), actor: actorFor(user) }),
      ...outcomeActions(snapshot, user),
    },
  }
}

export type MonitoringView = Awaited<ReturnType<typeof getMonitoringView>>
