import { formatDate, formatDateTime } from '~/utils/calendar'
import { outcomeLabel, RAG_LABELS, RISK_BAND_LABELS } from '#machines/vocabulary/labels'
import { type HeatmapPoint } from '~/utils/risk-heatmap'
import { bandFor, riskScore, summarisedByMedian } from '#machines/vocabulary/risk'
import { type AddendumData, type ConditionCheck, type DecisionRecordData, type IndicatorReading, type PrivacyAnswer, type ProfessionalBodyConsultation, type ScreeningResult, type StaffConsultation, type UnionConsultation } from './record-data'
import { CONCERN_CATEGORIES, type ConcernCategory } from '#machines/vocabulary/consultation'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type Indicator, type MonitoringPlan, type ReassessmentOutcome, type ReviewTrigger } from '#machines/vocabulary/monitoring'

/**
 * What each section of a record says, worked out from the record data as
 * plain strings and rows. The PDF components only lay these out, so the
 * wording is tested here without rendering.
 */

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

export { formatDate, formatDateTime }

export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

export const NOT_STATED = 'Not stated'
const orNotStated = (value: string | null | undefined) => (value && value.trim() ? value : NOT_STATED)
const list = (items: string[], none = 'None') => (items.length ? items.join('; ') : none)

export type Fact = [label: string, value: string]

export function coverFacts(d: DecisionRecordData): Fact[] {
  return [
    ['Library service', d.organisation.name],
    ['Record reference', d.record.reference],
    ['Proposal reference', d.proposal.reference],
    ['Partner', d.proposal.partner],
    ['Delivered by (contractor)', orNotStated(d.proposal.contractor)],
    ['Outcome', outcomeLabel(d.decision.outcome)],
    ['Decision date', formatDate(d.decision.decidedAt)],
    ['Record issued', formatDateTime(d.record.issuedAt)],
  ]
}

export function proposalFacts(p: DecisionRecordData['proposal']): Fact[] {
  const period = p.startDate
    ? `${formatDate(p.startDate)} to ${p.endDate ? formatDate(p.endDate) : 'no end date'}`
    : NOT_STATED
  return [
    ['Service', p.service],
    ['Delivered by', p.deliveredBy],
    ['Sites affected', p.sites.length ? `${p.sites.length}: ${p.sites.join(', ')}` : 'None listed'],
    ['Period', period],
    ['Renewal terms', orNotStated(p.renewalTerms)],
    ['Income to the service', orNotStated(p.income)],
    ['Costs', orNotStated(p.costs)],
    ['Why the service wants it', p.purpose],
    ['Personal data involved', list(p.personalData.categories)],
    ['Shared with', orNotStated(p.personalData.sharedWith)],
    ['Retention', orNotStated(p.personalData.retention)],
    ['Where processed', orNotStated(p.personalData.processedWhere)],
    ['User groups affected', list(p.userGroups)],
    ['Vulnerable groups affected', list(p.vulnerableGroups)],
    ['Prior engagement with the professional body', orNotStated(p.priorEngagement)],
  ]
}

export type CriterionRow = {
  name: string
  principles: string
  median: string
  range: string
  disagreement: string
  residual: string
}

// No brackets round the band: the line breaker may split "(High)" after its bracket.
const bandText = (score: number, bands: ScreeningResult['bands']) => RISK_BAND_LABELS[bandFor(score, bands)].toLowerCase()

/*
 * The median score is the median of reviewers' scores, not the product of
 * the median likelihood and impact, so the two are shown side by side rather
 * than as an equation that would not add up.
 */
const ratingText = (r: { likelihood: number; impact: number; score: number }, bands: ScreeningResult['bands']) =>
  `${formatNumber(r.score)}, ${bandText(r.score, bands)}; L ${formatNumber(r.likelihood)}, I ${formatNumber(r.impact)}`

/** True when the screening's criteria are summarised by their median (three reviewers or more). */
export function byMedian(s: ScreeningResult): boolean {
  return summarisedByMedian(Math.min(...s.criteria.map((c) => c.reviews.length)))
}

/** The title of the score column: a median, or each reviewer's score under three reviewers. */
export function scoreColumnTitle(s: ScreeningResult): string {
  return byMedian(s) ? 'Median' : 'Each reviewer’s score'
}

