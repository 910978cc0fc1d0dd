import { type Database } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { type ProposalEvent } from '#machines/proposal-events'
import { type MailSettings } from '~/utils/mail.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { addDays, serviceDate } from '~/utils/calendar'
import {
  endorseConcern,
  raiseConcern,
  respondToConcern,
} from '~/workflow/consultation/concerns.server'
import {
  answerRecommendation,
  completeProfessionalBody,
  recordResponse,
  requestOpinion,
} from '~/workflow/consultation/professional-body.server'
import {
  completeStaffConsultation,
  openStaffConsultation,
  recordUnionResponse,
} from '~/workflow/consultation/staff.server'
import { type Person } from '~/workflow/person'
import { later } from './screening.server'
import { releaseHeldContributions } from '~/workflow/consultation/release-anonymous.server'

/**
 * Scenarios: take a proposal into consultation and through it with real rows,
 * through the same use cases the pages call. The demo seed and the tests of
 * later stages both use them, so they are production code.
 */

/** No SMTP: notifications stay in the outbox, as they do for the demo seed. */
export const OUTBOX_ONLY_MAIL: MailSettings = { publicUrl: 'http://localhost:3000', smtp: false }
const DAY = 86_400_000

async function apply(
  db: Database,
  proposal: Pick<Proposal, 'id' | 'organisationId'>,
  event: ProposalEvent,
  now?: Date,
) {
  const result = await applyEvent(db, {
    organisationId: proposal.organisationId,
    proposalId: proposal.id,
    event,
    now,
  })
  if (!result.ok) throw new Error(`${event.type} refused: ${result.message}`)
  return result
}

