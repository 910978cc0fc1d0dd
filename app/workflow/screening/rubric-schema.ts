import { z } from 'zod'
import { type RubricContent } from '#db/schema'
import { lineList, plainText } from '~/utils/plain-text'
import { validBands } from '#machines/vocabulary/risk'
import { vm } from '~/utils/validation-message'

/**
 * The rubric editor's form, shared by the browser and the action. Existing
 * rows carry their key, so a reworded criterion keeps its history; a row
 * without a key and with a name is new; a blank new row is ignored. Saving
 * makes the next version; earlier versions stay as they were.
 */

const key = z.string().regex(/^[a-z0-9_]{1,60}$/, vm('rubric.keyInvalid'))
const score = z.number({ error: vm('rubric.scoreRequired') }).int(vm('rubric.scoreWhole')).min(2, vm('rubric.scoreMin')).max(25, vm('rubric.scoreMax'))

const criterionRow = z.object({
  key: key.optional(),
  name: plainText(200).optional(),
  description: plainText(1000).optional(),
  questions: lineList(12, 400).optional(),
  principles: lineList(12, 200).optional(),
  retire: z.boolean().optional(),
})

const privacyRow = z.object({
  key: key.optional(),
  question: plainText(300).optional(),
  guidance: plainText(500).optional(),
  problem: plainText(300).optional(),
  required: z.boolean().optional(),
  retire: z.boolean().optional(),
})

type CriterionRow = z.infer<typeof criterionRow>
type PrivacyRow = z.infer<typeof privacyRow>

const isBlankNew = (r: { key?: string; name?: string; question?: string }) => !r.key && !r.name && !r.question

export const RubricFormSchema = z
  .object({
    version: z.number().int().positive(),
    medium: score,
    high: score,
    veryHigh: score,
    disagreementBands: z.number({ error: vm('rubric.disagreementBands') }).int().min(1, vm('rubric.disagreementBands')).max(3, vm('rubric.disagreementBands')),
    criteria: z.array(criterionRow).max(40, vm('rubric.tooManyCriteria')).default([]),
    privacyItems: z.array(privacyRow).max(40, vm('rubric.tooManyItems')).default([]),
  })
  .superRefine((v, ctx) => {
    if (!validBands({ medium: v.medium, high: v.high, veryHigh: v.veryHigh })) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: vm('rubric.bandsOrder') })
    }
    v.criteria.forEach((c, i) => {
      if (c.retire || isBlankNew(c)) return
      if (!c.name) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'name'], message: vm('rubric.criterionName') })
      if (!c.principles?.length) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'principles'], message: vm('rubric.principleRequired') })
      if (!c.questions?.length) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'questions'], message: vm('rubric.questionRequired') })
    })
    if (v.criteria.filter((c) => !c.retire && !isBlankNew(c)).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: vm('rubric.criterionRequired') })
    }
    v.privacyItems.forEach((p, i) => {
      if (!p.retire && !isBlankNew(p) && !p.question) {
        ctx.addIssue({ code: 'custom', path: ['privacyItems', i, 'question'], message: vm('rubric.itemQuestion') })
      }
    })
  })

export type RubricForm = z.infer<typeof RubricFormSchema>

/** A key for a new row from its wording, unique among the keys already used. */
export function newKey(text: string, taken: Set<string>): string {
  const base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40) || 'item'
  let candidate = base
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`
  taken.add(candidate)
  return candidate
}

/**
 * The next version's content. Keys of rows the form did not come from (a
 * forged key) are refused by the caller; `known` are every key any earlier
 * version used, so that a new criterion never takes a retired one's key.
 */
export function toRubricContent(form: RubricForm, known: Set<string>): RubricContent {
  const taken = new Set(known)
  const criteria = form.criteria
    .filter((c): c is CriterionRow & { name: string } => !c.retire && !!c.name)
    .map((c) => ({
      key: c.key ?? newKey(c.name, taken),
      name: c.name,
      description: c.description ?? '',
      questions: c.questions ?? [],
      principles: c.principles ?? [],
    }))
  const privacyItems = form.privacyItems
    .filter((p): p is PrivacyRow & { question: string } => !p.retire && !!p.question)
    .map((p) => ({ key: p.key ?? newKey(p.question, taken), question: p.question, guidance: p.guidance ?? '', required: p.required ?? false, ...(p.problem ? { problem: p.problem } : {}) }))
  return {
    bands: { medium: form.medium, high: form.high, veryHigh: form.veryHigh },
    disagreementBands: form.disagreementBands,
    criteria,
    privacyItems,
  }
}

/** The current version as the editor's default values, with one blank row each for a new criterion and item. */
export function rubricFormDefaults(version: number, content: RubricContent) {
  return {
    version,
    ...content.bands,
    disagreementBands: content.disagreementBands,
    criteria: [
      ...content.criteria.map((c) => ({ ...c, questions: c.questions.join('\n'), principles: c.principles.join('\n'), retire: false })),
      { name: '', description: '', questions: '', principles: '' },
    ],
    privacyItems: [...content.privacyItems.map((p) => ({ ...p, retire: false })), { question: '', guidance: '', problem: '', required: false }],
  }
}
