import { type Database } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { type SigningConfig } from '~/signing/certificates.server'
import { actorFor } from '~/workflow/actor.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { getConsultationRecord } from '~/workflow/consultation/record.server'
import { type Person } from '~/workflow/person'
import { recordDecision, signDecision, type DecisionInput } from '~/workflow/decision/decision.server'
import { blockingIssuesOf } from '~/workflow/decision/record-sections'
import { declareInterest, finishScreening, recordReview, rubricFor, getScreeningResult } from '~/workflow/screening/screening.server'
import { completeConsultation, must, OUTBOX_ONLY_MAIL, type ConsultationStory } from './consultation.server'
import { visaPlan } from './visa-case.server'
import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { later, ok, submitProposal, uniformReview, type Rating } from './screening.server'

/**
 * Scenarios for the decision stage: a proposal taken through real screening
 * and consultation to its decision, and a decision recorded and signed by
 * every signatory, for the demo seed and later stages' tests.
 */

export type DecisionCast = {
  chief: Person
  reviewers: Person[]
  /** At least two: see completeConsultation. */
  staff: Person[]
}

/**
 * From draft to the decision stage with real rows: the visa-services intake,
 * a review from each reviewer (each rating as given, and a "no" on the
 * privacy items in `blockingOn`, which makes them blocking issues), then the
 * whole consultation.
 */
export async function reachDecision(
  db: Database,
  args: DecisionCast & {
    proposal: Proposal
    secret: string
    ratings?: Rating[]
    blockingOn?: string[]
    /** When screening starts; without it, everything happens now. Consultation starts two days later. */
    now?: Date
    values?: IntakeValues
    story?: ConsultationStory
  },
) {
  const { proposal, chief, reviewers, now } = args
  await submitProposal(db, { proposal, proposer: chief, reviewers, values: args.values, now })
  const loaded = (await loadProposal(db, proposal.organisationId, proposal.id))!
  const rubric = (await rubricFor(db, proposal, loaded.snapshot.context.revisions)).content
  for (const [n, reviewer] of reviewers.entries()) {
    const target = { actor: actorFor(reviewer), organisationId: proposal.organisationId, proposalId: proposal.id }
    ok(await declareInterest(db, { ...target, conflict: false, now: later(now, 3 * n + 1) }))
    const review = uniformReview(rubric, args.ratings?.[n] ?? [3, 3, 2, 2], args.blockingOn ?? [])
    ok(await recordReview(db, { ...target, ...review, submit: true, now: later(now, 3 * n + 2) }))
  }
  ok(await finishScreening(db, { actor: actorFor(chief), organisationId: proposal.organisationId, proposalId: proposal.id, now: later(now, 24) }))
  return completeConsultation(db, { proposal, proposer: chief, staff: args.staff, secret: args.secret, now: later(now, 48), story: args.story })
}

export const OVERRIDE_RATIONALE = 'Signage and a leaflet will tell users before they book; checked before opening.'

/**
 * An approval with conditions as the chief librarian would record it: the
 * conditions consultation produced plus one of the decision's own, an
 * override for every blocking issue, and the visa-services monitoring plan.
 */
export async function visaApproval(db: Database, proposal: Proposal, startsOn: string): Promise<DecisionInput> {
  const [consultation, screening] = await Promise.all([
    getConsultationRecord(db, proposal.organisationId, proposal.id),
    getScreeningResult(db, proposal),
  ])
  const { intervalMonths, indicators } = visaPlan(startsOn)
  return {
    outcome: 'approve_with_conditions',
    rationale: 'The service meets a real local need; the conditions answer the concerns staff and CILIP raised.',
    conditions: [
      ...consultation.conditions,
      { text: 'Signage tells users the service is outside the library’s privacy protection.', source: 'decision' },
    ],
    overrides: (screening ? blockingIssuesOf(screening) : []).map((b) => ({ key: b.key, rationale: OVERRIDE_RATIONALE })),
    dissent: [],
    monitoring: { intervalMonths, startsOn, indicators },
  }
}

/**
 * Records the decision and has every signatory sign it (the chief librarian
 * first), which issues the signed record. Returns the record's id.
 */
export async function decideAndSign(
  db: Database,
  args: {
    proposal: Proposal
    chief: Person
    /** The second signatory, when the organisation requires one. */
    signatory?: Person
    values: DecisionInput
    signing: SigningConfig
    secret: string
    /** Every signer's password: signing steps up. */
    password: string
    /** When the decision is recorded; the chief signs an hour later, a second signatory the next day. Without it, now. */
    now?: Date
  },
) {
  must('decision.record', await recordDecision(db, { user: args.chief, proposalId: args.proposal.id, values: args.values, now: args.now }))
  let recordId: string | null = null
  for (const [n, signer] of [args.chief, ...(args.signatory ? [args.signatory] : [])].entries()) {
    const signed = must(
      'decision.sign',
      await signDecision(db, {
        user: signer,
        proposalId: args.proposal.id,
        password: args.password,
        signing: args.signing,
        secret: args.secret,
        mail: OUTBOX_ONLY_MAIL,
        clientAddress: '127.0.0.1',
        now: later(args.now, n === 0 ? 1 : 24),
      }),
    )
    recordId = signed.recordId
  }
  if (!recordId) throw new Error('The last signature issued no record')
  return recordId
}
