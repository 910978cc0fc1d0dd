import { type Database } from '#db/client.server'
import { decisionsAwaitingSignature } from '#db/reminders.server'
import { listUsersWithRole } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { decisionActions } from '~/workflow/decision/decision.server'
import { remindOnce } from './remind.server'

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Reminds those whom the machine would let sign a recorded decision now that
 * it awaits their signature: once a week while it waits.
 */
export async function remindSignaturesAwaited(db: Database, input: { organisationId: string; now: Date; mail: MailSettings }) {
  const waiting = await decisionsAwaitingSignature(db, input.organisationId)
  if (waiting.length === 0) return 0
  const candidates = new Map(
    [
      ...(await listUsersWithRole(db, input.organisationId, 'chief_librarian')),
      ...(await listUsersWithRole(db, input.organisationId, 'signatory')),
    ].map((p) => [p.id, p]),
  )
  let sent = 0
  for (const decision of waiting) {
    const loaded = await loadProposal(db, input.organisationId, decision.proposalId)
    if (!loaded) continue
    const snapshot = loaded.snapshot
    const people = [...candidates.values()].filter(
      (p) => decisionActions(snapshot, { id: p.id, roles: p.roles, organisationId: input.organisationId }).canSign,
    )
    const week = Math.floor((input.now.getTime() - decision.recordedAt.getTime()) / WEEK_MS)
    const reminded = await remindOnce(
      db,
      {
        organisationId: input.organisationId,
        kind: 'decision.signature-awaited',
        subjectId: decision.decisionId,
        // The people who may sign change with each signature, so they count in the period.
        period: `week-${week}:${people.map((p) => p.id).sort().join(',')}`,
        people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, preferredLanguage: p.preferredLanguage })),
        wording: (t) => ({ title: t('signaturesAwaited.title', { title: decision.title }), body: t('signaturesAwaited.body') }),
        link: `/proposals/${decision.proposalId}/decision`,
      },
      input.mail,
    )
    if (reminded) sent++
  }
  return sent
}
