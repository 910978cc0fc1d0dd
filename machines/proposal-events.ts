import { z } from 'zod'

/**
 * Every event the proposal machine takes, as one zod discriminated union: the
 * transition service validates each event against it before the machine sees
 * it, and the audit trail records which of these types each entry is.
 */
const isoDateTime = z.iso.datetime({ offset: true })
const id = z.string().min(1).max(64)

export const EventActorSchema = z.object({
  id: z.uuid().nullable(),
  roles: z.array(z.enum(['admin', 'chief_librarian', 'reviewer', 'staff', 'signatory', 'system'])),
  organisationId: z.uuid(),
})

const reason = z.string().trim().min(1).max(2000)

export const ProposalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('proposal.update') }),
  z.object({ type: z.literal('reviewers.assign'), reviewerIds: z.array(z.uuid()).max(20) }),
  z.object({ type: z.literal('proposal.submit'), intakeComplete: z.boolean() }),
  z.object({ type: z.literal('proposal.withdraw'), reason }),
  z.object({ type: z.literal('review.declare'), conflict: z.boolean(), reason: z.string().max(2000).optional() }),
  z.object({ type: z.literal('review.save') }),
  z.object({ type: z.literal('review.submit') }),
  z.object({ type: z.literal('screening.complete') }),
  z.object({ type: z.literal('pb.request'), deadline: isoDateTime }),
  z.object({ type: z.literal('pb.respond'), recommendationIds: z.array(id).max(100) }),
  z.object({
    type: z.literal('pb.answer'),
    recommendationId: id,
    accepted: z.boolean(),
    rationale: z.string().max(5000).optional(),
  }),
  z.object({ type: z.literal('pb.closeWithoutResponse'), at: isoDateTime, note: reason }),
  z.object({ type: z.literal('pb.complete') }),
  z.object({ type: z.literal('staff.open'), closingDate: isoDateTime, at: isoDateTime }),
  z.object({ type: z.literal('concern.raise'), concernId: id, at: isoDateTime }),
  z.object({ type: z.literal('concern.endorse'), concernId: id }),
  /** A batch of held anonymous contributions: the concerns it brings, in random order. */
  z.object({ type: z.literal('concern.release'), concernIds: z.array(id).max(1000) }),
  z.object({ type: z.literal('concern.respond'), concernId: id }),
  z.object({ type: z.literal('concern.hide'), concernId: id, reason }),
  z.object({ type: z.literal('union.record') }),
  z.object({ type: z.literal('staff.complete'), at: isoDateTime }),
  z.object({
    type: z.literal('decision.record'),
    outcome: z.enum(['approve', 'approve_with_conditions', 'reject', 'return_for_revision']),
  }),
  z.object({ type: z.literal('decision.sign'), stepUpVerified: z.boolean() }),
  z.object({ type: z.literal('monitoring.start') }),
  z.object({ type: z.literal('monitoring.review'), breach: z.boolean() }),
  z.object({ type: z.literal('monitoring.escalate'), reason }),
  z.object({ type: z.literal('incident.record') }),
  z.object({
    type: z.literal('reassessment.record'),
    outcome: z.enum(['continue', 'add_conditions', 'suspend', 'terminate']),
  }),
  z.object({ type: z.literal('reassessment.sign'), stepUpVerified: z.boolean() }),
  z.object({ type: z.literal('suspension.record'), outcome: z.enum(['resume', 'terminate']) }),
  z.object({ type: z.literal('suspension.sign'), stepUpVerified: z.boolean() }),
  z.object({ type: z.literal('contract.end') }),
])

export type ProposalEventPayload = z.infer<typeof ProposalEventSchema>
export type EventActor = z.infer<typeof EventActorSchema>
export type ActorRole = EventActor['roles'][number]
export type ProposalEvent = ProposalEventPayload & { actor: EventActor }
export type ProposalEventType = ProposalEvent['type']
export type DecisionOutcome = Extract<ProposalEvent, { type: 'decision.record' }>['outcome']
export type ReassessmentOutcome = Extract<ProposalEvent, { type: 'reassessment.record' }>['outcome']
export type SuspensionOutcome = Extract<ProposalEvent, { type: 'suspension.record' }>['outcome']
