import { z } from 'zod'
import { PRIVACY_ANSWERS, type RubricContent } from '#db/schema'
import { plainText } from '~/utils/plain-text'
import { vm } from '~/utils/validation-message'
import { bandFor, riskScore } from '#machines/vocabulary/risk'

/**
 * The reviewer's forms, shared by the browser (Conform) and the actions. The
 * scoring form is built from the rubric version the proposal is screened with.
 */

export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const

export const PRIVACY_ANSWER_LABELS = { yes: 'Yes', no: 'No', not_applicable: 'Not applicable' } as const

export const MAX_RATIONALE = 4000
export const MAX_EVIDENCE = 2000

const rating = z.number({ error: vm('review.rating') }).int().min(1, vm('review.rating')).max(5, vm('review.rating'))

const scoreFields = z.object({
  likelihood: rating.optional(),
  impact: rating.optional(),
  rationale: plainText(MAX_RATIONALE).optional(),
  mitigations: plainText(MAX_RATIONALE).optional(),
  residualLikelihood: rating.optional(),
  residualImpact: rating.optional(),
})

const privacyFields = z.object({
  answer: z.enum(PRIVACY_ANSWERS, { error: vm('review.privacyAnswer') }).optional(),
  evidence: plainText(MAX_EVIDENCE).optional(),
})

export type ScoreDraft = z.infer<typeof scoreFields>
export type PrivacyDraft = z.infer<typeof privacyFields>

type Rubric = Pick<RubricContent, 'criteria' | 'privacyItems' | 'bands'>

/** Bands from `high` up need a written rationale. */
export function needsRationale(likelihood: number, impact: number, bands: RubricContent['bands']) {
  const band = bandFor(riskScore(likelihood, impact), bands)
  return band === 'high' || band === 'very_high'
}

type Issue = { path: (string | number)[]; message: string }

/** What stops a review from being submitted; empty when it is complete. */
export function reviewIssues(
  rubric: Rubric,
  scores: Record<string, ScoreDraft | undefined>,
  privacy: Record<string, PrivacyDraft | undefined>,
): Issue[] {
  const issues: Issue[] = []
  for (const c of rubric.criteria) {
    const s = scores[c.key] ?? {}
    const at = (field: string) => ['scores', c.key, field]
    if (!s.likelihood) issues.push({ path: at('likelihood'), message: vm('review.likelihood') })
    if (!s.impact) issues.push({ path: at('impact'), message: vm('review.impact') })
    if (!s.residualLikelihood) issues.push({ path: at('residualLikelihood'), message: vm('review.residualLikelihood') })
    if (!s.residualImpact) issues.push({ path: at('residualImpact'), message: vm('review.residualImpact') })
    if (s.likelihood && s.impact && needsRationale(s.likelihood, s.impact, rubric.bands) && !s.rationale) {
      issues.push({ path: at('rationale'), message: vm('review.rationale') })
    }
    if (s.likelihood && s.residualLikelihood && s.residualLikelihood > s.likelihood) {
      issues.push({ path: at('residualLikelihood'), message: vm('review.moreLikely') })
    }
    if (s.impact && s.residualImpact && s.residualImpact > s.impact) {
      issues.push({ path: at('residualImpact'), message: vm('review.worseImpact') })
    }
  }
  for (const item of rubric.privacyItems) {
    const a = privacy[item.key] ?? {}
    if (!a.answer) issues.push({ path: ['privacy', item.key, 'answer'], message: vm('review.privacyAnswer') })
    if (a.answer === 'no' && !a.evidence) {
      issues.push({ path: ['privacy', item.key, 'evidence'], message: vm('review.missingEvidence') })
    }
  }
  return issues
}

export function reviewFormSchema(rubric: Rubric) {
  return z
    .object({
      intent: z.enum(['save', 'submit']),
      /** Whose review the page showed: the action refuses a review posted for anyone else. */
      reviewerId: z.uuid(vm('review.unexpectedForm')),
      scores: z.object(Object.fromEntries(rubric.criteria.map((c) => [c.key, scoreFields.optional()]))).optional(),
      privacy: z.object(Object.fromEntries(rubric.privacyItems.map((i) => [i.key, privacyFields.optional()]))).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.intent !== 'submit') return
      for (const issue of reviewIssues(rubric, v.scores ?? {}, v.privacy ?? {})) ctx.addIssue({ code: 'custom', ...issue })
    })
}

export type ReviewForm = z.infer<ReturnType<typeof reviewFormSchema>>

export const DeclarationSchema = z
  .object({
    conflict: z.enum(['no', 'yes'], { error: vm('review.conflictRequired') }),
    reason: plainText(2000).optional(),
  })
  .refine((v) => v.conflict === 'no' || !!v.reason, { path: ['reason'], message: vm('review.conflictReason') })
