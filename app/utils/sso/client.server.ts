import * as client from 'openid-client'
import { type SsoConfig } from '#db/schema'
import { open } from '../secret-box.server'

/** The purpose the client secret is sealed under (see secret-box.server.ts). */
export const CLIENT_SECRET_PURPOSE = 'sso-client-secret'

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/

/**
 * Plain-http identity providers are accepted only when both the provider and
 * Probity itself are on this machine's loopback address (development and the
 * test suite). A Probity served to anyone else (an https PUBLIC_URL) talks to
 * its identity provider over TLS only.
 */
export function httpIssuerAllowed(issuer: string, publicUrl: string): boolean {
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(publicUrl)
  return local && LOOPBACK_HTTP.test(issuer)
}

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl}/auth/sso/callback`
}

export class SsoUnavailableError extends Error {}

type Key = string
const cache = new Map<Key, { configuration: Promise<client.Configuration>; until: number }>()
const DISCOVERY_TTL_MS = 60 * 60 * 1000

/**
 * The openid-client configuration for a service's identity provider, from its
 * discovery document (kept an hour, and renewed when the settings change).
 * Signatures are checked against the provider's published keys
 * (enableNonRepudiationChecks): openid-client 6 otherwise relies on TLS alone.
 */
export async function oidcConfiguration(
  sso: Pick<SsoConfig, 'organisationId' | 'issuer' | 'clientId' | 'clientSecretSealed' | 'updatedAt'>,
  context: { secret: string; publicUrl: string },
  now = Date.now(),
): Promise<client.Configuration> {
  const key = [sso.organisationId, sso.issuer, sso.clientId, sso.updatedAt.toISOString()].join(' ')
  const hit = cache.get(key)
  if (hit && hit.until > now) return hit.configuration
  const configuration = discover(sso, context)
  cache.set(key, { configuration, until: now + DISCOVERY_TTL_MS })
  // A failed discovery is not kept: the next attempt asks again.
  configuration.catch(() => cache.delete(key))
  return configuration
}

async function discover(
  sso: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecretSealed'>,
  context: { secret: string; publicUrl: string },
): Promise<client.Configuration> {
  const insecure = sso.issuer.startsWith('http:')
  if (insecure && !httpIssuerAllowed(sso.issuer, context.publicUrl)) {
    throw new SsoUnavailableError('The issuer must be an https:// URL.')
  }
  const secret = sso.clientSecretSealed ? open(context.secret, CLIENT_SECRET_PURPOSE, sso.clientSecretSealed) : undefined
  try {
    const configuration = await client.discovery(
      new URL(sso.issuer),
      sso.clientId,
      secret ? { client_secret: secret } : undefined,
      secret ? client.ClientSecretPost(secret) : client.None(),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    )
    client.enableNonRepudiationChecks(configuration)
    return configuration
  } catch (error) {
    throw new SsoUnavailableError(`The identity provider at ${sso.issuer} could not be discovered: ${(error as Error).message}`, { cause: error })
  }
}
