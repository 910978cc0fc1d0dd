import { type PrivacyItem, type RubricContent } from '#db/schema'
import { type CriterionResult, type PrivacyAnswer, type PrivacyResult } from '~/pdf/record-data'
import { bandFor, RISK_BANDS, riskScore, type RiskBand } from '#machines/vocabulary/risk'

/**
 * The arithmetic of screening, kept pure so that it is tested on its own and
 * gives the same answer on the page and in the signed record.
 */

export type CriterionScore = {
  likelihood: number
  impact: number
  rationale: string
  mitigations: string
  residualLikelihood: number
  residualImpact: number
}

export type PrivacyResponse = { answer: PrivacyAnswer; evidence: string }

/** A review its reviewer has submitted: complete by construction (the submission schema saw to it). */
export type SubmittedReview = {
  reviewer: string
  scores: Record<string, CriterionScore>
  privacy: Record<string, PrivacyResponse>
}

export type AggregatedCriterion = CriterionResult & {
  band: RiskBand
  residualBand: RiskBand
  questions: string[]
  description: string
}

export type PrivacyItemResult = PrivacyResult['items'][number] & {
  key: string
  answers: ({ reviewer: string } & PrivacyResponse)[]
}

export type ScreeningProfile = {
  /** Criteria per band of their median score, inherent and residual. */
  inherent: Record<RiskBand, number>
  residual: Record<RiskBand, number>
  /** The highest band any criterion's median reaches; null with no criteria. */
  highest: RiskBand | null
  disagreements: number
  blockingIssues: number
}

export type Aggregate = {
  criteria: AggregatedCriterion[]
  privacy: { items: PrivacyItemResult[]; blockingIssues: PrivacyResult['blockingIssues'] }
  profile: ScreeningProfile
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('The median of no values is undefined')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function bandIndex(band: RiskBand): number {
  return RISK_BANDS.indexOf(band)
}

/** True when two reviewers' scores of one criterion fall `apart` or more bands apart. */
export function disagree(scores: number[], bands: RubricContent['bands'], apart: number): boolean {
  if (scores.length < 2) return false
  const indices = scores.map((s) => bandIndex(bandFor(s, bands)))
  return Math.max(...indices) - Math.min(...indices) >= apart
}

function countByBand(bands: RiskBand[]): Record<RiskBand, number> {
  return Object.fromEntries(RISK_BANDS.map((b) => [b, bands.filter((x) => x === b).length])) as Record<RiskBand, number>
}

/**
 * One item's answer for the record: the most cautious any reviewer gave. A
 * single "no" stands, since one reviewer who found the protection missing is
 * enough to question it.
 */
export function combinedAnswer(answers: PrivacyAnswer[]): PrivacyAnswer {
  if (answers.includes('no')) return 'no'
  if (answers.includes('yes')) return 'yes'
  return 'not_applicable'
}

function privacyItem(item: PrivacyItem, reviews: SubmittedReview[]): PrivacyItemResult {
  const answers = reviews.flatMap((r) => {
    const a = r.privacy[item.key]
    return a ? [{ reviewer: r.reviewer, ...a }] : []
  })
  return {
    key: item.key,
    question: item.question,
    required: item.required,
    answer: combinedAnswer(answers.map((a) => a.answer)),
    evidence: answers
      .filter((a) => a.evidence)
      .map((a) => `${a.reviewer}: ${a.evidence}`)
      .join('\n'),
    answers,
  }
}

/**
 * How a failed checklist item reads as a blocking issue: its rubric version's
 * own wording, or, for versions written before items carried one, the
 * question marked as not met.
 */
export function problemOf(item: PrivacyItem): string {
  return item.problem ?? `Not met: ${item.question}`
}

export function aggregate(rubric: RubricContent, reviews: SubmittedReview[]): Aggregate {
  const { bands } = rubric
  const criteria = rubric.criteria.flatMap((c): AggregatedCriterion[] => {
    const scored = reviews.flatMap((r) => {
      const s = r.scores[c.key]
      return s ? [{ reviewer: r.reviewer, ...s }] : []
    })
    if (scored.length === 0) return []
    const inherent = scored.map((s) => riskScore(s.likelihood, s.impact))
    const residual = scored.map((s) => riskScore(s.residualLikelihood, s.residualImpact))
    const medianScore = median(inherent)
    const residualScore = median(residual)
    return [
      {
        id: c.key,
        name: c.name,
        description: c.description,
        questions: c.questions,
        principles: c.principles,
        median: { likelihood: median(scored.map((s) => s.likelihood)), impact: median(scored.map((s) => s.impact)), score: medianScore },
        range: { min: Math.min(...inherent), max: Math.max(...inherent) },
        disagreement: disagree(inherent, bands, rubric.disagreementBands),
        residual: {
          likelihood: median(scored.map((s) => s.residualLikelihood)),
          impact: median(scored.map((s) => s.residualImpact)),
          score: residualScore,
        },
        band: bandFor(medianScore, bands),
        residualBand: bandFor(residualScore, bands),
        reviews: scored.map((s) => ({
          reviewer: s.reviewer,
          likelihood: s.likelihood,
          impact: s.impact,
          rationale: s.rationale,
          mitigations: s.mitigations,
          residual: { likelihood: s.residualLikelihood, impact: s.residualImpact },
        })),
      },
    ]
  })
  const items = rubric.privacyItems.map((item) => privacyItem(item, reviews))
  const blockingIssues = items
    .filter((i) => i.required && i.answer === 'no')
    .map((i) => ({ issue: problemOf(rubric.privacyItems.find((p) => p.key === i.key)!), override: null }))
  const inherentBands = criteria.map((c) => c.band)
  return {
    criteria,
    privacy: { items, blockingIssues },
    profile: {
      inherent: countByBand(inherentBands),
      residual: countByBand(criteria.map((c) => c.residualBand)),
      highest: inherentBands.length ? RISK_BANDS[Math.max(...inherentBands.map(bandIndex))]! : null,
      disagreements: criteria.filter((c) => c.disagreement).length,
      blockingIssues: blockingIssues.length,
    },
  }
}
