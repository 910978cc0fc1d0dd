import { createCookie, type Cookie } from '@remix-run/node'
import * as client from 'openid-client'
import { type Queryable } from '#db/client.server'
import { type SigningIntent, type SsoConfig } from '#db/schema'
import { insertSsoFlow } from '#db/sso.server'
import { type AppContext } from '../app-context.server'
import { sha256 } from '../secrets.server'
import { callbackUrl, oidcConfiguration } from './client.server'

/** How long a person has at the identity provider before the round trip must start again. */
export const FLOW_MINUTES = 10

const cookies = new Map<string, Cookie>()
/**
 * Binds a round trip to the browser that started it: the callback is refused
 * unless this browser's cookie carries the same `state`, so nobody can sign a
 * victim into the attacker's account with a callback link of their own.
 * SameSite=Lax suffices: the provider sends the browser back with a top-level GET.
 */
export function flowCookie(context: Pick<AppContext, 'config' | 'secret'>): Cookie {
  const key = `${context.config.publicUrl} ${context.secret}`
  let cookie = cookies.get(key)
  if (!cookie) {
    cookie = createCookie('probity_sso', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/auth/sso',
      maxAge: FLOW_MINUTES * 60,
      secure: context.config.publicUrl.startsWith('https:'),
      secrets: [context.secret],
    })
    cookies.set(key, cookie)
  }
  return cookie
}

export type Begin =
  | { purpose: 'sign_in'; redirectTo: string; loginHint?: string }
  | { purpose: 'step_up'; userId: string; loginHint: string; intent: SigningIntent; redirectTo: string }

/**
 * Sends the person to their service's identity provider: authorisation code
 * with PKCE (S256), `state` and `nonce`, all kept server-side with the step-up's
 * pending signing. A step-up asks for a fresh sign-in (prompt=login, max_age=0),
 * which the callback checks through auth_time.
 */
export async function beginSso(
  db: Queryable,
  context: Pick<AppContext, 'config' | 'secret'>,
  sso: SsoConfig,
  begin: Begin,
  now = new Date(),
): Promise<{ location: string; cookie: string }> {
  const configuration = await oidcConfiguration(sso, { secret: context.secret, publicUrl: context.config.publicUrl })
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  await insertSsoFlow(
    db,
    {
      id: sha256(state),
      organisationId: sso.organisationId,
      purpose: begin.purpose,
      codeVerifier,
      nonce,
      userId: begin.purpose === 'step_up' ? begin.userId : null,
      intent: begin.purpose === 'step_up' ? begin.intent : null,
      redirectTo: begin.redirectTo,
      expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
    },
    now,
  )
  const parameters: Record<string, string> = {
    redirect_uri: callbackUrl(context.config.publicUrl),
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }
  if (begin.loginHint) parameters.login_hint = begin.loginHint
  if (begin.purpose === 'step_up') {
    parameters.prompt = 'login'
    parameters.max_age = '0'
  }
  const location = client.buildAuthorizationUrl(configuration, parameters).href
  return { location, cookie: await flowCookie(context).serialize(state) }
}
