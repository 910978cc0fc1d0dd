/**
 * Calendar dates for consultations. Closing dates and deadlines are days in
 * the library service's own time zone; the machine compares moments, so a day
 * becomes the last millisecond of that day there.
 */
export const SERVICE_TIME_ZONE = 'Europe/London'

const DAY_MS = 86_400_000

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

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

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

/** "2 February 2026" for a YYYY-MM-DD date, the same on the server and in the browser. */
export function formatDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00.000Z`))
}
