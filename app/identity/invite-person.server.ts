import { type Database } from '#db/client.server'
import { type Role } from '#machines/vocabulary/roles'
import { insertUserIfEmailFree } from '#db/users.server'
import { type Config } from '~/utils/config.server'
import { kickDelivery, mailSettings, type MailSettings } from '~/utils/mail.server'
import { type Reader, type ServiceOfMail } from '~/utils/mail-language.server'
import { issueAccountLink, queueAccountLinkEmail } from './account-links.server'

export type InvitationSettings = { mail: MailSettings; invitationTtlDays: number }

export function invitationSettings(config: Pick<Config, 'publicUrl' | 'SMTP_URL' | 'INVITATION_TTL_DAYS'>): InvitationSettings {
  return { mail: mailSettings(config), invitationTtlDays: config.INVITATION_TTL_DAYS }
}

export type Invitee = { name: string; email: string; roles: Role[] }

/**
 * Adds a person without a password and e-mails them a single-use link to set
 * their own: an administrator never types or sees anyone's password.
 * Undefined when the address already has an account.
 */
export async function invitePerson(
  db: Database,
  organisation: { id: string; name: string },
  invitee: Invitee,
  settings: InvitationSettings,
): Promise<{ userId: string } | undefined> {
  const created = await db.transaction(async (tx) => {
    const userId = await insertUserIfEmailFree(tx, {
      organisationId: organisation.id,
      ...invitee,
      passwordHash: null,
    })
    if (!userId) return undefined
    await sendInvitationLink(tx, organisation, { id: userId, ...invitee }, settings)
    return { userId }
  })
  if (created && settings.mail.smtp) kickDelivery()
  return created
}

/** One invitation link and its e-mail, in the caller's transaction. */
export async function sendInvitationLink(
  db: Parameters<typeof issueAccountLink>[0],
  organisation: ServiceOfMail,
  person: { id: string; name: string; email: string } & Reader,
  settings: InvitationSettings,
) {
  const link = await issueAccountLink(db, {
    userId: person.id,
    purpose: 'invitation',
    ttlMinutes: settings.invitationTtlDays * 24 * 60,
    publicUrl: settings.mail.publicUrl,
  })
  await queueAccountLinkEmail(db, {
    organisationId: organisation.id,
    organisationName: organisation.name,
    languages: organisation.settings?.languages,
    to: person,
    purpose: 'invitation',
    link,
    mail: settings.mail,
  })
  return link
}