const eachScore = (c: ScreeningResult['criteria'][number], bands: ScreeningResult['bands']) =>
  c.reviews.map((r) => `${r.reviewer}: ${ratingText({ ...r, score: riskScore(r.likelihood, r.impact) }, bands)}`).join('. ')

export function criterionRows(s: ScreeningResult): CriterionRow[] {
  return s.criteria.map((c) => ({
    name: c.name,
    principles: list(c.principles, '—'),
    median: summarisedByMedian(c.reviews.length) ? ratingText(c.median, s.bands) : eachScore(c, s.bands),
    range: `${formatNumber(c.range.min)}–${formatNumber(c.range.max)}`,
    // Said in words so the flag does not depend on colour or a symbol.
    disagreement: c.disagreement ? 'Yes: two or more bands apart' : 'No',
    residual: ratingText(c.residual, s.bands),
  }))
}

export type ReviewRow = { reviewer: string; inherent: string; rationale: string; mitigations: string; residual: string }

export function reviewRows(s: ScreeningResult): { criterion: string; rows: ReviewRow[] }[] {
  const score = (r: { likelihood: number; impact: number }) => {
    const value = r.likelihood * r.impact
    return `${r.likelihood} × ${r.impact} = ${value}, ${bandText(value, s.bands)}`
  }
  return s.criteria.map((c) => ({
    criterion: c.name,
    rows: c.reviews.map((r) => ({
      reviewer: r.reviewer,
      inherent: score(r),
      rationale: orNotStated(r.rationale),
      mitigations: r.mitigations.trim() || 'None proposed',
      residual: score(r.residual),
    })),
  }))
}

/** A criterion's point on the grid: its median, or each reviewer's own point under three reviewers. */
export function heatmapPoints(s: ScreeningResult, which: 'median' | 'residual'): HeatmapPoint[] {
  return s.criteria.flatMap((c) =>
    summarisedByMedian(c.reviews.length)
      ? [{ id: c.id, label: c.name, likelihood: c[which].likelihood, impact: c[which].impact }]
      : c.reviews.map((r) => {
          const rating = which === 'median' ? r : r.residual
          return { id: `${c.id}:${r.reviewer}`, label: `${c.name} (${r.reviewer})`, likelihood: rating.likelihood, impact: rating.impact }
        }),
  )
}

export function heatmapTitle(s: ScreeningResult, which: 'median' | 'residual'): string {
  const of = byMedian(s) ? 'median of reviewers' : 'each reviewer'
  return which === 'median' ? `Inherent risk (${of})` : `Residual risk after mitigations (${of})`
}

const PRIVACY_ANSWERS: Record<PrivacyAnswer, string> = { yes: 'Yes', no: 'No', not_applicable: 'Not applicable' }

export function privacyRows(p: DecisionRecordData['privacy']) {
  return p.items.map((i) => ({
    question: i.question,
    answer: PRIVACY_ANSWERS[i.answer] + (i.required && i.answer === 'no' ? ' (blocking)' : ''),
    evidence: orNotStated(i.evidence),
  }))
}

export function blockingIssueRows(p: DecisionRecordData['privacy']) {
  return p.blockingIssues.map((b) => ({
    issue: b.issue,
    resolution: b.override
      ? `Overridden by ${b.override.by}: ${b.override.rationale}`
      : 'Not overridden: the issue stands.',
  }))
}

export function professionalBodySection(pb: ProfessionalBodyConsultation, body: string) {
  const request: Fact[] = pb.request
    ? [
        ['Request sent', formatDate(pb.request.sentOn)],
        ['Contact', pb.request.contact],
        ['What was shared', pb.request.shared],
        ['Response deadline', formatDate(pb.request.deadline)],
      ]
    : []
  if (!pb.response.received) {
    return {
      requestStatement: pb.request ? null : `${body} was not asked for its opinion.`,
      request,
      statement: `No response was received from ${body}.`,
      note: pb.response.note,
      recommendations: [],
    }
  }
  const { recommendations } = pb.response
  const accepted = recommendations.filter((r) => r.answer === 'accepted').length
  return {
    requestStatement: null,
    request: [
      ...request,
      ['Response received', formatDate(pb.response.receivedOn)] as Fact,
      ['Summary of the response', pb.response.summary] as Fact,
    ],
    statement:
      recommendations.length === 0
        ? `${body} made no recommendations.`
        : `${body} made ${plural(recommendations.length, 'recommendation')}; ${accepted} accepted, ${recommendations.length - accepted} not accepted.`,
    note: null,
    recommendations: recommendations.map((r, i) => ({
      number: i + 1,
      text: r.text,
      answer: r.answer === 'accepted' ? 'Accepted: carried into the conditions' : 'Not accepted',
      rationale: r.answer === 'not_accepted' ? r.rationale : '',
    })),
  }
}

