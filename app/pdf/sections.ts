import { type TFunction } from 'i18next'
import { formatDate as formatDateIn, formatDateTime as formatDateTimeIn } from '~/utils/calendar'
import { formatNumber as formatNumberIn } from '~/utils/format'
import { fixedT, type Locale } from '~/utils/i18n'
import { storedNameAndRole, storedWords } from './stored-words'
import { type HeatmapPoint } from '~/utils/risk-heatmap'
import { bandFor, riskScore, summarisedByMedian, type RiskBand } from '#machines/vocabulary/risk'
import { type AddendumData, type ConditionCheck, type DecisionRecordData, type IndicatorReading, type ProfessionalBodyConsultation, type ScreeningResult, type StaffConsultation, type UnionConsultation } from './record-data'
import { CONCERN_CATEGORIES } from '#machines/vocabulary/consultation'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type Indicator, type MonitoringPlan, type ReassessmentOutcome } from '#machines/vocabulary/monitoring'

/**
 * What each section of a record says, worked out from the record data as
 * plain strings and rows, in one language. The PDF components only lay these
 * out, so the wording is tested here without rendering. A bilingual record
 * calls each function once per language (docs/decisions/033-bilingual-records.md).
 */

/** The words of one language: its `record` catalogue and the locale dates and numbers are formatted for. */
export type Words = { t: TFunction<'record'>; locale: Locale }

const words = new Map<Locale, Words>()
export function wordsFor(locale: Locale): Words {
  let w = words.get(locale)
  if (!w) {
    w = { t: fixedT(locale, 'record'), locale }
    words.set(locale, w)
  }
  return w
}
const EN = (): Words => wordsFor('en')

export function formatDate(value: string | Date, w: Words = EN()): string {
  return formatDateIn(value, w.locale)
}

export function formatDateTime(value: Date, w: Words = EN()): string {
  return formatDateTimeIn(value, w.locale)
}

export function formatNumber(value: number, w: Words = EN()): string {
  return formatNumberIn(w.locale, value)
}

/** English, as the record data's readers and older tests know it. */
export const NOT_STATED = 'Not stated'
const orNotStated = (value: string | null | undefined, w: Words) => (value && value.trim() ? value : w.t('notStated'))
const list = (items: string[], w: Words, none: string = w.t('none')) => (items.length ? items.join('; ') : none)

export type Fact = [label: string, value: string]

export function outcomeLabel(outcome: Outcome, w: Words = EN()): string {
  return w.t(`outcome.${outcome}`)
}

export function bandLabel(band: RiskBand, w: Words = EN()): string {
  return w.t(`band.${band}`)
}

export function coverFacts(d: DecisionRecordData, w: Words = EN()): Fact[] {
  const { t } = w
  return [
    [t('fact.libraryService'), d.organisation.name],
    [t('fact.recordReference'), d.record.reference],
    [t('fact.proposalReference'), d.proposal.reference],
    [t('fact.partner'), d.proposal.partner],
    [t('fact.contractor'), orNotStated(d.proposal.contractor, w)],
    [t('fact.outcome'), outcomeLabel(d.decision.outcome, w)],
    [t('fact.decisionDate'), formatDate(d.decision.decidedAt, w)],
    [t('fact.recordIssued'), formatDateTime(d.record.issuedAt, w)],
  ]
}

