/** The bands of the 5×5 likelihood × impact risk grid. */
export const RISK_BANDS = ['low', 'medium', 'high', 'very_high'] as const
export type RiskBand = (typeof RISK_BANDS)[number]

/** The lowest score of each band above `low`; a score below `medium` is low. */
export type RiskBandThresholds = { medium: number; high: number; veryHigh: number }

export const DEFAULT_RISK_BANDS: RiskBandThresholds = { medium: 5, high: 10, veryHigh: 16 }

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact
}

export function bandFor(score: number, bands: RiskBandThresholds = DEFAULT_RISK_BANDS): RiskBand {
  if (score >= bands.veryHigh) return 'very_high'
  if (score >= bands.high) return 'high'
  if (score >= bands.medium) return 'medium'
  return 'low'
}

/** Thresholds must rise within the 1–25 scale, or some band could never be reached. */
export function validBands(bands: RiskBandThresholds): boolean {
  return 1 < bands.medium && bands.medium < bands.high && bands.high < bands.veryHigh && bands.veryHigh <= 25
}

/** "1–4", "5–9" …: the score range each band covers, for legends and tables. */
export function bandRanges(bands: RiskBandThresholds = DEFAULT_RISK_BANDS): Record<RiskBand, string> {
  return {
    low: `1–${bands.medium - 1}`,
    medium: `${bands.medium}–${bands.high - 1}`,
    high: `${bands.high}–${bands.veryHigh - 1}`,
    very_high: `${bands.veryHigh}–25`,
  }
}

/**
 * A median summarises a criterion only from three reviewers up: the median of
 * two scores is a figure neither reviewer gave (2 and 20 make "11, high"), so
 * with fewer each reviewer's score is shown instead.
 */
export const MEDIAN_FROM_REVIEWERS = 3

export function summarisedByMedian(reviewers: number): boolean {
  return reviewers >= MEDIAN_FROM_REVIEWERS
}
