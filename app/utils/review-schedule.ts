import { addDays } from './calendar'
/**
 * When monitoring reviews fall due. Nobody sets a review date by hand: the
 * plan's start date and interval fix the whole schedule.
 *
 * The rule: scheduled review n is due n × interval months after the start,
 * always counted from the start date itself, so a date clamped to a short
 * month's end does not drift (31 January monthly → 28/29 February → 31 March).
 * A review recorded late (or early) fills the slot that was due; the next
 * review keeps its place on the schedule, not a date counted from the late
 * review. Only a suspension skips slots: reviews that fell due while the
 * partnership was suspended are not owed once it resumes.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD), compared as strings.
 */

export type Schedule = { startsOn: string; intervalMonths: number }

/** Reviews are "due soon" within this many days of their due date. */
export const DUE_SOON_DAYS = 30

const DAY_MS = 86_400_000

function parts(date: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`Not a calendar date: ${date}`)
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The same day `months` later, or the month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parts(date)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`
}

export { addDays }

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS)
}

/** The due date of scheduled review `slot` (1 = the first review after the start). */
export function dueOn(schedule: Schedule, slot: number): string {
  if (!Number.isInteger(slot) || slot < 0) throw new RangeError(`Not a review slot: ${slot}`)
  return addMonths(schedule.startsOn, slot * schedule.intervalMonths)
}

/** The period a review covers: from the previous slot's due date up to (not including) its own. */
export function periodOf(schedule: Schedule, slot: number): { from: string; to: string } {
  return { from: dueOn(schedule, slot - 1), to: dueOn(schedule, slot) }
}

/** The slot whose period contains `date` (0 before the first review's period starts). */
export function slotContaining(schedule: Schedule, date: string): number {
  if (date < schedule.startsOn) return 0
  let slot = 1
  while (dueOn(schedule, slot) <= date) slot++
  return slot
}

/**
 * The first slot owed after a suspension ends on `resumedOn`: the first one
 * falling due after that day, but never one already reviewed.
 */
export function slotAfterSuspension(schedule: Schedule, nextSlot: number, resumedOn: string): number {
  return Math.max(nextSlot, slotContaining(schedule, resumedOn))
}

export type DueState = 'overdue' | 'due_soon' | 'scheduled'

export function dueState(due: string, today: string): DueState {
  if (due < today) return 'overdue'
  if (daysBetween(today, due) <= DUE_SOON_DAYS) return 'due_soon'
  return 'scheduled'
}

export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  scheduled: 'Scheduled',
}

export function intervalLabel(months: number): string {
  if (months === 1) return 'Monthly'
  if (months === 3) return 'Quarterly'
  if (months === 6) return 'Every six months'
  if (months === 12) return 'Yearly'
  return `Every ${months} months`
}
