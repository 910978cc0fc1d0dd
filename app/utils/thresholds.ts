/**
 * Threshold arithmetic for monitoring indicators, shared by the review form
 * (to show what a value means before it is saved), the server (which decides)
 * and the charts.
 *
 * The rules:
 * - An indicator's *adverse change* is how far its value moved the wrong way
 *   from the baseline: down for "higher is better", up for "lower is better".
 *   A move the right way is a negative adverse change.
 * - A percentage threshold measures that change against the baseline's size;
 *   an absolute one in the indicator's own unit.
 * - **Breached** (red) means strictly beyond the threshold: a value exactly at
 *   it is not yet a breach. **Amber** means more than halfway to the threshold.
 *   Anything else is green.
 * - A review is red if any indicator is red or the review escalates; amber if
 *   any indicator is amber or any condition is not met; green otherwise.
 */
import { type Rag } from '#machines/vocabulary/monitoring'
import { formatNumber as formatIn } from './format'
import { fixedT } from './i18n'
import { DEFAULT_LOCALE, type Locale } from './locale'

export type Direction = 'higher_is_better' | 'lower_is_better'
export type Threshold = { kind: 'absolute' | 'percent'; value: number }
export type ThresholdIndicator = { baseline: number; direction: Direction; threshold: Threshold }

// Readings are typed by people to a few decimals; this absorbs binary rounding.
const EPSILON = 1e-9

/** How far the value moved the wrong way, in the threshold's own terms (unit or percent). */
export function adverseChange(indicator: ThresholdIndicator, value: number): number {
  const raw =
    indicator.direction === 'higher_is_better'
      ? indicator.baseline - value
      : value - indicator.baseline
  if (indicator.threshold.kind === 'absolute') return raw
  // Multiplying first keeps whole-number cases exact (1,240 of 12,400 is 10, not 10.000000000000002).
  return (raw * 100) / Math.abs(indicator.baseline)
}

/** Signed change from the baseline as a percentage, or null for a zero baseline. */
export function percentChange(baseline: number, value: number): number | null {
  if (baseline === 0) return null
  return ((value - baseline) * 100) / Math.abs(baseline)
}

export function isBreached(indicator: ThresholdIndicator, value: number): boolean {
  return adverseChange(indicator, value) > indicator.threshold.value + EPSILON
}

export function readingStatus(indicator: ThresholdIndicator, value: number): Rag {
  const adverse = adverseChange(indicator, value)
  if (adverse > indicator.threshold.value + EPSILON) return 'red'
  if (adverse > indicator.threshold.value / 2 + EPSILON) return 'amber'
  return 'green'
}

/** The value at which the indicator is breached (the threshold line on a chart). */
export function thresholdValue(indicator: ThresholdIndicator): number {
  const { baseline, direction, threshold } = indicator
  const distance =
    threshold.kind === 'absolute' ? threshold.value : (Math.abs(baseline) * threshold.value) / 100
  return direction === 'higher_is_better' ? baseline - distance : baseline + distance
}

export type ConditionState = 'met' | 'not_met' | 'in_progress'

export function reviewStatus(
  readings: Rag[],
  conditions: ConditionState[],
  escalates: boolean,
): Rag {
  if (escalates || readings.includes('red')) return 'red'
  if (readings.includes('amber') || conditions.includes('not_met')) return 'amber'
  return 'green'
}

/** A figure as the reader's language writes it (English until a caller passes the page's locale). */
export function formatNumber(n: number, locale: Locale = DEFAULT_LOCALE): string {
  return formatIn(locale, n)
}

/** "a 10% fall from the baseline": how the threshold reads in words, in the reader's language. */
export function describeThreshold(indicator: ThresholdIndicator & { unit?: string }, locale: Locale = DEFAULT_LOCALE): string {
  const { direction, threshold } = indicator
  const t = fixedT(locale, 'indicators')
  const value = formatNumber(threshold.value, locale)
  if (threshold.kind === 'percent') return t(`threshold.percent_${direction}`, { value })
  return indicator.unit
    ? t(`threshold.absolute_${direction}`, { value, unit: indicator.unit })
    : t(`threshold.absoluteNoUnit_${direction}`, { value })
}

/**
 * "fell 15% against a 10% threshold": the words a breach is recorded in.
 * A review's findings are stored as they were written (in English unless a
 * caller passes the reader's language).
 */
export function describeReading(
  indicator: ThresholdIndicator & { name: string; unit: string },
  value: number,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const t = fixedT(locale, 'indicators')
  const n = (x: number) => formatNumber(x, locale)
  const change = value - indicator.baseline
  if (change === 0) return t('reading.held', { name: indicator.name, baseline: n(indicator.baseline) })
  const pct = percentChange(indicator.baseline, value)
  const amount =
    indicator.threshold.kind === 'percent' && pct !== null
      ? t('reading.percent', { value: n(Math.abs(pct)) })
      : t('reading.amount', { value: n(Math.abs(change)), unit: indicator.unit })
  const against =
    indicator.threshold.kind === 'percent'
      ? t('reading.percent', { value: n(indicator.threshold.value) })
      : t('reading.amount', { value: n(indicator.threshold.value), unit: indicator.unit })
  return t(change < 0 ? 'reading.fell' : 'reading.rose', { name: indicator.name, amount, against })
}
