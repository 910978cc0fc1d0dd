import { type Database, type Queryable } from '#db/client.server'
import {
  advancePlan,
  countConcerns,
  countIncidents,
  insertReview,
  listChecks,
  listReviews,
  openRound,
} from '#db/monitoring.server'
import { type MonitoringIndicatorRow } from '#db/schema'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { dueOn, periodOf } from '~/utils/review-schedule'
import { describeReading, describeThreshold, isBreached, readingStatus, reviewStatus } from '~/utils/thresholds'
import { type Locale } from '~/utils/locale'
import { DEFAULT_LOCALE, fixedT } from '~/utils/i18n'
import { type Rag, type ConditionStatus } from '#machines/vocabulary/monitoring'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { RefusedError } from '~/workflow/refusal'
import { refuse, type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'
import { loadPlan, type LoadedPlan } from './plan.server'
import { renderAuditDetail } from '~/utils/audit-summary'
import { type AuditDetail } from '#machines/vocabulary/audit-entries'

export type ReviewValues = {
  reviewedOn: string
  narrative: string
  readings: { indicatorId: string; value: number }[]
  checks: { conditionId: string; status: ConditionStatus; note: string }[]
}

export type Reading = { indicator: MonitoringIndicatorRow; value: number; status: Rag; breached: boolean }

export type ReviewAssessment = {
  slot: number
  dueOn: string
  readings: Reading[]
  checks: ReviewValues['checks']
  /** Conditions not met at this review and the one before. */
  notMetTwice: string[]
  escalation: 'threshold' | 'condition_not_met' | null
  status: Rag
  /** What the timeline and the reassessment say the review found. */
  summary: string
  audit: Extract<AuditDetail, { kind: 'review.recorded' }>
}

export const indicatorThreshold = (i: Pick<MonitoringIndicatorRow, 'baseline' | 'direction' | 'thresholdKind' | 'thresholdValue'>) => ({
  baseline: i.baseline,
  direction: i.direction,
  threshold: { kind: i.thresholdKind, value: i.thresholdValue },
})

/** The value Probity counts for an indicator measured from its own records, over a review's period. */
export async function countedValue(db: Queryable, indicator: MonitoringIndicatorRow, period: { from: string; to: string }) {
  if (indicator.measure === 'incidents') return countIncidents(db, indicator.proposalId, period.from, period.to)
  if (indicator.measure === 'staff_concerns') return countConcerns(db, indicator.proposalId, period.from, period.to)
  return undefined
}

/**
 * What a review's values mean: each reading against its threshold, the
 * conditions not met twice running, whether the review escalates and its
 * status. Field errors name the form field a missing value belongs to.
 */
export async function assessReview(
  db: Queryable,
  loaded: LoadedPlan,
  values: Pick<ReviewValues, 'readings' | 'checks'>,
): Promise<{ ok: true; assessment: ReviewAssessment } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const { plan, indicators, conditions } = loaded
  const slot = plan.nextSlot
  const period = periodOf(plan, slot)
  const fieldErrors: Record<string, string[]> = {}
  const typed = new Map(values.readings.map((r) => [r.indicatorId, r.value]))
  const readings: Reading[] = []
  // The form lists only the indicators typed in, in plan order; errors follow its numbering.
  let typedIndex = 0
  for (const indicator of indicators) {
    const counted = await countedValue(db, indicator, period)
    const value = counted ?? typed.get(indicator.id)
    if (counted === undefined) typedIndex++
    if (value === undefined) {
      fieldErrors[`readings[${typedIndex - 1}].value`] = [`Give the value of “${indicator.name}”`]
      continue
    }
    const threshold = indicatorThreshold(indicator)
    readings.push({ indicator, value, status: readingStatus(threshold, value), breached: isBreached(threshold, value) })
  }
  // Only this plan's conditions count: an id from elsewhere is ignored, never linked.
  const checks = values.checks.filter((c) => conditions.some((k) => k.id === c.conditionId))
  const checked = new Map(checks.map((c) => [c.conditionId, c.status]))
  for (const [n, condition] of conditions.entries()) {
    if (!checked.has(condition.id)) fieldErrors[`checks[${n}].status`] = ['Say whether this condition is met']
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const previous = (await listReviews(db, plan.proposalId)).find((r) => r.slot === slot - 1)
  const previousChecks = previous ? await listChecks(db, [previous.id]) : []
  const notMetBefore = new Set(previousChecks.filter((c) => c.status === 'not_met').map((c) => c.conditionId))
  const notMetTwice = conditions.filter((c) => checked.get(c.id) === 'not_met' && notMetBefore.has(c.id)).map((c) => c.text)

  const breaches = readings.filter((r) => r.breached)
  const escalation = breaches.length ? 'threshold' : notMetTwice.length ? 'condition_not_met' : null
  const status = reviewStatus(
    readings.map((r) => r.status),
    [...checked.values()],
    escalation !== null,
  )
  const findings = [
    ...breaches.map((r) => describeReading({ ...indicatorThreshold(r.indicator), name: r.indicator.name, unit: r.indicator.unit }, r.value)),
    ...notMetTwice.map((text) => `Condition not met at two reviews running: “${text}”`),
  ]
  const audit = { kind: 'review.recorded' as const, slot, status, findings, escalates: escalation !== null }
  const summary = renderAuditDetail(audit)
  return { ok: true, assessment: { slot, dueOn: dueOn(plan, slot), readings, checks, notMetTwice, escalation, status, summary, audit } }
}

export function reviewEvent(user: Person, breach: boolean) {
  return { type: 'monitoring.review' as const, breach, actor: actorFor(user) }
}

export function canRecordReview(snapshot: ProposalSnapshot, user: Person) {
  return can(snapshot, reviewEvent(user, false))
}

export type RecordedReview = { ok: true; reviewId: string; assessment: ReviewAssessment }

/**
 * Records the review due now. A reading beyond its threshold, or a condition
 * not met twice running, sends the partnership into reassessment in the same
 * transaction, with the review as its trigger.
 */
export async function recordReview(
  db: Database,
  // `locale`: the reader's language, for the words of a refusal (English by default).
  input: { user: Person; proposalId: string; values: ReviewValues; expectedVersion?: number; today: string; now?: Date; locale?: Locale },
): Promise<RecordedReview | (Refusal & { fieldErrors?: Record<string, string[]> })> {
  const { user, proposalId, values } = input
  const now = input.now ?? new Date()
  const locale = input.locale ?? DEFAULT_LOCALE
  const t = fixedT(locale, 'monitoring')
  const proposal = await loadProposal(db, user.organisationId, proposalId)
  if (!proposal) return refuse(404, fixedT(locale, 'common')('notFound.proposal'))
  if (!canRecordReview(proposal.snapshot, user)) return refuse(403, t('refusals.reviewsByChief'))
  const loaded = await loadPlan(db, proposalId)
  if (!loaded) return refuse(409, t('refusals.noPlan'))
  if (values.reviewedOn > input.today) return refuse(400, t('refusals.reviewInFuture'), 'reviewedOn')
  if (values.reviewedOn < loaded.plan.startsOn) return refuse(400, t('refusals.reviewBeforeStart'), 'reviewedOn')
  const assessed = await assessReview(db, loaded, values)
  if (!assessed.ok) return { ...refuse(400, t('refusals.valuesMissing')), fieldErrors: assessed.fieldErrors }
  const { assessment } = assessed
  let reviewId = ''
  const result = await applyEvent(db, {
    locale,
    organisationId: user.organisationId,
    proposalId,
    event: reviewEvent(user, assessment.escalation !== null),
    expectedVersion: input.expectedVersion,
    audit: assessment.audit,
    now,
    effect: async (tx) => {
      const { plan } = loaded
      if (!(await advancePlan(tx, proposalId, assessment.slot, assessment.slot + 1, dueOn(plan, assessment.slot + 1)))) {
        throw new RefusedError(t('refusals.reviewRecorded'), 409)
      }
      const review = await insertReview(
        tx,
        {
          proposalId,
          slot: assessment.slot,
          dueOn: assessment.dueOn,
          reviewedOn: values.reviewedOn,
          narrative: values.narrative,
          status: assessment.status,
          escalation: assessment.escalation,
          recordedBy: user.id,
          recordedAt: now,
        },
        assessment.readings.map((r) => ({ indicatorId: r.indicator.id, value: r.value, status: r.status, breached: r.breached })),
        assessment.checks,
      )
      reviewId = review.id
      if (assessment.escalation) {
        await openRound(tx, {
          proposalId,
          phase: 'reassessment',
          trigger: assessment.escalation,
          triggerSummary: assessment.summary,
          reviewId: review.id,
          openedAt: now,
        })
      }
    },
  })
  if (!result.ok) return result
  return { ok: true, reviewId, assessment }
}

/** What the review form needs: the slot due, each indicator (with Probity's count where it counts) and each condition. */
export async function reviewForm(db: Queryable, loaded: LoadedPlan, locale?: Locale) {
  const { plan } = loaded
  const period = periodOf(plan, plan.nextSlot)
  const previous = (await listReviews(db, plan.proposalId)).find((r) => r.slot === plan.nextSlot - 1)
  const previousChecks = previous ? await listChecks(db, [previous.id]) : []
  return {
    slot: plan.nextSlot,
    dueOn: dueOn(plan, plan.nextSlot),
    period,
    indicators: await Promise.all(
      loaded.indicators.map(async (i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        measure: i.measure,
        threshold: describeThreshold({ ...indicatorThreshold(i), unit: i.unit }, locale),
        counted: (await countedValue(db, i, period)) ?? null,
      })),
    ),
    conditions: loaded.conditions.map((k) => ({
      id: k.id,
      text: k.text,
      previous: previousChecks.find((c) => c.conditionId === k.id)?.status ?? null,
    })),
  }
}
