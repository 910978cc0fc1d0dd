import { type Database } from '#db/client.server'
import { findSsoConfigForDomain, findSsoConfigForSlug } from '#db/sso.server'
import { type AppContext } from '../app-context.server'
import { beginSso } from './begin.server'
import { SsoUnavailableError } from './client.server'
import { DEFAULT_LOCALE, fixedT, type Locale } from '../i18n'
import { emailDomain } from './sign-in-with-sso.server'

export type SsoStart = { ok: true; location: string; cookie: string } | { ok: false; status: 400 | 503; message: string; field?: 'email' }

/** "Sign in with single sign-on": the service is the one named, or the one the e-mail's domain belongs to. */
export async function startSsoSignIn(
  db: Database,
  context: Pick<AppContext, 'config' | 'secret'>,
  choice: { email?: string; service?: string; redirectTo: string },
  locale: Locale = DEFAULT_LOCALE,
): Promise<SsoStart> {
  const t = fixedT(locale, 'auth')
  const found = choice.service
    ? await findSsoConfigForSlug(db, choice.service)
    : choice.email
      ? await findSsoConfigForDomain(db, emailDomain(choice.email))
      : undefined
  if (!found) {
    return choice.email
      ? { ok: false, status: 400, field: 'email', message: t('signIn.noSsoForDomain', { domain: emailDomain(choice.email) }) }
      : { ok: false, status: 400, field: 'email', message: t('signIn.ssoEmailRequired') }
  }
  try {
    const started = await beginSso(db, context, found.config, { purpose: 'sign_in', redirectTo: choice.redirectTo, loginHint: choice.email })
    return { ok: true, ...started }
  } catch (error) {
    if (error instanceof SsoUnavailableError) return { ok: false, status: 503, message: t('ssoProblem.unavailable') }
    throw error
  }
}
