import { type Database } from '#db/client.server'
import { insertIncident } from '#db/monitoring.server'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { refuse, type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'

export type IncidentValues = {
  occurredOn: string
  occurredTime?: string
  location: string
  description: string
  rolesInvolved: string[]
  actionTaken: string
}

export function incidentEvent(user: Person) {
  return { type: 'incident.record' as const, actor: actorFor(user) }
}

export function canRecordIncident(snapshot: ProposalSnapshot, user: Person) {
  return can(snapshot, incidentEvent(user))
}

/**
 * An incident linked to the partnership, recorded at any stage under the
 * recorder's name. It counts toward any indicator measured by incidents.
 */
export async function recordIncident(
  db: Database,
  input: { user: Person; proposalId: string; values: IncidentValues; today: string; now?: Date },
): Promise<{ ok: true; incidentId: string } | Refusal> {
  const { user, values } = input
  const now = input.now ?? new Date()
  if (values.occurredOn > input.today) return refuse(400, 'An incident cannot be dated in the future.', 'occurredOn')
  const proposal = await loadProposal(db, user.organisationId, input.proposalId)
  if (!proposal) return refuse(404, 'Proposal not found')
  if (!canRecordIncident(proposal.snapshot, user)) return refuse(403, 'Incidents are recorded by staff and the chief librarian.')
  let incidentId = ''
  const result = await applyEvent(db, {
    organisationId: user.organisationId,
    proposalId: input.proposalId,
    event: incidentEvent(user),
    // The timeline names the day and place only; the report itself is on the monitoring page.
    audit: { kind: 'incident.recorded', occurredOn: values.occurredOn, location: values.location },
    now,
    effect: async (tx) => {
      const row = await insertIncident(tx, {
        proposalId: input.proposalId,
        occurredOn: values.occurredOn,
        occurredTime: values.occurredTime ?? null,
        location: values.location,
        description: values.description,
        rolesInvolved: values.rolesInvolved,
        actionTaken: values.actionTaken,
        recordedBy: user.id,
        recordedAt: now,
      })
      incidentId = row.id
    },
  })
  return result.ok ? { ok: true, incidentId } : result
}
