import * as client from 'openid-client'
import { type Queryable } from '#db/client.server'
import { type SsoConfig, type SsoFlow } from '#db/schema'
import { findSsoConfig, takeSsoFlow } from '#db/sso.server'
import { type AppContext } from '../app-context.server'
import { sha256 } from '../secrets.server'
import { callbackUrl, oidcConfiguration, SsoUnavailableError } from './client.server'
import { flowCookie } from './begin.server'
import { type SsoProblem } from './problems'

/** Who the identity provider says signed in, after every check on its ID token passed. */
export type SsoIdentity = {
  subject: string
  email: string | undefined
  emailVerified: boolean
  name: string | undefined
  /** When they last typed their credentials at the provider (step-up checks it). */
  authTime: Date | undefined
}

export type Finished =
  | { ok: true; flow: SsoFlow; sso: SsoConfig; identity: SsoIdentity }
  | { ok: false; problem: SsoProblem; flow?: SsoFlow }

/**
 * The provider's answer, at /auth/sso/callback. The round trip is taken out
 * of the database first (single use), then openid-client exchanges the code
 * and checks the ID token: signature against the provider's keys, issuer,
 * audience, expiry, nonce, PKCE, and for a step-up auth_time within max_age 0.
 * Nothing here reads a token's claims before those checks pass.
 */
export async function finishSso(
  db: Queryable,
  context: Pick<AppContext, 'config' | 'secret'>,
  request: Request,
  now = new Date(),
): Promise<Finished> {
  // The address as the provider was told it, whatever proxy sits in front.
  const incoming = new URL(request.url)
  const current = new URL(callbackUrl(context.config.publicUrl))
  current.search = incoming.search
  const state = current.searchParams.get('state')
  const bound: unknown = await flowCookie(context).parse(request.headers.get('Cookie'))
  if (!state || bound !== state) return { ok: false, problem: 'expired' }
  const flow = await takeSsoFlow(db, sha256(state), now)
  if (!flow) return { ok: false, problem: 'expired' }
  if (current.searchParams.has('error')) return { ok: false, problem: 'cancelled', flow }
  const sso = await findSsoConfig(db, flow.organisationId)
  if (!sso?.enabled) return { ok: false, problem: 'unavailable', flow }

  try {
    const configuration = await oidcConfiguration(sso, { secret: context.secret, publicUrl: context.config.publicUrl })
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
      maxAge: flow.purpose === 'step_up' ? 0 : undefined,
    })
    const claims = tokens.claims()!
    let profile: Record<string, unknown> = claims
    // Some providers (oidc-provider by default) put e-mail only in userinfo; its subject must match the ID token's.
    if (typeof claims.email !== 'string') {
      profile = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims }
    }
    return { ok: true, flow, sso, identity: identityOf(profile, claims.auth_time) }
  } catch (error) {
    return { ok: false, problem: problemOf(error), flow }
  }
}

function identityOf(claims: Record<string, unknown>, authTime: number | undefined): SsoIdentity {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ')
  return {
    subject: String(claims.sub),
    email: text(claims.email)?.toLowerCase(),
    // Entra ID sends no email_verified; its xms_edov claim says the domain's owner verified the address.
    emailVerified: claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === '1',
    name: text(claims.name) ?? (given || undefined),
    authTime: authTime === undefined ? undefined : new Date(authTime * 1000),
  }
}

/** openid-client's refusal, reduced to the code the person is shown. */
export function problemOf(error: unknown): SsoProblem {
  if (error instanceof SsoUnavailableError) return 'unavailable'
  if (error instanceof client.AuthorizationResponseError) return 'cancelled'
  // The library wraps the check that failed (oauth4webapi's OperationProcessingError) as the cause.
  const failures: { code?: unknown; message?: unknown; cause?: unknown }[] = []
  for (let e: unknown = error; e && typeof e === 'object' && failures.length < 5; e = (e as { cause?: unknown }).cause) {
    failures.push(e as never)
  }
  const code = failures.map((f) => f.code).find((c) => typeof c === 'string' && c !== 'OAUTH_INVALID_RESPONSE' ) as string | undefined
  const claim = failures.map((f) => (f.cause as { claim?: unknown } | undefined)?.claim).find((c) => typeof c === 'string')
  const messages = failures.map((f) => String(f.message ?? '')).join(' | ')
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (claim === 'nonce') return 'nonce'
    if (claim === 'iss') return 'issuer'
    return 'audience'
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return claim === 'auth_time' ? 'stale' : 'token_expired'
  if (/signature verification failed/i.test(messages)) return 'signature'
  if (/"alg"/.test(messages)) return 'unsigned'
  if (/auth_time/.test(messages)) return 'stale'
  return 'unavailable'
}
