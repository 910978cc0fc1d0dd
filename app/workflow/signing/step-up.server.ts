import { type Database } from '#db/client.server'
import { findUserInOrganisation } from '#db/users.server'
import { type SigningConfig } from '~/signing/certificates.server'
import { type MailSettings } from '~/utils/mail.server'
import { verifyPassword } from '~/utils/password.server'
import { type Person } from '~/workflow/person'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { clearAccountFailures, isThrottled, recordFailure, throttleKeys, THROTTLE_WINDOW_MINUTES } from '~/utils/throttle.server'

/**
 * A fresh sign-in at the identity provider, for people who sign in with
 * single sign-on: made only by the callback once the provider's ID token has
 * been checked (signature, issuer, audience, nonce, and auth_time within
 * max_age=0), never from anything the browser sends.
 */
export type Reauthenticated = { provider: string; at: Date }

export type StepUpInput = {
  organisationId: string
  userId: string
  /** Either the password, re-entered, or a fresh sign-in at the identity provider. */
  password?: string
  reauthenticated?: Reauthenticated
  /** Keys the throttle as sign-in does: a wrong password here counts against the account there too, and the other way round. */
  secret: string
  clientAddress: string
  now?: Date
  /** The language refusals are worded in (the page's); English by default. */
  locale?: Locale
}

/** What signing a decision or a reassessment outcome needs, from the signatory's request. */
export type SignInput = {
  user: Person
  proposalId: string
  password?: string
  reauthenticated?: Reauthenticated
  signing: SigningConfig
  /** Keys the throttle, as sign-in does; a wrong password here counts against the account there too. */
  secret: string
  clientAddress: string
  /** How the next signatory is told, when this signature is not the last. */
  mail: MailSettings
  expectedVersion?: number
  now?: Date
  /** The language refusals are worded in (the page's); English by default. */
  locale?: Locale
}

export type StepUpResult =
  | { ok: true; account: NonNullable<Awaited<ReturnType<typeof findUserInOrganisation>>> }
  | { ok: false; status: 403 | 400 | 429; message: string; field?: 'password' }

/**
 * The password re-entered to sign a decision or a reassessment outcome.
 * Guesses are throttled like sign-in, so a signing form cannot be used to
 * try passwords faster than the sign-in page allows.
 */
export async function checkStepUpPassword(db: Database, input: StepUpInput): Promise<StepUpResult> {
  const now = input.now ?? new Date()
  const t = fixedT(input.locale ?? DEFAULT_LOCALE, 'decision')
  const account = await findUserInOrganisation(db, input.organisationId, input.userId)
  if (!account?.active) return { ok: false, status: 403, message: t('signing.accountCannotSign') }
  if (input.reauthenticated) return { ok: true, account }
  if (!input.password) return { ok: false, status: 400, message: t('signing.passwordRequired'), field: 'password' }
  const keys = throttleKeys(input.secret, account.email, input.clientAddress)
  if (await isThrottled(db, keys, now)) {
    return { ok: false, status: 429, message: t('signing.throttled', { count: THROTTLE_WINDOW_MINUTES }), field: 'password' }
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordFailure(db, keys, now)
    return { ok: false, status: 400, message: t('signing.wrongPassword'), field: 'password' }
  }
  await clearAccountFailures(db, keys)
  return { ok: true, account }
}

/** How the signatory proved it was them, as the audit trail records it. */
export function stepUpDetail(input: Pick<StepUpInput, 'reauthenticated'>) {
  return input.reauthenticated ? ({ method: 'sso', provider: input.reauthenticated.provider } as const) : ({ method: 'password' } as const)
}
