import { type Database } from '#db/client.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { type Person } from '~/workflow/person'
import { finishScreening } from '~/workflow/screening/screening.server'
import { SIMPLE_EVENTS, type SimpleEventType } from './simple-events'

export function simpleEvent(type: SimpleEventType, actor: ProposalEvent['actor'], reason = ''): ProposalEvent {
  return type === 'proposal.withdraw' ? { type, reason, actor } : ({ type, actor } as ProposalEvent)
}

/**
 * An event offered on the overview. One with a use case of its own goes
 * through it, so that it has one door whichever page it is sent from.
 */
export function applySimpleEvent(
  db: Database,
  input: { user: Person; proposalId: string; type: SimpleEventType; reason?: string; expectedVersion: number },
) {
  const actor = actorFor(input.user)
  const target = { actor, organisationId: input.user.organisationId, proposalId: input.proposalId, expectedVersion: input.expectedVersion }
  if (input.type === 'screening.complete') return finishScreening(db, target)
  return applyEvent(db, {
    ...target,
    event: simpleEvent(input.type, actor, input.reason),
    summary: SIMPLE_EVENTS[input.type].label,
  })
}
