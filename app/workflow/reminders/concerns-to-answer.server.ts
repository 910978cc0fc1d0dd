import { type Database } from '#db/client.server'
import { concernsAwaitingAnswer } from '#db/reminders.server'
import { serviceDate } from '~/utils/calendar'
import { type MailSettings } from '~/utils/mail.server'
import { tellWhoMayAct } from '~/workflow/waiting/tell-who-may-act.server'

/**
 * Tells whoever the machine lets answer staff concerns that some await them.
 * Only concerns seen before today count (raised, or for an anonymous one
 * released, on an earlier day), so the telling says no more about when an
 * anonymous concern came than its stored day and its batch do; a later
 * day's concerns make a new telling, answering one does not.
 */
export async function remindConcernsToAnswer(db: Database, input: { organisationId: string; today: string; mail: MailSettings }) {
  const byProposal = new Map<string, { ids: Set<string>; through: string }>()
  for (const c of await concernsAwaitingAnswer(db, input.organisationId, input.today)) {
    const seenOn = c.releasedAt ? serviceDate(c.releasedAt) : c.raisedOn
    if (seenOn >= input.today) continue
    const seen = byProposal.get(c.proposalId) ?? { ids: new Set<string>(), through: seenOn }
    seen.ids.add(c.id)
    if (seenOn > seen.through) seen.through = seenOn
    byProposal.set(c.proposalId, seen)
  }
  let sent = 0
  for (const [proposalId, { ids, through }] of byProposal) {
    const told = await tellWhoMayAct(db, {
      organisationId: input.organisationId,
      proposalId,
      actions: ['answer_concern'],
      period: `through-${through}`,
      mail: input.mail,
      only: (c) => c.event.type === 'concern.respond' && ids.has(c.event.concernId),
    })
    if (told) sent++
  }
  return sent
}