export function must<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} refused: ${(result as { message?: string }).message}`)
  return result as Extract<T, { ok: true }>
}

/**
 * Straight through screening by machine events alone (no scores): enough to
 * reach consultation without depending on the screening pages.
 */
export async function enterConsultation(
  db: Database,
  {
    proposal,
    proposer,
    reviewers,
    now,
  }: { proposal: Pick<Proposal, 'id' | 'organisationId'>; proposer: Person; reviewers: Person[]; now?: Date },
) {
  const P = actorFor(proposer)
  const at = (hours: number) => later(now, hours)
  await apply(db, proposal, { type: 'reviewers.assign', reviewerIds: reviewers.map((r) => r.id), actor: P }, at(0))
  await apply(db, proposal, { type: 'proposal.submit', intakeComplete: true, actor: P }, at(0))
  for (const r of reviewers)
    await apply(db, proposal, { type: 'review.declare', conflict: false, actor: actorFor(r) }, at(1))
  for (const r of reviewers)
    await apply(db, proposal, { type: 'review.submit', actor: actorFor(r) }, at(4))
  return apply(db, proposal, { type: 'screening.complete', actor: P }, at(24))
}

/** What staff and the union say in a consultation, and what the proposer answers: each case its own. */
export type ConsultationStory = {
  namedConcern: string
  anonymousConcern: string
  /** The answer to the named concern, and the condition it sets, if any. */
  namedResponse: string
  condition?: string
  anonymousResponse: string
  unionResponse: string
}

/** The visa-services case's consultation. */
export const VISA_CONSULTATION: ConsultationStory = {
  namedConcern: 'This sits badly with our promise of a welcome to everyone.',
  anonymousConcern: 'Some colleagues would not feel safe beside this service.',
  namedResponse: 'No Home Office branding in public areas.',
  condition: 'No Home Office branding in public areas.',
  anonymousResponse: 'Nobody will be asked to work in the booth.',
  unionResponse: 'Asks that no member be required to staff it.',
}

export type ConsultationScenario = {
  proposal: Pick<Proposal, 'id' | 'organisationId'>
  proposer: Person
  /** At least two: the first raises a named concern, the second an anonymous one and endorses the first. */
  staff: Person[]
  secret: string
  minDays?: number
  mail?: MailSettings
  now?: Date
  /** By default the visa-services case's. */
  story?: ConsultationStory
}

/**
 * Both regions from start to done: the professional body answers with two
 * recommendations (one accepted, one not), staff raise a named and an
 * anonymous concern, each is answered, the union responds, and the staff
 * consultation completes the day after it closes. Returns the anonymous receipt.
 */
export async function completeConsultation(db: Database, s: ConsultationScenario) {
  const now = s.now ?? new Date()
  const today = serviceDate(now)
  const story = s.story ?? VISA_CONSULTATION
  const base = { user: s.proposer, proposalId: s.proposal.id, now }
  must(
    'pb.request',
    await requestOpinion(db, {
      ...base,
      sentOn: today,
      contact: 'CILIP Policy team',
      shared: 'The proposal and draft contract',
      deadline: addDays(today, 21),
    }),
  )
  const responded = must(
    'pb.respond',
    await recordResponse(db, {
      ...base,
      receivedOn: today,
      summary: 'CILIP asks for open consultation with staff and for monitoring.',
      mail: s.mail ?? OUTBOX_ONLY_MAIL,
      recommendations: [
        'Consult affected staff openly before launch.',
        'Wait for national guidance before signing.',
      ],
    }),
  )
  // The context lists recommendation ids in the order they were recorded.
  const [consult, wait] = Object.keys(responded.snapshot.context.professionalBody.recommendations)
  must(
    'pb.answer',
    await answerRecommendation(db, { ...base, recommendationId: consult!, accepted: true }),
  )
  must(
    'pb.answer',
    await answerRecommendation(db, {
      ...base,
      recommendationId: wait!,
      accepted: false,
      rationale: 'No date is set for that guidance.',
    }),
  )
  must('pb.complete', await completeProfessionalBody(db, base))

  const closesOn = addDays(today, s.minDays ?? 14)
  must(
    'staff.open',
    await openStaffConsultation(db, {
      ...base,
      closesOn,
      summary: 'Tell us what worries you about this partnership.',
      mail: s.mail ?? OUTBOX_ONLY_MAIL,
    }),
  )
  const [first, second] = s.staff
  const named = must(
    'concern.raise',
    await raiseConcern(db, {
      user: first!,
      proposalId: s.proposal.id,
      now,
      secret: s.secret,
      category: 'ethics',
      text: story.namedConcern,
      anonymous: false,
    }),
  )
  const anonymous = must(
    'concern.raise',
    await raiseConcern(db, {
      user: second!,
      proposalId: s.proposal.id,
      now,
      secret: s.secret,
      category: 'safety',
      text: story.anonymousConcern,
      anonymous: true,
    }),
  )
  must(
    'concern.endorse',
    await endorseConcern(db, {
      user: second!,
      proposalId: s.proposal.id,
      now,
      secret: s.secret,
      concernId: named.concernId,
      anonymous: false,
    }),
  )
  // The anonymous concern is held until its batch's release: here, the consultation's closing (ADR 023);
  // everything after it in this story is dated then.
  const after = new Date(now.getTime() + ((s.minDays ?? 14) + 1) * DAY)
  await releaseHeldContributions(db, { organisationId: s.proposal.organisationId, proposalId: s.proposal.id, occasion: 'closing', now: after })
  must(
    'concern.respond',
    await respondToConcern(db, {
      ...base,
      now: after,
      concernId: named.concernId,
      response: story.namedResponse,
      condition: story.condition,
    }),
  )
  must(
    'concern.respond',
    await respondToConcern(db, {
      ...base,
      now: after,
      concernId: anonymous.concernId,
      response: story.anonymousResponse,
    }),
  )
  must(
    'union.record',
    await recordUnionResponse(db, {
      ...base,
      // Recorded with the answers, after the closing, so the history runs forward.
      now: after,
      unionName: 'UNISON',
      consultedOn: today,
      response: story.unionResponse,
    }),
  )
  must('staff.complete', await completeStaffConsultation(db, { ...base, now: after }))
  return {
    receipt: anonymous.receipt!,
    namedConcernId: named.concernId,
    anonymousConcernId: anonymous.concernId,
  }
}
