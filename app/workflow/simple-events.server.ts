import { type Locale } from '~/utils/i18n'
import { type Database } from '#db/client.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { type Person } from '~/workflow/person'
import { finishScreening } from '~/workflow/screening/screening.server'
import { type SimpleEventType } from './simple-events'

/** What the timeline says each simple event did. */
const AUDIT = {
  'monitoring.start': { kind: 'monitoring.started' },
  'contract.end': { kind: 'contract.ended' },
  'proposal.withdraw': { kind: 'proposal.withdrawn' },
} as const

export function simpleEvent(type: SimpleEventType, actor: ProposalEvent['actor'], reason = ''): ProposalEvent {
  return type === 'proposal.withdraw' ? { type, reason, actor } : ({ type, actor } as ProposalEvent)
}

/**
 * An event offered on the overview. One with a use case of its own goes
 * through it, so that it has one door whichever page it is sent from.
 */
export function applySimpleEvent(
  db: Database,
  input: { user: Person; proposalId: string; type: SimpleEventType; reason?: string; expectedVersion: number; locale?: Locale },
) {
  const actor = actorFor(input.user)
  const target = { actor, organisationId: input.user.organisationId, proposalId: input.proposalId, expectedVersion: input.expectedVersion, locale: input.locale }
  if (input.type === 'screening.complete') return finishScreening(db, target)
  return applyEvent(db, {
    ...target,
    event: simpleEvent(input.type, actor, input.reason),
    audit: AUDIT[input.type],
  })
}
