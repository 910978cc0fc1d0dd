import { eq } from 'drizzle-orm'
import { type Database } from '#db/client.server'
import { organisations } from '#db/schema'
import { insertUserIfEmailFree } from '#db/users.server'
import { kickDelivery } from '~/utils/mail.server'
import { type AccountLink } from './account-links.server'
import { createOrganisationWithFirstMember } from './create-library-service.server'
import { sendInvitationLink, type InvitationSettings } from './invite-person.server'

const HOSTING_NAME = 'Probity operators'

/**
 * An operator: a member of the one hosting organisation, made with it the
 * first time. They choose their password through the link.
 */
export async function createOperator(
  db: Database,
  person: { name: string; email: string },
  settings: InvitationSettings,
): Promise<{ ok: true; link: AccountLink } | { ok: false; reason: 'email-taken' }> {
  const hosting = await db.query.organisations.findFirst({ where: eq(organisations.kind, 'hosting') })
  if (!hosting) {
    const created = await createOrganisationWithFirstMember(
      db,
      { name: HOSTING_NAME, admin: person, kind: 'hosting' },
      settings,
    )
    return created.ok ? { ok: true, link: created.link! } : { ok: false, reason: 'email-taken' }
  }
  const link = await db.transaction(async (tx) => {
    const id = await insertUserIfEmailFree(tx, {
      organisationId: hosting.id,
      ...person,
      roles: [],
      passwordHash: null,
    })
    return id ? sendInvitationLink(tx, hosting, { id, ...person }, settings) : undefined
  })
  if (!link) return { ok: false, reason: 'email-taken' }
  if (settings.mail.smtp) kickDelivery()
  return { ok: true, link }
}
