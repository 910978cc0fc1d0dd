import { findSsoConfig, findSsoConfigForDomain } from '#db/sso.server'
import { findUserByEmail } from '#db/users.server'
import { appContext } from './app-context.server'
import { startSession } from './auth.server'
import { fixedT } from './i18n'
import { localeFor } from './i18n.server'
import { decoyHash, verifyPassword } from './password.server'
import { clearAccountFailures, isThrottled, recordFailure, throttleKeys, THROTTLE_WINDOW_MINUTES } from './throttle.server'

type SignInResult =
  | { ok: true; cookie: string }
  | { ok: false; status: 401 | 403 | 429; message: string }


export async function signIn(
  request: Request,
  credentials: { email: string; password: string },
  clientAddress: string,
): Promise<SignInResult> {
  const { database, secret } = await appContext()
  const db = database.db
  // Signed out: the visitor's cookie, else English; no database read.
  const t = fixedT(await localeFor(request, undefined), 'auth')
  const keys = throttleKeys(secret, credentials.email, clientAddress)
  if (await isThrottled(db, keys)) {
    return {
      ok: false,
      status: 429,
      message: t('signIn.throttled', { minutes: THROTTLE_WINDOW_MINUTES }),
    }
  }
  const user = await findUserByEmail(db, credentials.email)
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password)
  if (!user || !valid || !user.active) {
    await recordFailure(db, keys)
    // Said by the address's domain alone, whether or not the account exists: the sign-on form tells as much.
    const sso = await findSsoConfigForDomain(db, credentials.email.split('@').pop() ?? '')
    if (sso?.config.passwordsOff) return { ok: false, status: 401, message: t('signIn.ssoOnly', { service: sso.organisation.name, provider: sso.config.providerName }) }
    return { ok: false, status: 401, message: t('signIn.wrong') }
  }
  await clearAccountFailures(db, keys)
  // Administrators keep their passwords, so that a broken identity provider never locks a service out.
  const sso = user.roles.includes('admin') ? undefined : await findSsoConfig(db, user.organisationId)
  if (sso?.enabled && sso.passwordsOff) {
    return { ok: false, status: 403, message: t('signIn.ssoOnlyYours', { provider: sso.providerName }) }
  }
  return { ok: true, cookie: await startSession(request, user.id) }
}
