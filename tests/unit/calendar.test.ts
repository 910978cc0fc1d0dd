import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, SERVICE_TIME_ZONE } from '~/utils/calendar'
import { formatNumber } from '~/utils/format'

// Node has full ICU: what Intl writes here is CLDR's, the text the calendar must match without Intl's help.
const cldrDate = (tag: string) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: SERVICE_TIME_ZONE })
const cldrTime = (tag: string) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: SERVICE_TIME_ZONE, timeZoneName: 'short' })

// Every month, both sides of both clock changes, and moments near midnight in winter and summer.
const MOMENTS = [
  ...Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 15, 9, 5))),
  new Date('2026-03-29T00:59:59Z'),
  new Date('2026-03-29T01:00:00Z'),
  new Date('2026-10-25T00:59:59Z'),
  new Date('2026-10-25T01:00:00Z'),
  new Date('2026-08-25T23:30:00Z'),
  new Date('2026-12-31T23:59:00Z'),
  new Date('2027-01-01T00:00:00Z'),
]

describe('dates in the reader’s language', () => {
  it('writes a moment as CLDR does, in English and in Welsh, in the service’s time', () => {
    for (const [locale, tag] of [['en', 'en-GB'], ['cy', 'cy-GB']] as const) {
      for (const at of MOMENTS) {
        expect(formatDate(at, locale), `${tag} ${at.toISOString()}`).toBe(cldrDate(tag).format(at))
        expect(formatDateTime(at, locale), `${tag} ${at.toISOString()}`).toBe(`${cldrDate(tag).format(at)}, ${cldrTime(tag).format(at)}`)
      }
    }
  })

  it('writes a calendar day as that day, whatever the offset', () => {
    expect(formatDate('2026-08-26', 'cy')).toBe('26 Awst 2026')
    expect(formatDate('2026-08-26', 'en')).toBe('26 August 2026')
    expect(formatDate('2026-08-26')).toBe('26 August 2026')
    expect(formatDate('2026-03-29', 'cy')).toBe('29 Mawrth 2026')
    expect(formatDate('2027-01-01', 'cy')).toBe('1 Ionawr 2027')
  })

  it('names the zone of a time as each language does', () => {
    expect(formatDateTime(new Date('2026-06-12T13:52:00Z'), 'en')).toBe('12 June 2026, 14:52 BST')
    expect(formatDateTime(new Date('2026-06-12T13:52:00Z'), 'cy')).toBe('12 Mehefin 2026, 14:52 GMT+1')
    expect(formatDateTime(new Date('2026-01-06T00:05:00Z'), 'cy')).toBe('6 Ionawr 2026, 00:05 GMT')
  })

  it('refuses a date that is not one, as Intl did', () => {
    expect(() => formatDate(new Date(Number.NaN), 'cy')).toThrow(RangeError)
    expect(() => formatDate('not a date', 'en')).toThrow(RangeError)
  })
})

describe('numbers in the reader’s language', () => {
  it('writes Welsh numbers as CLDR does, which is as British English does', () => {
    for (const n of [0, 12, 1234.5, 1234567.891, -0.25]) {
      expect(formatNumber('cy', n)).toBe(new Intl.NumberFormat('cy-GB', { maximumFractionDigits: 2 }).format(n))
      expect(formatNumber('cy', n)).toBe(formatNumber('en', n))
    }
    expect(formatNumber('cy', 2.5, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe('2.5')
  })
})
