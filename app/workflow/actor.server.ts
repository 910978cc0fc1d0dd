import { type EventActor } from '#machines/proposal-events'
import { type SessionUser } from '~/utils/auth.server'

export function actorFor(user: Pick<SessionUser, 'id' | 'roles' | 'organisationId'>): EventActor {
  return { id: user.id, roles: user.roles, organisationId: user.organisationId }
}

/** A staff contribution that must not be traceable to its author: no id at all. */
export function anonymousStaffActor(user: Pick<SessionUser, 'organisationId'>): EventActor {
  return { id: null, roles: ['staff'], organisationId: user.organisationId }
}

export function systemActor(organisationId: string): EventActor {
  return { id: null, roles: ['system'], organisationId }
}
