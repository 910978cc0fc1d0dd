import { describe, expect, it } from 'vitest'
import { type RubricContent } from '#db/schema'
import { aggregate, combinedAnswer, disagree, median, type SubmittedReview } from '~/workflow/screening/aggregate'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { needsRationale, reviewIssues } from '~/workflow/screening/review-schema'
import { bandFor, DEFAULT_RISK_BANDS, riskScore } from '#machines/vocabulary/risk'

const RUBRIC: RubricContent = {
  bands: DEFAULT_RISK_BANDS,
  disagreementBands: 2,
  criteria: [
    { key: 'trust', name: 'Public trust', description: '', questions: [], principles: ['CILIP: impartiality'] },
    { key: 'privacy', name: 'Privacy', description: '', questions: [], principles: ['ALA: privacy'] },
  ],
  privacyItems: [
    { key: 'policy', question: 'Contract consistent with the privacy policy', guidance: '', required: true },
    { key: 'minors', question: 'Minors’ data given special care', guidance: '', required: false },
  ],
}

function review(reviewer: string, trust: [number, number, number, number], privacy: [number, number, number, number], answers: Record<string, 'yes' | 'no' | 'not_applicable'> = {}): SubmittedReview {
  const score = ([likelihood, impact, residualLikelihood, residualImpact]: number[]) => ({
    likelihood: likelihood!,
    impact: impact!,
    residualLikelihood: residualLikelihood!,
    residualImpact: residualImpact!,
    rationale: `${reviewer} rationale`,
    mitigations: '',
  })
  return {
    reviewer,
    scores: { trust: score(trust), privacy: score(privacy) },
    privacy: Object.fromEntries(Object.entries(answers).map(([k, answer]) => [k, { answer, evidence: `${reviewer} evidence` }])),
  }
}

describe('scoring and banding', () => {
  it('scores likelihood times impact', () => {
    expect(riskScore(1, 1)).toBe(1)
    expect(riskScore(4, 5)).toBe(20)
  })

  it('bands scores at the configured thresholds, inclusive from below', () => {
    expect([1, 4, 5, 9, 10, 15, 16, 25].map((s) => bandFor(s))).toEqual([
      'low', 'low', 'medium', 'medium', 'high', 'high', 'very_high', 'very_high',
    ])
    const strict = { medium: 3, high: 6, veryHigh: 20 }
    expect([2, 3, 6, 19, 20].map((s) => bandFor(s, strict))).toEqual(['low', 'medium', 'high', 'high', 'very_high'])
  })

  it('asks for a rationale from the high band up', () => {
    expect(needsRationale(3, 3, DEFAULT_RISK_BANDS)).toBe(false) // 9: medium
    expect(needsRationale(2, 5, DEFAULT_RISK_BANDS)).toBe(true) // 10: high
    expect(needsRationale(4, 4, DEFAULT_RISK_BANDS)).toBe(true) // 16: very high
  })

  it('takes the median of odd and even counts', () => {
    expect(median([3])).toBe(3)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(() => median([])).toThrow()
  })

  it('flags disagreement only when reviewers are two or more bands apart', () => {
    expect(disagree([4, 9], DEFAULT_RISK_BANDS, 2)).toBe(false) // low and medium
    expect(disagree([4, 10], DEFAULT_RISK_BANDS, 2)).toBe(true) // low and high
    expect(disagree([5, 16], DEFAULT_RISK_BANDS, 2)).toBe(true) // medium and very high
    expect(disagree([10, 16, 12], DEFAULT_RISK_BANDS, 2)).toBe(false)
    expect(disagree([25], DEFAULT_RISK_BANDS, 2)).toBe(false)
    expect(disagree([4, 16], DEFAULT_RISK_BANDS, 4)).toBe(false)
  })
})

