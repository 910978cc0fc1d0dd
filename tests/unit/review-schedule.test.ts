import { describe, expect, it } from 'vitest'
import { addMonths, dueOn, dueState, periodOf, slotAfterSuspension, slotContaining } from '~/utils/review-schedule'

describe('review due dates', () => {
  it('clamps to the end of a shorter month without drifting afterwards', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    const monthly = { startsOn: '2026-01-31', intervalMonths: 1 }
    expect([1, 2, 3, 4].map((n) => dueOn(monthly, n))).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'])
  })

  it('knows leap years: 29 February when there is one, the 28th when not', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28') // divisible by 100, not by 400
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29') // divisible by 400
    const quarterly = { startsOn: '2027-11-30', intervalMonths: 3 }
    expect(dueOn(quarterly, 1)).toBe('2028-02-29')
    expect(dueOn(quarterly, 2)).toBe('2028-05-30')
  })

  it('crosses year ends and counts every slot from the start date', () => {
    const quarterly = { startsOn: '2026-11-15', intervalMonths: 3 }
    expect(dueOn(quarterly, 1)).toBe('2027-02-15')
    expect(dueOn(quarterly, 4)).toBe('2027-11-15')
    expect(dueOn(quarterly, 0)).toBe('2026-11-15')
  })

  it('keeps the schedule after a late review: the next review is due on its slot, not a quarter after the late one', () => {
    const quarterly = { startsOn: '2026-01-01', intervalMonths: 3 }
    // Review 1 was due on 1 April but recorded on 20 May; the plan moves to slot 2.
    expect(dueOn(quarterly, 1)).toBe('2026-04-01')
    expect(dueOn(quarterly, 2)).toBe('2026-07-01')
    expect(dueOn(quarterly, 2)).not.toBe(addMonths('2026-05-20', 3))
  })

  it('gives each review the period since the one before', () => {
    const quarterly = { startsOn: '2026-01-01', intervalMonths: 3 }
    expect(periodOf(quarterly, 1)).toEqual({ from: '2026-01-01', to: '2026-04-01' })
    expect(periodOf(quarterly, 2)).toEqual({ from: '2026-04-01', to: '2026-07-01' })
    expect(slotContaining(quarterly, '2025-12-31')).toBe(0)
    expect(slotContaining(quarterly, '2026-01-01')).toBe(1)
    expect(slotContaining(quarterly, '2026-03-31')).toBe(1)
    expect(slotContaining(quarterly, '2026-04-01')).toBe(2)
  })

  it('does not owe reviews that fell due while a partnership was suspended', () => {
    const quarterly = { startsOn: '2026-01-01', intervalMonths: 3 }
    // Suspended with slot 2 next (due 1 July); resumed on 15 November: slots 2 and 3 are skipped.
    expect(slotAfterSuspension(quarterly, 2, '2026-11-15')).toBe(4)
    expect(dueOn(quarterly, 4)).toBe('2027-01-01')
    // Resumed before the next slot fell due: nothing is skipped.
    expect(slotAfterSuspension(quarterly, 2, '2026-05-01')).toBe(2)
  })

  it('says whether a review is overdue, due soon or scheduled', () => {
    expect(dueState('2026-04-01', '2026-04-02')).toBe('overdue')
    expect(dueState('2026-04-01', '2026-04-01')).toBe('due_soon')
    expect(dueState('2026-04-01', '2026-03-02')).toBe('due_soon')
    expect(dueState('2026-04-01', '2026-03-01')).toBe('scheduled')
  })

  it('refuses what is not a date', () => {
    expect(() => addMonths('2026-1-1', 1)).toThrow(RangeError)
    expect(() => dueOn({ startsOn: '2026-01-01', intervalMonths: 3 }, -1)).toThrow(RangeError)
  })
})
