import { z } from 'zod'
import { OUTCOMES, type Condition, type Outcome, CONDITION_SOURCES } from '#machines/vocabulary/decision'
import { plainText } from '~/utils/plain-text'
import { vm } from '~/utils/validation-message'
import { MonitoringPlanSchema } from '#machines/vocabulary/monitoring-plan'

/**
 * The decision form and the signing form: one zod schema each, shared by the
 * browser (Conform) and the server. The decision schema is built from the
 * blocking issues screening found, since approving despite one needs an
 * override for it.
 */

export const LIMITS = {
  rationale: 10_000,
  condition: 2000,
  conditions: 50,
  dissent: 5000,
  dissents: 30,
  override: 5000,
  password: 1000,
} as const

export const OUTCOME_CHOICES: Record<Outcome, string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  reject: 'Reject',
  return_for_revision: 'Return for revision (back to draft, to be screened again)',
}

export function isApproval(outcome: unknown): outcome is 'approve' | 'approve_with_conditions' {
  return outcome === 'approve' || outcome === 'approve_with_conditions'
}

/** A required "no" on a privacy item, as screening found it. */
export type BlockingIssue = { key: string; issue: string }

const text = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .pipe(plainText(max))
    .refine((v) => v.length > 0, missing)

const version = z.number({ error: vm('decision.reload') }).int().positive()

const DecisionFields = z.object({
  intent: z.literal('record'),
  version,
  outcome: z.enum(OUTCOMES, { error: vm('decision.outcomeRequired') }),
  rationale: text(vm('decision.rationaleRequired'), LIMITS.rationale),
  conditions: z
    .array(
      z.object({
        text: text(vm('decision.conditionRequired'), LIMITS.condition),
        source: z.enum(CONDITION_SOURCES).default('decision'),
      }),
    )
    .max(LIMITS.conditions, vm('decision.tooManyConditions', { max: LIMITS.conditions }))
    .default([]),
  overrides: z
    .array(z.object({ key: z.string().max(100), rationale: plainText(LIMITS.override).optional() }))
    .max(100)
    .default([]),
  dissent: z
    .array(text(vm('decision.viewRequired'), LIMITS.dissent))
    .max(LIMITS.dissents, vm('decision.tooManyViews', { max: LIMITS.dissents }))
    .default([]),
  monitoring: MonitoringPlanSchema.optional(),
})

export type DecisionValues = z.infer<typeof DecisionFields>

const CrossFieldInputs = DecisionFields.pick({ outcome: true, conditions: true, overrides: true })

/**
 * What is wrong with a decision beyond its fields, as [path, message] pairs:
 * conditions must match the outcome, every blocking issue needs an override
 * to approve, and an approval needs its monitoring plan.
 */
export function decisionProblems(
  v: Pick<DecisionValues, 'outcome' | 'conditions' | 'overrides' | 'monitoring'>,
  blockingIssues: BlockingIssue[],
): [path: (string | number)[], message: string][] {
  const problems: [(string | number)[], string][] = []
  if (v.outcome === 'approve_with_conditions' && v.conditions.length === 0) {
    problems.push([['conditions'], vm('decision.conditionsMissing')])
  }
  if (v.outcome === 'approve' && v.conditions.length > 0) {
    problems.push([['conditions'], vm('decision.conditionsNotWanted')])
  }
  if (isApproval(v.outcome)) {
    blockingIssues.forEach((b, index) => {
      const override = v.overrides.find((o) => o.key === b.key)
      if (!override?.rationale) {
        problems.push([['overrides', index, 'rationale'], vm('decision.overrideRequired')])
      }
    })
    if (!v.monitoring) problems.push([['monitoring', 'intervalMonths'], vm('decision.monitoringRequired')])
  }
  return problems
}

export function decisionSchema(blockingIssues: BlockingIssue[]) {
  // The monitoring plan belongs to approvals alone: for any other outcome its
  // fields are dropped before they are checked, so a half-filled plan is no error.
  return z
    .preprocess(
      (value) =>
        value && typeof value === 'object' && !isApproval((value as { outcome?: unknown }).outcome)
          ? { ...value, monitoring: undefined }
          : value,
      DecisionFields,
    )
    .superRefine(
      (v, ctx) => {
        for (const [path, message] of decisionProblems(v, blockingIssues)) ctx.addIssue({ code: 'custom', path, message })
      },
      // Shown together with any other field's error, not only once the rest is right.
      { when: (payload) => CrossFieldInputs.safeParse(payload.value).success },
    )
}

/** The conditions a decision keeps: only an approval with conditions has any. */
export function conditionsFor(outcome: Outcome, conditions: Condition[]): Condition[] {
  return outcome === 'approve_with_conditions' ? conditions : []
}

export const SignSchema = z.object({
  intent: z.literal('sign'),
  version,
  password: z
    .string({ error: vm('decision.passwordRequired') })
    .min(1, vm('decision.passwordRequired'))
    .max(LIMITS.password, vm('decision.passwordTooLong')),
})

/** Signing for someone who signed in with single sign-on: they sign in again at their identity provider instead. */
export const SignWithSsoSchema = z.object({ intent: z.literal('sign'), version })
