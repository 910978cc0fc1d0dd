import crypto from 'node:crypto'
import { insertAccountToken } from '#db/account-tokens.server'
import { type Queryable } from '#db/client.server'
import { queueEmails } from '#db/notifications.server'
import { type AccountTokenPurpose, type ServiceLanguages } from '#db/schema'
import { type MailSettings } from '~/utils/mail.server'
import { composeMail, mailLocales, serviceLanguagesOf, type Reader } from '~/utils/mail-language.server'
import { sha256 } from '~/utils/secrets.server'

/** A password reset link lasts about an hour: long enough to read the e-mail, short enough to be stale if leaked. */
export const RESET_LINK_MINUTES = 60

export type AccountLink = { url: string; expiresAt: Date }

/**
 * A single-use link that lets the person set their password. The random
 * token goes into the link only; the database keeps its SHA-256.
 */
export async function issueAccountLink(
  db: Queryable,
  input: { userId: string; purpose: AccountTokenPurpose; ttlMinutes: number; publicUrl: string; now?: Date },
): Promise<AccountLink> {
  const token = crypto.randomBytes(32).toString('base64url')
  const expiresAt = new Date((input.now ?? new Date()).getTime() + input.ttlMinutes * 60_000)
  await insertAccountToken(db, {
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: sha256(token),
    expiresAt,
  })
  return { url: `${input.publicUrl}/set-password/${token}`, expiresAt }
}

export function hashOfLinkToken(token: string) {
  return sha256(token)
}

// The same digits and zone name in either language.
const when = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`

/**
 * The e-mail that carries a link, queued in the caller's transaction and sent
 * after it commits, in the person's language (docs/decisions/034-e-mail-in-the-recipient-language.md).
 */
export async function queueAccountLinkEmail(
  db: Queryable,
  input: {
    organisationId: string
    organisationName: string
    /** The service's languages, when the caller has them already. */
    languages?: ServiceLanguages
    to: { name: string; email: string } & Reader
    purpose: AccountTokenPurpose
    link: AccountLink
    mail: MailSettings
  },
) {
  const { to, link, organisationName: service } = input
  const languages = input.languages ?? (await serviceLanguagesOf(db, input.organisationId))
  const email = composeMail(mailLocales(languages, to), (t) =>
    input.purpose === 'invitation'
      ? {
          subject: t('invitation.subject', { service }),
          body: [
            t('hello', { name: to.name }),
            '',
            t('invitation.added', { service }),
            t('invitation.choose'),
            '',
            link.url,
            '',
            t('invitation.expires', { when: when(link.expiresAt) }),
            t('invitation.signInAs', { email: to.email }),
          ].join('\n'),
        }
      : {
          subject: t('reset.subject'),
          body: [
            t('hello', { name: to.name }),
            '',
            t('reset.asked'),
            '',
            link.url,
            '',
            t('reset.expires', { when: when(link.expiresAt) }),
            t('reset.ignore'),
          ].join('\n'),
        },
  )
  await queueEmails(
    db,
    [{ organisationId: input.organisationId, toAddress: to.email, ...email }],
    input.mail.smtp ? 'pending' : 'captured',
  )
}
