import { type Database } from '#db/client.server'
import { type Proposal, type RubricContent } from '#db/schema'
import { actorFor } from '~/workflow/actor.server'
import { loadProposal, type Applied } from '~/workflow/apply-event.server'
import { type Refusal } from '~/workflow/refusal'
import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { type PrivacyResponse } from '~/workflow/screening/aggregate'
import { submitForScreening } from '~/workflow/intake/intake.server'
import { visaIntake } from './visa-case.server'
import { OUTBOX_ONLY_MAIL } from './consultation.server'
import { declareInterest, finishScreening, recordReview, rubricFor } from '~/workflow/screening/screening.server'

/**
 * Scenarios that take a proposal through intake and screening with real data,
 * through the same use cases the pages call, for the demo seed and later
 * stages' tests.
 */

type Person = { id: string; roles: string[]; organisationId: string; name?: string }
const actor = (p: Person) => actorFor({ id: p.id, roles: p.roles as never, organisationId: p.organisationId })

export function ok(result: Applied | Refusal): Applied {
  if (!result.ok) throw new Error(`Refusal (${result.status}): ${result.message}`)
  return result
}

/** Fills in the intake and submits the proposal into screening with these reviewers. */
export async function submitProposal(
  db: Database,
  {
    proposal,
    proposer,
    reviewers,
    values,
    now,
  }: { proposal: Proposal; proposer: Person; reviewers: Person[]; values?: IntakeValues; now?: Date },
) {
  const loaded = (await loadProposal(db, proposal.organisationId, proposal.id))!
  return ok(
    await submitForScreening(db, {
      actor: actor(proposer),
      organisationId: proposal.organisationId,
      proposalId: proposal.id,
      values: values ?? visaIntake(reviewers.map((r) => r.id)),
      expectedVersion: loaded.row.version,
      minReviewers: loaded.snapshot.context.minReviewers,
      now,
      mail: OUTBOX_ONLY_MAIL,
    }),
  )
}

const HOUR = 3_600_000

/** `hours` after `now`, or undefined (the real clock) when no `now` was given: history told in order. */
export function later(now: Date | undefined, hours: number): Date | undefined {
  return now ? new Date(now.getTime() + hours * HOUR) : undefined
}

export type Rating = [likelihood: number, impact: number, residualLikelihood: number, residualImpact: number]

/** A complete review giving every criterion the same rating, with a "no" on the given privacy items. */
export function uniformReview(rubric: RubricContent, [l, i, rl, ri]: Rating, noOn: string[] = []) {
  return {
    scores: Object.fromEntries(
      rubric.criteria.map((c) => [
        c.key,
        { likelihood: l, impact: i, rationale: `Rationale for ${c.name}`, mitigations: 'Clear signage', residualLikelihood: rl, residualImpact: ri },
      ]),
    ),
    privacy: Object.fromEntries(
      rubric.privacyItems.map((p): [string, PrivacyResponse] =>
        noOn.includes(p.key) ? [p.key, { answer: 'no', evidence: 'Not in the contract' }] : [p.key, { answer: 'yes', evidence: '' }],
      ),
    ),
  }
}

/** Each reviewer declares no conflict and submits a review (by default the same moderate one). */
export async function reviewAll(
  db: Database,
  { proposal, reviewers, ratings, now }: { proposal: Proposal; reviewers: Person[]; ratings?: Rating[]; now?: Date },
) {
  const loaded = (await loadProposal(db, proposal.organisationId, proposal.id))!
  const rubric = (await rubricFor(db, proposal, loaded.snapshot.context.revisions)).content
  for (const [n, reviewer] of reviewers.entries()) {
    const target = { actor: actor(reviewer), organisationId: proposal.organisationId, proposalId: proposal.id }
    // Each reviewer a few hours after the last: their own afternoon.
    ok(await declareInterest(db, { ...target, conflict: false, now: later(now, 3 * n + 1) }))
    ok(await recordReview(db, { ...target, ...uniformReview(rubric, ratings?.[n] ?? [3, 3, 2, 2]), submit: true, now: later(now, 3 * n + 2) }))
  }
}

/**
 * Takes a draft proposal through the whole of screening into consultation:
 * submission, declarations, reviews and completion. Returns the proposal row.
 */
export async function completeScreening(
  db: Database,
  args: { proposal: Proposal; proposer: Person; reviewers: Person[]; ratings?: Rating[]; values?: IntakeValues; now?: Date },
): Promise<Proposal> {
  await submitProposal(db, args)
  await reviewAll(db, args)
  const target = { actor: actor(args.proposer), organisationId: args.proposal.organisationId, proposalId: args.proposal.id }
  return ok(await finishScreening(db, { ...target, now: later(args.now, 24) })).proposal
}
