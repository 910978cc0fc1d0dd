import { z } from 'zod'
import { INDICATOR_DIRECTIONS, INDICATOR_MEASURES, THRESHOLD_KINDS, type MonitoringPlan } from './monitoring'

/**
 * The monitoring plan as a form states it: shared by the decision form (which
 * sets the plan when it approves), the indicator library and the server.
 * Field names are flat so that Conform can name them `indicators[0].baseline`.
 */

export const isoDate = z
  .string({ error: 'Give a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'That date does not exist')

/**
 * The messages of an indicator's own fields, in English. The indicator library
 * (app/workflow/monitoring/forms.ts) passes catalogue keys instead, and the
 * English catalogue takes its text from here, so the words live in one place.
 */
export const INDICATOR_FIELD_MESSAGES = {
  nameRequired: 'Name the indicator',
  nameTooLong: 'Keep the name under 200 characters',
  unitRequired: 'Give the unit, e.g. “visits a month”',
  unitTooLong: 'Keep the unit under 100 characters',
  directionRequired: 'Say whether higher or lower is better',
  thresholdKindRequired: 'Say whether the threshold is a percentage or an amount',
  thresholdNumber: 'Give the threshold as a number',
  thresholdPositive: 'The threshold must be more than zero',
  thresholdTooLarge: 'That threshold is too large',
  measureRequired: 'Say where the value comes from',
} as const

export type IndicatorFieldMessages = { [K in keyof typeof INDICATOR_FIELD_MESSAGES]: string }

export function indicatorFieldsSchema(m: IndicatorFieldMessages = INDICATOR_FIELD_MESSAGES) {
  return z.object({
    name: z.string({ error: m.nameRequired }).trim().min(1, m.nameRequired).max(200, m.nameTooLong),
    unit: z.string({ error: m.unitRequired }).trim().min(1, m.unitRequired).max(100, m.unitTooLong),
    direction: z.enum(INDICATOR_DIRECTIONS, { error: m.directionRequired }),
    thresholdKind: z.enum(THRESHOLD_KINDS, { error: m.thresholdKindRequired }),
    thresholdValue: z.number({ error: m.thresholdNumber }).positive(m.thresholdPositive).max(1e12, m.thresholdTooLarge),
    measure: z.enum(INDICATOR_MEASURES, { error: m.measureRequired }).default('manual'),
  })
}

export const IndicatorFieldsSchema = indicatorFieldsSchema()

export const PlanIndicatorSchema = IndicatorFieldsSchema.extend({
  baseline: z.number({ error: 'Give the baseline as a number' }).min(-1e12).max(1e12, 'That baseline is too large'),
  libraryIndicatorId: z.uuid().optional(),
}).refine((i) => i.thresholdKind !== 'percent' || i.baseline !== 0, {
  message: 'A percentage threshold needs a baseline other than zero',
  path: ['baseline'],
})

export type PlanIndicator = z.infer<typeof PlanIndicatorSchema>

/**
 * A row of the indicator list with nothing typed in it. `measure` is left
 * out: it is a list with a default, so an untouched row still has one.
 */
export function isBlankIndicatorRow(row: unknown): boolean {
  if (row === undefined || row === null) return true
  if (typeof row !== 'object') return false
  return Object.entries(row).every(([key, value]) => key === 'measure' || value === undefined || value === null || value === '')
}

/**
 * The indicator rows as a form sends them: a row left blank (an "Add an
 * indicator" pressed once too often) is no error and is dropped; any other row
 * is checked where it stands, so its errors land beside its own fields.
 */
const IndicatorRowsSchema = z
  .array(z.preprocess((row) => (isBlankIndicatorRow(row) ? undefined : row), PlanIndicatorSchema.optional()), {
    error: 'Add at least one indicator',
  })
  // Blank rows are cheap to check but not free: a form never sends this many.
  .max(100, 'Keep to 20 indicators')
  .transform((rows) => rows.filter((row) => row !== undefined))
  .pipe(
    z
      .array(z.custom<PlanIndicator>())
      .min(1, 'Add at least one indicator')
      .max(20, 'Keep to 20 indicators')
      .refine((list) => new Set(list.map((i) => i.name.toLowerCase())).size === list.length, 'Give each indicator a different name'),
  )

export const MonitoringPlanSchema = z.object({
  intervalMonths: z
    .number({ error: 'Give the review interval in months' })
    .int('Give a whole number of months')
    .min(1, 'Reviews must be at least a month apart')
    .max(36, 'Review at least every three years'),
  startsOn: isoDate,
  indicators: IndicatorRowsSchema,
})
export type MonitoringPlanValues = z.infer<typeof MonitoringPlanSchema>

/** The plan as the signed record prints it. */
export function recordPlan(plan: { intervalMonths: number; indicators: Omit<PlanIndicator, 'libraryIndicatorId'>[] }): MonitoringPlan {
  return {
    intervalMonths: plan.intervalMonths,
    indicators: plan.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      direction: i.direction,
      threshold: { kind: i.thresholdKind, value: i.thresholdValue },
    })),
  }
}
