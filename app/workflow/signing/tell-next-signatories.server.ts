import { type Database } from '#db/client.server'
import { listUsersWithRole } from '#db/users.server'
import { can } from '#machines/proposal-workflow'
import { type MailSettings } from '~/utils/mail.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { remindOnce } from '~/workflow/reminders/remind.server'
import { candidateEvents, type WaitingAction } from '~/workflow/waiting/waiting-for-you.server'

const SIGNING: Partial<Record<WaitingAction, string>> = {
  sign_decision: 'decision',
  sign_reassessment: 'reassessment outcome',
  sign_suspension: 'suspension outcome',
}

/**
 * After a signature that did not settle the outcome, tells whoever the machine
 * would now let sign it, in the app and by e-mail: the same derivation as
 * their "Waiting for you" list. Once per signature (the proposal's version).
 */
export async function tellNextSignatories(db: Database, input: { organisationId: string; proposalId: string; mail: MailSettings }) {
  const loaded = await loadProposal(db, input.organisationId, input.proposalId)
  if (!loaded?.snapshot.context.pending) return false
  const { row, snapshot } = loaded
  const signing = candidateEvents({ id: row.id, nextReviewDueOn: null }, snapshot, '').filter((c) => c.action in SIGNING)
  const signers = new Map(
    [
      ...(await listUsersWithRole(db, input.organisationId, 'chief_librarian')),
      ...(await listUsersWithRole(db, input.organisationId, 'signatory')),
    ].map((p) => [p.id, p]),
  )
  for (const c of signing) {
    const people = [...signers.values()].filter((p) =>
      can(snapshot, { ...c.event, actor: { id: p.id, roles: p.roles, organisationId: input.organisationId } }),
    )
    if (people.length === 0) continue
    const what = SIGNING[c.action]!
    return remindOnce(
      db,
      {
        organisationId: input.organisationId,
        kind: 'signature.next',
        subjectId: row.id,
        period: `version-${row.version}`,
        people: people.map((p) => ({ id: p.id, name: p.name, email: p.email })),
        title: `The ${what} on ${row.title} awaits your signature`,
        body: `It has been signed once and needs yours to be settled. Read it and sign it with your password.`,
        link: c.link,
      },
      input.mail,
    )
  }
  return false
}
