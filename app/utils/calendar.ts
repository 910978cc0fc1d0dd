import { DEFAULT_LOCALE, intlTag, type Locale } from './locale'

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

type DateFormats = { longDate: Intl.DateTimeFormat; time: Intl.DateTimeFormat }
const formats = new Map<Locale, DateFormats>()

function formatsFor(locale: Locale): DateFormats {
  let f = formats.get(locale)
  if (!f) {
    const tag = intlTag(locale)
    f = {
      longDate: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: SERVICE_TIME_ZONE }),
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: SERVICE_TIME_ZONE, timeZoneName: 'short' }),
    }
    formats.set(locale, f)
  }
  return f
}

/** A calendar date (`YYYY-MM-DD`) or a moment, as "4 March 2025" in the service's time, the same on the server and in the browser. */
export function formatDate(value: string | Date, locale: Locale = DEFAULT_LOCALE): string {
  const { longDate } = formatsFor(locale)
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number)
    // Noon UTC keeps the calendar day whatever the UK offset.
    return longDate.format(new Date(Date.UTC(y!, m! - 1, d!, 12)))
  }
  return longDate.format(value)
}

/** A moment as "12 June 2025, 14:52 BST". */
export function formatDateTime(value: Date, locale: Locale = DEFAULT_LOCALE): string {
  const { longDate, time } = formatsFor(locale)
  return `${longDate.format(value)}, ${time.format(value)}`
}