export function plural(n: number, word: string, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`
}

const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  ethics: 'Ethics',
  privacy: 'Privacy',
  safety: 'Safety',
  workload: 'Workload',
  reputation: 'Reputation',
  other: 'Other',
}

export function staffSection(s: StaffConsultation) {
  const counts = CONCERN_CATEGORIES.map((category) => {
    const inCategory = s.concerns.filter((c) => c.category === category)
    return {
      category: CATEGORY_LABELS[category],
      concerns: inCategory.length,
      endorsements: inCategory.reduce((n, c) => n + c.endorsements, 0),
    }
  })
  const anonymous = s.concerns.filter((c) => c.raisedBy.anonymous).length
  return {
    facts: [
      ['Opened', formatDate(s.openedOn)],
      ['Closed', formatDate(s.closesOn)],
      ['Summary given to staff', s.summary],
    ] as Fact[],
    statement:
      s.concerns.length === 0
        ? 'No concerns were raised by staff.'
        : `Staff raised ${plural(s.concerns.length, 'concern')} (${anonymous} anonymously), with ${plural(
            counts.reduce((n, c) => n + c.endorsements, 0),
            'endorsement',
          )} in all.`,
    counts,
    concerns: s.concerns.map((c, i) => ({
      number: i + 1,
      category: CATEGORY_LABELS[c.category],
      // Only the category, day and count: nothing else about an anonymous author is printed.
      author: c.raisedBy.anonymous ? 'Anonymous' : c.raisedBy.name,
      raisedOn: formatDate(c.raisedOn),
      endorsements: plural(c.endorsements, 'endorsement'),
      text: c.hidden ? `Hidden under the code of conduct: ${c.hidden.reason}` : c.text,
      response: c.response
        ? `Response (${formatDate(c.response.respondedOn)}): ${c.response.text}`
        : 'No response was recorded.',
    })),
  }
}

export function unionStatement(u: UnionConsultation): string {
  if (!u.recognised) return 'The service recognises no trade union, so none was consulted.'
  return `${u.union} was consulted on ${formatDate(u.consultedOn)}. Its response: ${u.response}`
}

const CONDITION_SOURCES: Record<Condition['source'], string> = {
  professional_body: 'Recommended by the professional body',
  staff: 'Raised in staff consultation',
  decision: 'Set by the decision',
}

export function conditionRows(conditions: Condition[]) {
  return conditions.map((c, i) => ({ number: i + 1, text: c.text, source: CONDITION_SOURCES[c.source] }))
}

export function intervalText(months: number): string {
  const named: Record<number, string> = { 1: 'monthly', 3: 'quarterly', 6: 'half-yearly', 12: 'yearly' }
  const every = months === 1 ? 'Every month' : `Every ${months} months`
  return named[months] ? `${every} (${named[months]})` : every
}

/** The wrong way for an indicator is down when higher is better, and up otherwise. */
export function thresholdText(i: Indicator): string {
  const worse = i.direction === 'higher_is_better' ? 'falls' : 'rises'
  if (i.threshold.kind === 'percent') {
    return `Reassess if it ${worse} more than ${formatNumber(i.threshold.value)}% ${i.direction === 'higher_is_better' ? 'below' : 'above'} the baseline`
  }
  const limit = i.direction === 'higher_is_better' ? i.baseline - i.threshold.value : i.baseline + i.threshold.value
  return `Reassess if it ${worse} ${i.direction === 'higher_is_better' ? 'below' : 'above'} ${formatNumber(limit)} ${i.unit}`
}

export function indicatorRows(indicators: Indicator[]) {
  return indicators.map((i) => ({
    name: i.name,
    baseline: `${formatNumber(i.baseline)} ${i.unit}`,
    direction: i.direction === 'higher_is_better' ? 'Higher is better' : 'Lower is better',
    threshold: thresholdText(i),
  }))
}

export function monitoringSection(plan: MonitoringPlan | null, outcome?: Outcome) {
  if (!plan) {
    return {
      statement:
        outcome === 'reject' || outcome === 'return_for_revision'
          ? 'No monitoring: the partnership was not approved.'
          : 'No monitoring plan was recorded.',
      interval: null,
      indicators: [],
    }
  }
  return {
    statement: `Reviews ${intervalText(plan.intervalMonths).toLowerCase()}, against ${plural(plan.indicators.length, 'indicator')}.`,
    interval: intervalText(plan.intervalMonths),
    indicators: indicatorRows(plan.indicators),
  }
}

export function decisionFacts(d: DecisionRecordData['decision']): Fact[] {
  return [
    ['Outcome', outcomeLabel(d.outcome)],
    ['Decided by', d.decidedBy],
    ['Decided on', formatDateTime(d.decidedAt)],
    ['Rationale', d.rationale],
  ]
}

export function signatoryRows(signatories: DecisionRecordData['signatories']) {
  return signatories.map((s) => ({ name: s.name, role: s.role, signedAt: formatDateTime(s.signedAt) }))
}

export function auditFacts(audit: DecisionRecordData['audit']): Fact[] {
  return [
    ['Audit chain head (SHA-256)', audit.hash],
    ['Audit entry number', String(audit.seq)],
  ]
}

const TRIGGERS: Record<ReviewTrigger, string> = {
  threshold: 'An indicator passed its threshold',
  manual: 'The chief librarian escalated it',
  concern_surge: 'A surge of staff concerns',
  condition_not_met: 'A condition was not met at two reviews running',
}

const REASSESSMENT_LABELS: Record<ReassessmentOutcome, string> = {
  continue: 'Continue unchanged',
  add_conditions: 'Continue with added conditions',
  suspend: 'Suspend',
  resume: 'Resume',
  terminate: 'Terminate',
}

export function reassessmentOutcomeLabel(outcome: ReassessmentOutcome): string {
  return REASSESSMENT_LABELS[outcome]
}

export function addendumCoverFacts(a: AddendumData): Fact[] {
  return [
    ['Library service', a.organisation.name],
    ['Addendum reference', a.record.reference],
    ['Adds to record', a.parent.reference],
    ['Original record issued', formatDateTime(a.parent.issuedAt)],
    ['Original record SHA-256', a.parent.sha256],
    ['Proposal reference', a.proposal.reference],
    ['Partner', a.proposal.partner],
    ['Delivered by (contractor)', orNotStated(a.proposal.contractor)],
    ['Outcome of reassessment', reassessmentOutcomeLabel(a.outcome)],
    ['Addendum issued', formatDateTime(a.record.issuedAt)],
  ]
}

export function reviewFacts(r: AddendumData['review']): Fact[] {
  const status = RAG_LABELS[r.status]
  return [
    ['What triggered reassessment', `${TRIGGERS[r.trigger]}: ${r.summary}`],
    ['Review date', formatDate(r.reviewedOn)],
    ['Overall status', status],
    ['Narrative', r.narrative],
  ]
}

export function readingRows(readings: IndicatorReading[]) {
  return readings.map((r) => ({
    ...indicatorRows([r])[0]!,
    value: `${formatNumber(r.value)} ${r.unit}`,
    change: r.baseline === 0 ? '—' : `${r.value >= r.baseline ? '+' : ''}${formatNumber(((r.value - r.baseline) / r.baseline) * 100)}%`,
    breached: r.breached ? 'Yes: beyond threshold' : 'No',
  }))
}

const CHECKS: Record<ConditionCheck['status'], string> = { met: 'Met', not_met: 'Not met', in_progress: 'In progress' }

export function conditionCheckRows(checks: ConditionCheck[]) {
  return checks.map((c) => ({ text: c.text, status: CHECKS[c.status] }))
}
