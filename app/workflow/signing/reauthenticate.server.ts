import { type Database } from '#db/client.server'
import { type SigningIntent, type SsoFlow } from '#db/schema'
import { findSsoConfig } from '#db/sso.server'
import { findUserInOrganisation } from '#db/users.server'
import { type AppContext } from '~/utils/app-context.server'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { type SessionUser } from '~/utils/auth.server'
import { mailSettings } from '~/utils/mail.server'
import { beginSso } from '~/utils/sso/begin.server'
import { SsoUnavailableError } from '~/utils/sso/client.server'
import { type SsoIdentity } from '~/utils/sso/finish.server'
import { ssoProblemMessage, type SsoProblem } from '~/utils/sso/problems'
import { signDecision } from '~/workflow/decision/decision.server'
import { signOutcome } from '~/workflow/monitoring/reassessment.server'

/**
 * Signing for someone who signed in with single sign-on: instead of a
 * password, a fresh sign-in at their identity provider (prompt=login,
 * max_age=0). What they were signing is kept server-side with the round trip,
 * keyed by its state, and signed when the provider sends them back.
 * `locale`: the reader's language, for the words of a refusal (English by default).
 */
export async function beginReauthenticationToSign(
  db: Database,
  context: Pick<AppContext, 'config' | 'secret'>,
  user: SessionUser,
  intent: SigningIntent,
  returnTo: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ ok: true; location: string; cookie: string } | { ok: false; status: 409 | 503; message: string }> {
  const sso = await findSsoConfig(db, user.organisationId)
  if (!sso?.enabled) {
    return { ok: false, status: 409, message: fixedT(locale, 'decision')('signing.ssoOff') }
  }
  try {
    const started = await beginSso(db, context, sso, { purpose: 'step_up', userId: user.id, loginHint: user.email, intent, redirectTo: returnTo })
    return { ok: true, ...started }
  } catch (error) {
    if (error instanceof SsoUnavailableError) return { ok: false, status: 503, message: ssoProblemMessage('unavailable', locale)! }
    throw error
  }
}

export type Resumed = { ok: true; done: boolean } | { ok: false; problem: SsoProblem }

/** Signs what the signatory was signing, now that the provider has signed the same person in again. */
export async function signAfterReauthentication(
  db: Database,
  context: Pick<AppContext, 'config' | 'secret'>,
  input: { user: SessionUser | undefined; flow: SsoFlow; identity: SsoIdentity; provider: string; clientAddress: string },
): Promise<Resumed> {
  const { user, flow, identity } = input
  if (!user || user.id !== flow.userId || !flow.intent) return { ok: false, problem: 'wrong_person' }
  const account = await findUserInOrganisation(db, user.organisationId, user.id)
  if (!account || !identity.emailVerified || identity.email !== account.email.toLowerCase()) return { ok: false, problem: 'wrong_person' }
  // openid-client has already refused a sign-in older than max_age=0 allows; without auth_time there is no proof of a fresh one.
  if (!identity.authTime) return { ok: false, problem: 'stale' }
  const signing = {
    user,
    proposalId: flow.intent.proposalId,
    reauthenticated: { provider: input.provider, at: identity.authTime },
    signing: context.config,
    mail: mailSettings(context.config),
    secret: context.secret,
    clientAddress: input.clientAddress,
    expectedVersion: flow.intent.version,
  }
  const result = flow.intent.kind === 'decision' ? await signDecision(db, signing) : await signOutcome(db, signing)
  if (result.ok) return { ok: true, done: 'complete' in result ? result.complete : result.closed }
  return { ok: false, problem: result.status === 409 ? 'sign_changed' : result.status === 503 ? 'sign_unavailable' : 'sign_refused' }
}
