import { deleteUnusedAccountTokens } from '#db/account-tokens.server'
import { type Database } from '#db/client.server'
import { setUserActive } from '#db/users.server'
import { kickDelivery } from '~/utils/mail.server'
import { sendInvitationLink, type InvitationSettings } from './invite-person.server'

type Person = { id: string; name: string; email: string; passwordHash: string | null }

/** Only someone who has not yet set a password has an invitation to resend or revoke. */
export function hasPendingInvitation(person: Pick<Person, 'passwordHash'>) {
  return person.passwordHash === null
}

/** A new link replaces the old ones, which stop working; a revoked person is active again. */
export async function resendInvitation(
  db: Database,
  organisation: { id: string; name: string },
  person: Person,
  settings: InvitationSettings,
) {
  if (!hasPendingInvitation(person)) return false
  await db.transaction(async (tx) => {
    await deleteUnusedAccountTokens(tx, person.id, 'invitation')
    await setUserActive(tx, organisation.id, person.id, true)
    await sendInvitationLink(tx, organisation, person, settings)
  })
  if (settings.mail.smtp) kickDelivery()
  return true
}

/** The link stops working and the account is deactivated; "Resend" invites them again. */
export async function revokeInvitation(db: Database, organisationId: string, person: Person) {
  if (!hasPendingInvitation(person)) return false
  await db.transaction(async (tx) => {
    await deleteUnusedAccountTokens(tx, person.id, 'invitation')
    await setUserActive(tx, organisationId, person.id, false)
  })
  return true
}
