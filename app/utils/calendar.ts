import { DEFAULT_LOCALE, type Locale } from './locale'

/**
 * The one calendar: dates as the library service reads them. Closing dates,
 * deadlines and review dates are days in the service's own time zone; the
 * machine compares moments, so a day becomes the last millisecond of that day
 * there. Shared by the server, the browser and the PDF records.
 */
export const SERVICE_TIME_ZONE = 'Europe/London'

const DAY_MS = 86_400_000

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

// Read back as numbers, never shown: the language does not matter.
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

/** The service's calendar date (YYYY-MM-DD) at a moment. */
export function serviceDate(at: Date): string {
  return dayFormat.format(at)
}

/**
 * The UTC calendar date of a moment: the only time kept for anonymous
 * contributions, the same day the audit trail keeps for them, so that the two
 * never disagree and narrow the time down between them.
 */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10)
}

export function startOfUtcDay(at: Date): Date {
  return new Date(`${utcDate(at)}T00:00:00.000Z`)
}

function offsetMs(at: Date): number {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(at).map((p) => [p.type, Number(p.value)]),
  )
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  )
  return wall - Math.floor(at.getTime() / 1000) * 1000
}

/** The last moment of a calendar day in the service's time zone. */
export function endOfServiceDay(date: string): Date {
  const naive = Date.parse(`${date}T23:59:59.999Z`)
  // Clocks change in the small hours, never near midnight, so one correction is exact.
  return new Date(naive - offsetMs(new Date(naive)))
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The earliest closing date that gives staff at least `minDays` full days from `now`. */
export function earliestClosingDate(now: Date, minDays: number): string {
  return serviceDate(new Date(now.getTime() + minDays * DAY_MS))
}

/**
 * Month names as CLDR (and Node's full ICU) write them. Dates are put together
 * here from numbers rather than by Intl in the page's language, because
 * Chromium and Chrome ship ICU without Welsh date data: Intl there writes a
 * 'cy-GB' date in the browser's own language ("August 26, 2026"), so a Welsh
 * page rendered "26 Awst 2026" on the server changed language on hydration.
 * Built from numbers, a date reads the same on the server, in every browser
 * and in the PDF records.
 */
const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
}

/** The wall-clock parts of a moment in the service's time zone, and its offset from UTC. */
function serviceParts(at: Date) {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid time value')
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, Number(p.value)]))
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    offsetMinutes: Math.round(offsetMs(at) / 60_000),
  }
}

function longDate(year: number, month: number, day: number, locale: Locale): string {
  const name = MONTHS[locale][month - 1]
  if (name === undefined || !Number.isInteger(year) || !Number.isInteger(day)) throw new RangeError('Invalid time value')
  return `${day} ${name} ${year}`
}

/**
 * The zone as each language's CLDR data names it in short: British English
 * has "GMT" and "BST"; Welsh has no short name for British Summer Time, so
 * "GMT+1".
 */
function zoneName(offsetMinutes: number, locale: Locale): string {
  if (offsetMinutes === 0) return 'GMT'
  if (locale === 'en' && offsetMinutes === 60) return 'BST'
  const sign = offsetMinutes < 0 ? '-' : '+'
  const hours = Math.floor(Math.abs(offsetMinutes) / 60)
  const minutes = Math.abs(offsetMinutes) % 60
  return `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`
}

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** A calendar date (`YYYY-MM-DD`) or a moment, as "4 March 2025" in the service's time, the same on the server and in the browser. */
export function formatDate(value: string | Date, locale: Locale = DEFAULT_LOCALE): string {
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number)
    return longDate(y!, m!, d!, locale)
  }
  const { year, month, day } = serviceParts(value)
  return longDate(year, month, day, locale)
}

/** A moment as "12 June 2025, 14:52 BST" ("12 Mehefin 2025, 14:52 GMT+1" in Welsh). */
export function formatDateTime(value: Date, locale: Locale = DEFAULT_LOCALE): string {
  const { year, month, day, hour, minute, offsetMinutes } = serviceParts(value)
  return `${longDate(year, month, day, locale)}, ${twoDigits(hour)}:${twoDigits(minute)} ${zoneName(offsetMinutes, locale)}`
}
