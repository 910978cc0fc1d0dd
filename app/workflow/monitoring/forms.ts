import { z } from 'zod'
import { indicatorFieldsSchema, isoDate, type IndicatorFieldMessages } from '#machines/vocabulary/monitoring-plan'
import { CONDITION_STATUSES, REASSESSMENT_OUTCOMES, SUSPENSION_OUTCOMES } from '#machines/vocabulary/monitoring'
import { vm } from '~/utils/validation-message'

/**
 * The monitoring forms: one zod schema each, shared by the browser (Conform)
 * and the action. The server adds what only it knows (today, the plan).
 */
export const LIMITS = { short: 200, text: 5000, narrative: 10_000, conditions: 20, roles: 10 } as const

const text = (missing: string, max: number = LIMITS.text) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    // The figure is written in the page's language when the message is shown ({{max, number}}).
    .max(max, vm('monitoring.tooLong', { max }))

const version = z.number().int().positive()

export const ReviewSchema = z.object({
  version,
  reviewedOn: isoDate,
  narrative: text(vm('monitoring.reviewFindingsRequired'), LIMITS.narrative),
  readings: z
    .array(
      z.object({
        indicatorId: z.uuid(),
        value: z.number({ error: vm('monitoring.valueNumber') }).min(-1e12, vm('monitoring.valueTooSmall')).max(1e12, vm('monitoring.valueTooLarge')),
      }),
    )
    .max(20)
    .default([]),
  checks: z
    .array(
      z.object({
        conditionId: z.uuid(),
        status: z.enum(CONDITION_STATUSES, { error: vm('monitoring.conditionStatusRequired') }),
        note: z.string().trim().max(2000, vm('monitoring.noteTooLong')).default(''),
      }),
    )
    .max(100)
    .default([]),
})

/** One role per line or separated by commas: "front-desk staff, applicant". */
const roles = z
  .string({ error: vm('monitoring.rolesRequired') })
  .max(1000, vm('monitoring.rolesTooLong'))
  .transform((s) =>
    s
      .split(/[\n,;]/)
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(100, vm('monitoring.roleTooLong')))
      .min(1, vm('monitoring.rolesRequired'))
      .max(LIMITS.roles, vm('monitoring.tooManyRoles', { max: LIMITS.roles })),
  )

export const IncidentSchema = z.object({
  occurredOn: isoDate,
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, vm('monitoring.timeFormat'))
    .optional(),
  location: text(vm('monitoring.locationRequired'), LIMITS.short),
  description: text(vm('monitoring.descriptionRequired')),
  rolesInvolved: roles,
  actionTaken: text(vm('monitoring.actionTakenRequired')),
})

export const EscalateSchema = z.object({
  version,
  reason: text(vm('monitoring.escalationReasonRequired'), 2000),
})

const conditionLines = z
  .string()
  .max(LIMITS.text)
  .optional()
  .transform((s) =>
    (s ?? '')
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(1000, vm('monitoring.conditionTooLong'))).max(LIMITS.conditions, vm('monitoring.tooManyConditions', { max: LIMITS.conditions })))

export const ReassessmentOutcomeSchema = z
  .object({
    intent: z.literal('record'),
    version,
    outcome: z.enum(REASSESSMENT_OUTCOMES, { error: vm('monitoring.outcomeRequired') }),
    rationale: text(vm('monitoring.rationaleRequired')),
    newConditions: conditionLines,
  })
  .refine((v) => v.outcome !== 'add_conditions' || v.newConditions.length > 0, {
    path: ['newConditions'],
    message: vm('monitoring.newConditionsRequired'),
  })

export const SuspensionOutcomeSchema = z.object({
  intent: z.literal('record'),
  version,
  outcome: z.enum(SUSPENSION_OUTCOMES, { error: vm('monitoring.outcomeRequired') }),
  rationale: text(vm('monitoring.rationaleRequired')),
})

export const SignSchema = z.object({
  intent: z.literal('sign'),
  version,
  password: z.string({ error: vm('decision.passwordRequired') }).min(1, vm('decision.passwordRequired')).max(1000),
})

/** The indicator library's messages, as keys of the 'validation' catalogue (English text: INDICATOR_FIELD_MESSAGES). */
const INDICATOR_FIELD_KEYS = {
  nameRequired: vm('indicator.nameRequired'),
  nameTooLong: vm('indicator.nameTooLong'),
  unitRequired: vm('indicator.unitRequired'),
  unitTooLong: vm('indicator.unitTooLong'),
  directionRequired: vm('indicator.directionRequired'),
  thresholdKindRequired: vm('indicator.thresholdKindRequired'),
  thresholdNumber: vm('indicator.thresholdNumber'),
  thresholdPositive: vm('indicator.thresholdPositive'),
  thresholdTooLarge: vm('indicator.thresholdTooLarge'),
  measureRequired: vm('indicator.measureRequired'),
} satisfies IndicatorFieldMessages

export const LibraryIndicatorSchema = indicatorFieldsSchema(INDICATOR_FIELD_KEYS).extend({
  description: z.string().trim().max(2000, vm('indicator.descriptionTooLong')).default(''),
  retired: z.boolean().default(false),
})
