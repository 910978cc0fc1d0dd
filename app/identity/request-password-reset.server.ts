import { type Database } from '#db/client.server'
import { findOrganisation, findUserByEmail } from '#db/users.server'
import { kickDelivery, type MailSettings } from '~/utils/mail.server'
import { type Reader, type ServiceOfMail } from '~/utils/mail-language.server'
import { isThrottled, recordFailure, throttleKeys } from '~/utils/throttle.server'
import { issueAccountLink, queueAccountLinkEmail, RESET_LINK_MINUTES } from './account-links.server'

type ResetContext = { db: Database; secret: string; mail: MailSettings }

/**
 * The answer, as a key of the 'auth' catalogue: `forgot.requested` is the one
 * answer to every request, whether or not the address has an account.
 */
export type ResetAnswer = { ok: true; message: 'forgot.requested' } | { ok: false; message: 'forgot.throttled' }

let pending = new Set<Promise<void>>()

/**
 * Someone asks for a reset link on the sign-in page. The request is counted
 * (and throttled) by address and by e-mail alike; the look-up and the e-mail
 * happen after the answer, so neither its content nor its timing tells
 * whether the address has an account.
 */
export async function requestPasswordReset(
  context: ResetContext,
  email: string,
  clientAddress: string,
): Promise<ResetAnswer> {
  const keys = throttleKeys(context.secret, email, clientAddress, 'password-reset')
  if (await isThrottled(context.db, keys)) return { ok: false, message: 'forgot.throttled' }
  await recordFailure(context.db, keys)
  const work = sendResetLinkIfKnown(context, email)
    .catch((error: unknown) =>
      console.error(`A password reset link could not be queued: ${error instanceof Error ? error.message : String(error)}`),
    )
    .finally(() => pending.delete(work))
  pending.add(work)
  return { ok: true, message: 'forgot.requested' }
}

async function sendResetLinkIfKnown(context: ResetContext, email: string) {
  const user = await findUserByEmail(context.db, email)
  // Not for people invited but not yet set up: their invitation is the way in.
  if (!user || !user.active || user.passwordHash === null) return
  const organisation = await findOrganisation(context.db, user.organisationId)
  if (!organisation?.active) return
  await sendPasswordResetLink(context.db, organisation, user, context.mail)
}

/** A reset link e-mailed to the person: on their request, or sent by their administrator. */
export async function sendPasswordResetLink(
  db: Database,
  organisation: ServiceOfMail,
  person: { id: string; name: string; email: string } & Reader,
  mail: MailSettings,
) {
  await db.transaction(async (tx) => {
    const link = await issueAccountLink(tx, {
      userId: person.id,
      purpose: 'password_reset',
      ttlMinutes: RESET_LINK_MINUTES,
      publicUrl: mail.publicUrl,
    })
    await queueAccountLinkEmail(tx, {
      organisationId: organisation.id,
      organisationName: organisation.name,
      languages: organisation.settings?.languages,
      to: person,
      purpose: 'password_reset',
      link,
      mail,
    })
  })
  if (mail.smtp) kickDelivery()
}

/** Resolves once every reset request answered so far has queued its e-mail (or found nobody). */
export async function passwordResetsIdle() {
  while (pending.size > 0) await Promise.all([...pending])
  pending = new Set()
}
