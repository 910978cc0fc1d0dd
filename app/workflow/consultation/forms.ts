import { z } from 'zod'
import { CONCERN_CATEGORIES } from '#machines/vocabulary/consultation'
import { plainText } from '~/utils/plain-text'

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
const id = z.uuid({ error: 'That item was not found' })

// Professional body ------------------------------------------------------------

export const PbRequestSchema = z
  .object({
    intent: z.literal('pb.request'),
    version,
    sentOn: day('Enter the date the request was sent'),
    contact: text('Enter who the request went to', LIMITS.short),
    shared: text('Say what was shared with them', LIMITS.summary),
    deadline: day('Enter the date a response is due'),
  })
  .refine((v) => v.deadline >= v.sentOn, {
    path: ['deadline'],
    message: 'The deadline cannot be before the request was sent',
  })

export const PbResponseSchema = z.object({
  intent: z.literal('pb.respond'),
  version,
  receivedOn: day('Enter the date the response arrived'),
  summary: text('Summarise the response', LIMITS.summary),
  recommendations: z
    .array(text('Enter the recommendation, or remove it', LIMITS.recommendation))
    .max(LIMITS.recommendations, `Record at most ${LIMITS.recommendations} recommendations`)
    .default([]),
})

export const PbAnswerSchema = z
  .object({
    intent: z.literal('pb.answer'),
    recommendationId: id,
    answer: z.enum(['accepted', 'not_accepted'], {
      error: 'Choose whether the service accepts it',
    }),
    rationale: optionalText(LIMITS.response),
  })
  .refine((v) => v.answer === 'accepted' || v.rationale, {
    path: ['rationale'],
    message: 'Explain why the service does not accept it',
  })

export const PbCloseSchema = z.object({
  intent: z.literal('pb.closeWithoutResponse'),
  version,
  note: text('Record what happened', LIMITS.reason),
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
  closesOn: day('Enter the closing date'),
  summary: text('Write a summary for staff', LIMITS.summary),
})

export const UnionSchema = z.object({
  intent: z.literal('union.record'),
  unionName: text('Enter the union’s name', LIMITS.short),
  consultedOn: day('Enter the date of the union’s response'),
  response: text('Summarise the union’s response', LIMITS.summary),
})

export const StaffCompleteSchema = z.object({ intent: z.literal('staff.complete'), version })

export const StaffFormSchema = z.discriminatedUnion('intent', [
  StaffOpenSchema,
  UnionSchema,
  StaffCompleteSchema,
])

// Concerns -----------------------------------------------------------------------

const identity = z.enum(['named', 'anonymous'], { error: 'Choose whether to give your name' })

export const RaiseConcernSchema = z.object({
  intent: z.literal('concern.raise'),
  category: z.enum(CONCERN_CATEGORIES, { error: 'Choose what your concern is about' }),
  text: text('Describe your concern', LIMITS.concern),
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
  response: text('Write the response', LIMITS.response),
  condition: optionalText(LIMITS.recommendation),
})

export const HideSchema = z.object({
  intent: z.literal('concern.hide'),
  concernId: id,
  reason: text('Say which part of the code of conduct it breaks', LIMITS.reason),
})

export const ConcernFormSchema = z.discriminatedUnion('intent', [
  RaiseConcernSchema,
  EndorseSchema,
  RespondSchema,
  HideSchema,
])

export const ReceiptLookupSchema = z.object({
  code: z
    .string({ error: 'Enter your receipt code' })
    .trim()
    .min(1, 'Enter your receipt code')
    .max(64, 'That is not a receipt code'),
})
