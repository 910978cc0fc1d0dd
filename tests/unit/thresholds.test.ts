import { describe, expect, it } from 'vitest'
import {
  adverseChange,
  describeReading,
  describeThreshold,
  isBreached,
  readingStatus,
  reviewStatus,
  thresholdValue,
  type ThresholdIndicator,
} from '~/utils/thresholds'

const visits: ThresholdIndicator & { name: string; unit: string } = {
  name: 'Visits at affected branches',
  unit: 'visits a month',
  baseline: 12400,
  direction: 'higher_is_better',
  threshold: { kind: 'percent', value: 10 },
}
const complaints: ThresholdIndicator & { name: string; unit: string } = {
  name: 'Complaints',
  unit: 'complaints',
  baseline: 2,
  direction: 'lower_is_better',
  threshold: { kind: 'absolute', value: 5 },
}

describe('threshold maths', () => {
  it('higher is better, percentage: a 15% fall breaches a 10% threshold; exactly 10% does not', () => {
    expect(adverseChange(visits, 10540)).toBeCloseTo(15)
    expect(isBreached(visits, 10540)).toBe(true)
    expect(readingStatus(visits, 10540)).toBe('red')
    expect(adverseChange(visits, 11160)).toBe(10)
    expect(isBreached(visits, 11160)).toBe(false)
    expect(readingStatus(visits, 11160)).toBe('amber')
    // A rise is good news however large.
    expect(isBreached(visits, 20000)).toBe(false)
    expect(readingStatus(visits, 20000)).toBe('green')
    expect(describeReading(visits, 10540)).toBe('Visits at affected branches fell 15% against a 10% threshold')
  })

  it('lower is better, absolute: a rise of more than 5 breaches; a fall never does', () => {
    expect(adverseChange(complaints, 8)).toBe(6)
    expect(isBreached(complaints, 8)).toBe(true)
    expect(isBreached(complaints, 7)).toBe(false)
    expect(readingStatus(complaints, 7)).toBe('amber')
    expect(readingStatus(complaints, 4)).toBe('green')
    expect(isBreached(complaints, 0)).toBe(false)
    expect(describeReading(complaints, 8)).toBe('Complaints rose 6 complaints against a 5 complaints threshold')
  })

  it('lower is better, percentage; higher is better, absolute', () => {
    const waiting = { baseline: 40, direction: 'lower_is_better', threshold: { kind: 'percent', value: 25 } } as const
    expect(isBreached(waiting, 50)).toBe(false)
    expect(isBreached(waiting, 50.5)).toBe(true)
    const loans = { baseline: 300, direction: 'higher_is_better', threshold: { kind: 'absolute', value: 50 } } as const
    expect(isBreached(loans, 250)).toBe(false)
    expect(isBreached(loans, 249)).toBe(true)
    expect(readingStatus(loans, 274)).toBe('amber')
    expect(readingStatus(loans, 276)).toBe('green')
  })

  it('measures percentages against the size of a negative baseline', () => {
    const net = { baseline: -200, direction: 'higher_is_better', threshold: { kind: 'percent', value: 10 } } as const
    expect(adverseChange(net, -230)).toBe(15)
    expect(isBreached(net, -230)).toBe(true)
  })

  it('draws the threshold line on the worse side of the baseline', () => {
    expect(thresholdValue(visits)).toBe(11160)
    expect(thresholdValue(complaints)).toBe(7)
  })

  it('rates a review by its worst indicator, unmet conditions and escalation', () => {
    expect(reviewStatus(['green', 'green'], ['met'], false)).toBe('green')
    expect(reviewStatus(['green', 'amber'], ['met'], false)).toBe('amber')
    expect(reviewStatus(['green'], ['not_met'], false)).toBe('amber')
    expect(reviewStatus(['green'], ['in_progress'], false)).toBe('green')
    expect(reviewStatus(['red', 'green'], [], false)).toBe('red')
    expect(reviewStatus(['green'], ['not_met'], true)).toBe('red')
  })

  it('reads a threshold and a reading in English or in Welsh', () => {
    expect(describeThreshold(visits)).toBe('a 10% fall from the baseline')
    expect(describeThreshold(complaints)).toBe('a rise of 5 complaints from the baseline')
    expect(describeThreshold({ ...complaints, unit: '' })).toBe('a rise of 5 from the baseline')
    expect(describeThreshold({ ...visits, threshold: { kind: 'percent', value: 12.5 } }, 'cy')).toBe('gostyngiad o 12.5% o’r llinell sylfaen')
    expect(describeThreshold({ ...complaints, threshold: { kind: 'absolute', value: 1500 } }, 'cy')).toBe('cynnydd o 1,500 complaints o’r llinell sylfaen')
    expect(describeReading(visits, 10540, 'cy')).toBe('Gostyngodd Visits at affected branches 15% o’i gymharu â throthwy o 10%')
    expect(describeReading(complaints, 8, 'cy')).toBe('Cododd Complaints 6 complaints o’i gymharu â throthwy o 5 complaints')
    expect(describeReading(complaints, 2)).toBe('Complaints held at its baseline of 2')
  })
})
