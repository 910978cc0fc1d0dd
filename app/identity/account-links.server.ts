import crypto from 'node:crypto'
import { insertAccountToken } from '#db/account-tokens.server'
import { type Queryable } from '#db/client.server'
import { queueEmails } from '#db/notifications.server'
import { type AccountTokenPurpose } from '#db/schema'
import { type MailSettings } from '~/utils/mail.server'
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

const when = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`

/** The e-mail that carries a link, queued in the caller's transaction and sent after it commits. */
export async function queueAccountLinkEmail(
  db: Queryable,
  input: {
    organisationId: string
    organisationName: string
    to: { name: string; email: string }
    purpose: AccountTokenPurpose
    link: AccountLink
    mail: MailSettings
  },
) {
  const { to, link, organisationName } = input
  const [subject, body] =
    input.purpose === 'invitation'
      ? [
          `You are invited to Probity at ${organisationName}`,
          [
            `Hello ${to.name},`,
            '',
            `${organisationName} has added you to Probity, where the library service decides on commercial partnerships in the open.`,
            'Choose your password with this link (it works once):',
            '',
            link.url,
            '',
            `The link expires at ${when(link.expiresAt)}. If it has expired, ask your administrator to send a new one.`,
            `You will sign in with this e-mail address: ${to.email}`,
          ].join('\n'),
        ]
      : [
          'Reset your Probity password',
          [
            `Hello ${to.name},`,
            '',
            'Someone (we hope you) asked to reset your Probity password. Choose a new one with this link (it works once):',
            '',
            link.url,
            '',
            `The link expires at ${when(link.expiresAt)}. Setting a new password signs you out everywhere else.`,
            'If you did not ask for this, ignore this e-mail: your password stays as it is.',
          ].join('\n'),
        ]
  await queueEmails(
    db,
    [{ organisationId: input.organisationId, toAddress: to.email, subject, body }],
    input.mail.smtp ? 'pending' : 'captured',
  )
}