export function proposalFacts(p: DecisionRecordData['proposal'], w: Words = EN()): Fact[] {
  const { t } = w
  const stored = storedWords(w.locale)
  const period = p.startDate
    ? t('fact.periodRange', { start: formatDate(p.startDate, w), end: p.endDate ? formatDate(p.endDate, w) : t('fact.noEndDate') })
    : t('notStated')
  return [
    [t('fact.service'), p.service],
    [t('fact.deliveredBy'), stored(p.deliveredBy)],
    [t('fact.sites'), p.sites.length ? t('fact.sitesList', { count: p.sites.length, sites: p.sites.join(', ') }) : t('noneListed')],
    [t('fact.period'), period],
    [t('fact.renewalTerms'), orNotStated(p.renewalTerms, w)],
    [t('fact.income'), orNotStated(p.income, w)],
    [t('fact.costs'), orNotStated(p.costs, w)],
    [t('fact.purpose'), p.purpose],
    [t('fact.personalData'), list(p.personalData.categories.map(stored), w)],
    [t('fact.sharedWith'), orNotStated(stored(p.personalData.sharedWith), w)],
    [t('fact.retention'), orNotStated(p.personalData.retention, w)],
    [t('fact.processedWhere'), orNotStated(stored(p.personalData.processedWhere), w)],
    [t('fact.userGroups'), list(p.userGroups, w)],
    [t('fact.vulnerableGroups'), list(p.vulnerableGroups.map(stored), w)],
    [t('fact.priorEngagement'), orNotStated(stored(p.priorEngagement), w)],
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
const bandText = (score: number, bands: ScreeningResult['bands'], w: Words) => bandLabel(bandFor(score, bands), w).toLocaleLowerCase(w.locale)

/*
 * The median score is the median of reviewers' scores, not the product of
 * the median likelihood and impact, so the two are shown side by side rather
 * than as an equation that would not add up.
 */
const ratingText = (r: { likelihood: number; impact: number; score: number }, bands: ScreeningResult['bands'], w: Words) =>
  w.t('screening.rating', {
    score: formatNumber(r.score, w),
    band: bandText(r.score, bands, w),
    likelihood: formatNumber(r.likelihood, w),
    impact: formatNumber(r.impact, w),
  })

/** True when the screening's criteria are summarised by their median (three reviewers or more). */
export function byMedian(s: ScreeningResult): boolean {
  return summarisedByMedian(Math.min(...s.criteria.map((c) => c.reviews.length)))
}

/** The title of the score column: a median, or each reviewer's score under three reviewers. */
export function scoreColumnTitle(s: ScreeningResult, w: Words = EN()): string {
  return byMedian(s) ? w.t('column.median') : w.t('column.eachScore')
}

const eachScore = (c: ScreeningResult['criteria'][number], bands: ScreeningResult['bands'], w: Words) =>
  c.reviews
    .map((r) => w.t('screening.reviewerRating', { reviewer: r.reviewer, rating: ratingText({ ...r, score: riskScore(r.likelihood, r.impact) }, bands, w) }))
    .join('. ')

export function criterionRows(s: ScreeningResult, w: Words = EN()): CriterionRow[] {
  return s.criteria.map((c) => ({
    name: c.name,
    principles: list(c.principles, w, w.t('dash')),
    median: summarisedByMedian(c.reviews.length) ? ratingText(c.median, s.bands, w) : eachScore(c, s.bands, w),
    range: `${formatNumber(c.range.min, w)}–${formatNumber(c.range.max, w)}`,
    // Said in words so the flag does not depend on colour or a symbol.
    disagreement: c.disagreement ? w.t('screening.disagree') : w.t('no'),
    residual: ratingText(c.residual, s.bands, w),
  }))
}

export type ReviewRow = { reviewer: string; inherent: string; rationale: string; mitigations: string; residual: string }

export function reviewRows(s: ScreeningResult, w: Words = EN()): { criterion: string; rows: ReviewRow[] }[] {
  const score = (r: { likelihood: number; impact: number }) => {
    const value = r.likelihood * r.impact
    return w.t('screening.product', { likelihood: r.likelihood, impact: r.impact, score: value, band: bandText(value, s.bands, w) })
  }
  return s.criteria.map((c) => ({
    criterion: c.name,
    rows: c.reviews.map((r) => ({
      reviewer: r.reviewer,
      inherent: score(r),
      rationale: orNotStated(r.rationale, w),
      mitigations: r.mitigations.trim() || w.t('screening.noMitigations'),
      residual: score(r.residual),
    })),
  }))
}

/** A criterion's point on the grid: its median, or each reviewer's own point under three reviewers. */
export function heatmapPoints(s: ScreeningResult, which: 'median' | 'residual', w: Words = EN()): HeatmapPoint[] {
  return s.criteria.flatMap((c) =>
    summarisedByMedian(c.reviews.length)
      ? [{ id: c.id, label: c.name, likelihood: c[which].likelihood, impact: c[which].impact }]
      : c.reviews.map((r) => {
          const rating = which === 'median' ? r : r.residual
          return { id: `${c.id}:${r.reviewer}`, label: w.t('screening.pointLabel', { criterion: c.name, reviewer: r.reviewer }), likelihood: rating.likelihood, impact: rating.impact }
        }),
  )
}

export function heatmapTitle(s: ScreeningResult, which: 'median' | 'residual', w: Words = EN()): string {
  const of = byMedian(s) ? w.t('screening.ofMedian') : w.t('screening.ofEach')
  return which === 'median' ? w.t('screening.inherent', { of }) : w.t('screening.residual', { of })
}

export function privacyRows(p: DecisionRecordData['privacy'], w: Words = EN()) {
  return p.items.map((i) => {
    const answer = w.t(`privacy.${i.answer}`)
    return {
      question: i.question,
      answer: i.required && i.answer === 'no' ? w.t('privacy.blocking', { answer }) : answer,
      evidence: orNotStated(i.evidence, w),
    }
  })
}

export function blockingIssueRows(p: DecisionRecordData['privacy'], w: Words = EN()) {
  return p.blockingIssues.map((b) => ({
    issue: b.issue,
    resolution: b.override ? w.t('privacy.overridden', { by: b.override.by, rationale: b.override.rationale }) : w.t('privacy.stands'),
  }))
}

export function professionalBodySection(pb: ProfessionalBodyConsultation, body: string, w: Words = EN()) {
  const { t } = w
  const request: Fact[] = pb.request
    ? [
        [t('fact.requestSent'), formatDate(pb.request.sentOn, w)],
        [t('fact.contact'), pb.request.contact],
        [t('fact.shared'), pb.request.shared],
        [t('fact.responseDeadline'), formatDate(pb.request.deadline, w)],
      ]
    : []
  if (!pb.response.received) {
    return {
      requestStatement: pb.request ? null : t('professionalBody.notAsked', { body }),
      request,
      statement: t('professionalBody.noResponse', { body }),
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
      [t('fact.responseReceived'), formatDate(pb.response.receivedOn, w)] as Fact,
      [t('fact.responseSummary'), pb.response.summary] as Fact,
    ],
    statement:
      recommendations.length === 0
        ? t('professionalBody.noRecommendations', { body })
        : t('professionalBody.recommendations', { body, count: recommendations.length, accepted, notAccepted: recommendations.length - accepted }),
    note: null,
    recommendations: recommendations.map((r, i) => ({
      number: i + 1,
      text: r.text,
      answer: r.answer === 'accepted' ? t('professionalBody.accepted') : t('professionalBody.notAccepted'),
      rationale: r.answer === 'not_accepted' ? r.rationale : '',
    })),
  }
}

/** An English count and noun, for the older callers that print English only. */
export function plural(n: number, word: string, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`
}

export function staffSection(s: StaffConsultation, w: Words = EN()) {
  const { t } = w
  const counts = CONCERN_CATEGORIES.map((category) => {
    const inCategory = s.concerns.filter((c) => c.category === category)
    return {
      category: t(`category.${category}`),
      concerns: inCategory.length,
      endorsements: inCategory.reduce((n, c) => n + c.endorsements, 0),
    }
  })
  const anonymous = s.concerns.filter((c) => c.raisedBy.anonymous).length
  return {
    facts: [
      [t('fact.opened'), formatDate(s.openedOn, w)],
      [t('fact.closed'), formatDate(s.closesOn, w)],
      [t('fact.staffSummary'), s.summary],
    ] as Fact[],
    statement:
      s.concerns.length === 0
        ? t('staff.none')
        : t('staff.raised', {
            concerns: t('staff.concerns', { count: s.concerns.length }),
            anonymous,
            endorsements: t('staff.endorsements', { count: counts.reduce((n, c) => n + c.endorsements, 0) }),
          }),
    counts,
    concerns: s.concerns.map((c, i) => ({
      number: i + 1,
      category: t(`category.${c.category}`),
      // Only the category, day and count: nothing else about an anonymous author is printed.
      author: c.raisedBy.anonymous ? t('anonymous') : c.raisedBy.name,
      raisedOn: formatDate(c.raisedOn, w),
      endorsements: t('staff.endorsements', { count: c.endorsements }),
      text: c.hidden ? t('staff.hidden', { reason: c.hidden.reason }) : c.text,
      response: c.response ? t('staff.response', { date: formatDate(c.response.respondedOn, w), text: c.response.text }) : t('staff.noResponse'),
    })),
  }
}

export function unionStatement(u: UnionConsultation, w: Words = EN()): string {
  if (!u.recognised) return w.t('union.none')
  return w.t('union.consulted', { union: u.union, date: formatDate(u.consultedOn, w), response: u.response })
}

export function conditionRows(conditions: Condition[], w: Words = EN()) {
  return conditions.map((c, i) => ({ number: i + 1, text: c.text, source: w.t(`conditionSource.${c.source}`) }))
}

const NAMED_INTERVALS = ['1', '3', '6', '12'] as const

/** The review interval in English (a callback for `map`, so no second parameter). */
export function intervalText(months: number): string {
  return intervalIn(months, EN())
}

export function intervalIn(months: number, w: Words): string {
  const every = w.t('monitoring.every', { count: months })
  const named = NAMED_INTERVALS.find((n) => Number(n) === months)
  return named ? w.t('monitoring.named', { every, name: w.t(`monitoring.name.${named}`) }) : every
}

/** The wrong way for an indicator is down when higher is better, and up otherwise. */
export function thresholdText(i: Indicator, w: Words = EN()): string {
  const higher = i.direction === 'higher_is_better'
  if (i.threshold.kind === 'percent') {
    return w.t(higher ? 'monitoring.percentFalls' : 'monitoring.percentRises', { value: formatNumber(i.threshold.value, w) })
  }
  const limit = higher ? i.baseline - i.threshold.value : i.baseline + i.threshold.value
  return w.t(higher ? 'monitoring.fallsBelow' : 'monitoring.risesAbove', { limit: formatNumber(limit, w), unit: i.unit })
}

export function indicatorRows(indicators: Indicator[], w: Words = EN()) {
  return indicators.map((i) => ({
    name: i.name,
    baseline: w.t('monitoring.withUnit', { value: formatNumber(i.baseline, w), unit: i.unit }),
    direction: i.direction === 'higher_is_better' ? w.t('monitoring.higherIsBetter') : w.t('monitoring.lowerIsBetter'),
    threshold: thresholdText(i, w),
  }))
}

export function monitoringSection(plan: MonitoringPlan | null, outcome?: Outcome, w: Words = EN()) {
  if (!plan) {
    return {
      statement: outcome === 'reject' || outcome === 'return_for_revision' ? w.t('monitoring.notApproved') : w.t('monitoring.noPlan'),
      interval: null,
      indicators: [],
    }
  }
  const interval = intervalIn(plan.intervalMonths, w)
  return {
    statement: w.t('monitoring.statement', { interval: interval.toLocaleLowerCase(w.locale), count: plan.indicators.length }),
    interval,
    indicators: indicatorRows(plan.indicators, w),
  }
}

export function decisionFacts(d: DecisionRecordData['decision'], w: Words = EN()): Fact[] {
  return [
    [w.t('fact.outcome'), outcomeLabel(d.outcome, w)],
    [w.t('fact.decidedBy'), storedNameAndRole(d.decidedBy, w.locale)],
    [w.t('fact.decidedOn'), formatDateTime(d.decidedAt, w)],
    [w.t('fact.rationale'), d.rationale],
  ]
}

export function signatoryRows(signatories: DecisionRecordData['signatories'], w: Words = EN()) {
  return signatories.map((s) => ({ name: s.name, role: storedWords(w.locale)(s.role), signedAt: formatDateTime(s.signedAt, w) }))
}

export function auditFacts(audit: DecisionRecordData['audit'], w: Words = EN()): Fact[] {
  return [
    [w.t('fact.auditHead'), audit.hash],
    [w.t('fact.auditSeq'), String(audit.seq)],
  ]
}

export function reassessmentOutcomeLabel(outcome: ReassessmentOutcome, w: Words = EN()): string {
  return w.t(`reassessment.${outcome}`)
}

export function addendumCoverFacts(a: AddendumData, w: Words = EN()): Fact[] {
  const { t } = w
  return [
    [t('fact.libraryService'), a.organisation.name],
    [t('fact.addendumReference'), a.record.reference],
    [t('fact.addsTo'), a.parent.reference],
    [t('fact.parentIssued'), formatDateTime(a.parent.issuedAt, w)],
    [t('fact.parentSha256'), a.parent.sha256],
    [t('fact.proposalReference'), a.proposal.reference],
    [t('fact.partner'), a.proposal.partner],
    [t('fact.contractor'), orNotStated(a.proposal.contractor, w)],
    [t('fact.reassessmentOutcome'), reassessmentOutcomeLabel(a.outcome, w)],
    [t('fact.addendumIssued'), formatDateTime(a.record.issuedAt, w)],
  ]
}

export function reviewFacts(r: AddendumData['review'], w: Words = EN()): Fact[] {
  const { t } = w
  return [
    [t('fact.trigger'), t('trigger.withSummary', { trigger: t(`trigger.${r.trigger}`), summary: r.summary })],
    [t('fact.reviewDate'), formatDate(r.reviewedOn, w)],
    [t('fact.overallStatus'), t(`rag.${r.status}`)],
    [t('fact.narrative'), r.narrative],
  ]
}

export function readingRows(readings: IndicatorReading[], w: Words = EN()) {
  return readings.map((r) => ({
    ...indicatorRows([r], w)[0]!,
    value: w.t('monitoring.withUnit', { value: formatNumber(r.value, w), unit: r.unit }),
    change: r.baseline === 0 ? w.t('dash') : `${r.value >= r.baseline ? '+' : ''}${formatNumber(((r.value - r.baseline) / r.baseline) * 100, w)}%`,
    breached: r.breached ? w.t('monitoring.breached') : w.t('no'),
  }))
}

export function conditionCheckRows(checks: ConditionCheck[], w: Words = EN()) {
  return checks.map((c) => ({ text: c.text, status: w.t(`check.${c.status}`) }))
}
