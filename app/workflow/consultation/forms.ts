import { z } from 'zod'
import { CONCERN_CATEGORIES } from '#machines/vocabulary/consultation'
import { plainText } from '~/utils/plain-text'
import { vm } from '~/utils/validation-message'

/**
 * The consultation forms, each one zod schema shared by the browser (Conform)
 * and the action. Limits here are the abuse guard's length limits.
 */
export const LIMITS = {
  short: 300,
  concern: 4000,
  response: 5000,
  summary: 10_000,
  recommendation: 2000,
  recommendations: 50,
  reason: 2000,
} as const

export { CONCERN_CATEGORY_LABELS as CATEGORY_LABELS } from '#machines/vocabulary/labels'

/** Plain text only (markup is refused, as everywhere in Probity), trimmed, within the limit. */
const text = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .pipe(plainText(max))
    .refine((v) => v.length > 0, missing)

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((v) => (v ? v : undefined))

const day = (missing: string) => z.iso.date({ error: missing })
const version = z.coerce.number().int().positive()
const id = z.uuid({ error: vm('consultation.itemNotFound') })

// Professional body ------------------------------------------------------------

export const PbRequestSchema = z
  .object({
    intent: z.literal('pb.request'),
    version,
    sentOn: day(vm('consultation.sentOnRequired')),
    contact: text(vm('consultation.contactRequired'), LIMITS.short),
    shared: text(vm('consultation.sharedRequired'), LIMITS.summary),
    deadline: day(vm('consultation.deadlineRequired')),
  })
  .refine((v) => v.deadline >= v.sentOn, {
    path: ['deadline'],
    message: vm('consultation.deadlineBeforeSent'),
  })

export const PbResponseSchema = z.object({
  intent: z.literal('pb.respond'),
  version,
  receivedOn: day(vm('consultation.receivedOnRequired')),
  summary: text(vm('consultation.responseSummaryRequired'), LIMITS.summary),
  recommendations: z
    .array(text(vm('consultation.recommendationRequired'), LIMITS.recommendation))
    .max(LIMITS.recommendations, vm('consultation.tooManyRecommendations', { max: LIMITS.recommendations }))
    .default([]),
})

export const PbAnswerSchema = z
  .object({
    intent: z.literal('pb.answer'),
    recommendationId: id,
    answer: z.enum(['accepted', 'not_accepted'], {
      error: vm('consultation.answerRequired'),
    }),
    rationale: optionalText(LIMITS.response),
  })
  .refine((v) => v.answer === 'accepted' || v.rationale, {
    path: ['rationale'],
    message: vm('consultation.rationaleRequired'),
  })

export const PbCloseSchema = z.object({
  intent: z.literal('pb.closeWithoutResponse'),
  version,
  note: text(vm('consultation.noteRequired'), LIMITS.reason),
})

export const PbCompleteSchema = z.object({ intent: z.literal('pb.complete'), version })

export const ProfessionalBodyFormSchema = z.discriminatedUnion('intent', [
  PbRequestSchema,
  PbResponseSchema,
  PbAnswerSchema,
  PbCloseSchema,
  PbCompleteSchema,
])

// Staff consultation -----------------------------------------------------------

export const StaffOpenSchema = z.object({
  intent: z.literal('staff.open'),
  version,
  closesOn: day(vm('consultation.closesOnRequired')),
  summary: text(vm('consultation.staffSummaryRequired'), LIMITS.summary),
})

export const UnionSchema = z.object({
  intent: z.literal('union.record'),
  unionName: text(vm('consultation.unionNameRequired'), LIMITS.short),
  consultedOn: day(vm('consultation.consultedOnRequired')),
  response: text(vm('consultation.unionResponseRequired'), LIMITS.summary),
})

export const StaffCompleteSchema = z.object({ intent: z.literal('staff.complete'), version })

export const StaffFormSchema = z.discriminatedUnion('intent', [
  StaffOpenSchema,
  UnionSchema,
  StaffCompleteSchema,
])

// Concerns -----------------------------------------------------------------------

const identity = z.enum(['named', 'anonymous'], { error: vm('consultation.identityRequired') })

export const RaiseConcernSchema = z.object({
  intent: z.literal('concern.raise'),
  category: z.enum(CONCERN_CATEGORIES, { error: vm('consultation.categoryRequired') }),
  text: text(vm('consultation.concernRequired'), LIMITS.concern),
  identity,
})

export const EndorseSchema = z.object({
  intent: z.literal('concern.endorse'),
  concernId: id,
  identity,
})

export const RespondSchema = z.object({
  intent: z.literal('concern.respond'),
  concernId: id,
  response: text(vm('consultation.responseRequired'), LIMITS.response),
  condition: optionalText(LIMITS.recommendation),
})

export const HideSchema = z.object({
  intent: z.literal('concern.hide'),
  concernId: id,
  reason: text(vm('consultation.hideReasonRequired'), LIMITS.reason),
})

export const ConcernFormSchema = z.discriminatedUnion('intent', [
  RaiseConcernSchema,
  EndorseSchema,
  RespondSchema,
  HideSchema,
])

export const ReceiptLookupSchema = z.object({
  code: z
    .string({ error: vm('consultation.receiptRequired') })
    .trim()
    .min(1, vm('consultation.receiptRequired'))
    .max(64, vm('consultation.receiptInvalid')),
})