describe('aggregation', () => {
  const reviews = [
    review('Ann', [4, 4, 3, 3], [1, 2, 1, 1], { policy: 'yes', minors: 'not_applicable' }),
    review('Bo', [2, 2, 1, 2], [2, 2, 1, 1], { policy: 'no', minors: 'not_applicable' }),
    review('Cy', [5, 4, 4, 3], [2, 3, 2, 2], { policy: 'yes', minors: 'no' }),
  ]
  const result = aggregate(RUBRIC, reviews)
  const trust = result.criteria.find((c) => c.id === 'trust')!
  const privacy = result.criteria.find((c) => c.id === 'privacy')!

  it('gives each criterion the median, range and band of its scores', () => {
    // Inherent scores 16, 4, 20: median 16, range 4–20.
    expect(trust.median).toEqual({ likelihood: 4, impact: 4, score: 16 })
    expect(trust.range).toEqual({ min: 4, max: 20 })
    expect(trust.band).toBe('very_high')
    // Residual scores 9, 2, 12.
    expect(trust.residual).toEqual({ likelihood: 3, impact: 3, score: 9 })
    expect(trust.residualBand).toBe('medium')
    expect(trust.principles).toEqual(['CILIP: impartiality'])
    expect(trust.reviews.map((r) => r.reviewer)).toEqual(['Ann', 'Bo', 'Cy'])
  })

  it('flags the criterion where reviewers are far apart, and not the other', () => {
    expect(trust.disagreement).toBe(true) // low (4) against very high (20)
    expect(privacy.disagreement).toBe(false) // 2, 4, 6: low and medium
    expect(result.profile.disagreements).toBe(1)
  })

  it('profiles the criteria by band and names the highest', () => {
    expect(result.profile.inherent).toEqual({ low: 1, medium: 0, high: 0, very_high: 1 })
    expect(result.profile.residual).toEqual({ low: 1, medium: 1, high: 0, very_high: 0 })
    expect(result.profile.highest).toBe('very_high')
  })

  it('blocks on a "no" to a required privacy item, not on an optional one', () => {
    const policy = result.privacy.items.find((i) => i.key === 'policy')!
    const minors = result.privacy.items.find((i) => i.key === 'minors')!
    expect(policy.answer).toBe('no')
    expect(minors.answer).toBe('no')
    // An item from a version without problem wording reads as not met, never as "…: no".
    expect(result.privacy.blockingIssues).toEqual([{ issue: 'Not met: Contract consistent with the privacy policy', override: null }])
    expect(result.profile.blockingIssues).toBe(1)
    expect(policy.evidence).toContain('Bo: Bo evidence')
  })

  it('combines answers cautiously', () => {
    expect(combinedAnswer(['yes', 'not_applicable'])).toBe('yes')
    expect(combinedAnswer(['not_applicable', 'not_applicable'])).toBe('not_applicable')
    expect(combinedAnswer(['yes', 'no'])).toBe('no')
  })

  it('has no criteria, no highest band and no blocking issue without reviews', () => {
    const empty = aggregate(RUBRIC, [])
    expect(empty.criteria).toEqual([])
    expect(empty.profile.highest).toBeNull()
    expect(empty.privacy.blockingIssues).toEqual([])
  })
})

describe('review completeness', () => {
  it('lists every missing rating, rationale and privacy answer', () => {
    const issues = reviewIssues(RUBRIC, { trust: { likelihood: 4, impact: 4, residualLikelihood: 5, residualImpact: 2 } }, { policy: { answer: 'no' } })
    const paths = issues.map((i) => i.path.join('.'))
    expect(paths).toEqual([
      'scores.trust.rationale',
      'scores.trust.residualLikelihood',
      'scores.privacy.likelihood',
      'scores.privacy.impact',
      'scores.privacy.residualLikelihood',
      'scores.privacy.residualImpact',
      'privacy.policy.evidence',
      'privacy.minors.answer',
    ])
  })

  it('the default rubric has the ten criteria and nine privacy items, each criterion citing principles', () => {
    expect(DEFAULT_RUBRIC.criteria).toHaveLength(10)
    expect(DEFAULT_RUBRIC.privacyItems).toHaveLength(9)
    for (const c of DEFAULT_RUBRIC.criteria) {
      expect(c.principles.length).toBeGreaterThan(0)
      expect(c.questions.length).toBeGreaterThan(0)
    }
    expect(new Set(DEFAULT_RUBRIC.criteria.map((c) => c.key)).size).toBe(10)
  })

  it('the default checklist makes anonymous use, care for minors and limits on use and disclosure required, as the ALA tool kit does, and words every item’s failure as a problem', () => {
    const required = DEFAULT_RUBRIC.privacyItems.filter((i) => i.required).map((i) => i.key)
    expect(required).toContain('anonymous_use')
    expect(required).toContain('minors')
    expect(required).toContain('use_and_disclosure')
    expect(required).toHaveLength(9)
    for (const item of DEFAULT_RUBRIC.privacyItems) {
      expect(item.problem).toBeTruthy()
      expect(item.problem).not.toBe(item.question)
    }
  })

  it('a platform that forces sign-in is a blocking issue under the default rubric, said as a problem', () => {
    const answers = (reviewer: string, anonymous: 'yes' | 'no'): SubmittedReview => ({
      reviewer,
      scores: {},
      privacy: Object.fromEntries(
        DEFAULT_RUBRIC.privacyItems.map((i) => [i.key, { answer: i.key === 'anonymous_use' ? anonymous : 'yes', evidence: 'Sign-in required; search logs kept two years' }]),
      ),
    })
    const result = aggregate(DEFAULT_RUBRIC, [answers('Ann', 'no'), answers('Bo', 'yes')])
    expect(result.privacy.blockingIssues).toEqual([
      { issue: 'Users cannot use the service anonymously, or must give more identification than it needs', override: null },
    ])
  })
})
