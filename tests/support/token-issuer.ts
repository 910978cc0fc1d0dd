import crypto from 'node:crypto'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import * as jose from 'jose'

/**
 * A tiny OpenID issuer on 127.0.0.1, built with jose, that answers the real
 * protocol (discovery, JWKS, authorisation with PKCE, token) and signs
 * whatever ID token the test asks for next: the wrong audience, an expired
 * one, a wrong nonce, a signature from a key it does not publish, or none at
 * all. Probity's openid-client meets these over HTTP as it would meet a
 * misbehaving or hostile provider, so the refusals tested are its own.
 */

export type Forgery = 'none' | 'wrong-audience' | 'expired' | 'wrong-nonce' | 'bad-signature' | 'unsigned'
export type NextToken = { forgery?: Forgery; email?: string; emailVerified?: boolean; name?: string }

export type TokenIssuer = {
  issuer: string
  clientId: string
  clientSecret: string
  /** What the next token the issuer hands out looks like. */
  next: (token: NextToken) => void
  stop: () => Promise<void>
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const clientId = 'probity-test'
  const clientSecret = crypto.randomBytes(16).toString('hex')
  const kid = 'issuer-key-1'
  const key = await jose.generateKeyPair('RS256', { extractable: true })
  const impostor = await jose.generateKeyPair('RS256')
  const publicJwk = { ...(await jose.exportJWK(key.publicKey)), kid, alg: 'RS256', use: 'sig' }
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string; token: NextToken }>()
  let upcoming: NextToken = {}

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer)
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post'],
          authorization_response_iss_parameter_supported: true,
        })
      }
      if (url.pathname === '/jwks') return json(200, { keys: [publicJwk] })
      if (url.pathname === '/authorize') {
        const q = url.searchParams
        if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
          return json(400, { error: 'invalid_request' })
        }
        const code = crypto.randomBytes(16).toString('base64url')
        codes.set(code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, token: upcoming })
        upcoming = {}
        const back = new URL(q.get('redirect_uri')!)
        back.search = new URLSearchParams({ code, state: q.get('state') ?? '', iss: issuer }).toString()
        return res.writeHead(302, { Location: back.href }).end()
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        let body = ''
        for await (const chunk of req) body += String(chunk)
        const form = new URLSearchParams(body)
        const grant = codes.get(form.get('code') ?? '')
        codes.delete(form.get('code') ?? '')
        const verifier = form.get('code_verifier') ?? ''
        const challenge = crypto.createHash('sha256').update(verifier).digest('base64url')
        if (!grant || grant.challenge !== challenge || form.get('client_secret') !== clientSecret || form.get('redirect_uri') !== grant.redirectUri) {
          return json(400, { error: 'invalid_grant' })
        }
        return json(200, { access_token: crypto.randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: await idToken(grant.nonce, grant.token) })
      }
      res.writeHead(404).end()
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    })
  })

  async function idToken(nonce: string, token: NextToken): Promise<string> {
    const now = Math.floor(Date.now() / 1000)
    const forgery = token.forgery ?? 'none'
    const claims = {
      iss: issuer,
      sub: `sub-${token.email ?? 'someone'}`,
      aud: forgery === 'wrong-audience' ? 'another-application' : clientId,
      iat: forgery === 'expired' ? now - 7200 : now,
      exp: forgery === 'expired' ? now - 3600 : now + 300,
      auth_time: forgery === 'expired' ? now - 7200 : now,
      nonce: forgery === 'wrong-nonce' ? 'a-nonce-from-another-sign-in' : nonce,
      email: token.email ?? 'someone@test.example',
      email_verified: token.emailVerified ?? true,
      name: token.name ?? 'Someone Tested',
    }
    if (forgery === 'unsigned') return new jose.UnsecuredJWT(claims).encode()
    const signer = forgery === 'bad-signature' ? impostor.privateKey : key.privateKey
    return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(signer)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    issuer,
    clientId,
    clientSecret,
    next: (token) => (upcoming = token),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
