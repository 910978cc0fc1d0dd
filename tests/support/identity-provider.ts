import crypto from 'node:crypto'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 and a free port, with
 * test people and a small sign-in page of its own, for tests that go through
 * single sign-on end to end: discovery, the provider's real sign-in pages,
 * authorisation code with PKCE, ID tokens signed with a key that stays the
 * same for the provider's whole life (Probity caches the provider's keys).
 *
 * The issuer is known as soon as it listens; the client (whose redirect URI
 * names the Probity server, which may start later) is registered afterwards.
 */

export type IdpPerson = { sub: string; email: string; name: string; password: string; emailVerified?: boolean }
export type IdpClient = { clientId: string; clientSecret: string; redirectUri: string }

export type IdentityProvider = {
  issuer: string
  register: (client: IdpClient) => void
  /** Sign-ins the provider completed, newest last, with the auth_time it vouched for. */
  signIns: { email: string; at: Date }[]
  stop: () => Promise<void>
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(title: string, body: string) {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="icon" href="data:,">
<style>*{box-sizing:border-box}body{font-family:sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#111}label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.5rem;font-size:1rem}button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem;background:#1d4ed8;color:#fff;border:0}p.error{color:#b91c1c}</style>
</head><body><main>${body}</main></body></html>`
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of req) body += String(chunk)
  return new URLSearchParams(body)
}

export async function startIdentityProvider(people: IdpPerson[], name = 'Test IdP'): Promise<IdentityProvider> {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-idp-1', alg: 'RS256', use: 'sig' }
  const signIns: IdentityProvider['signIns'] = []
  let provider: Provider | undefined

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!provider) {
        res.writeHead(503).end('No client registered yet')
        return
      }
      const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '')
      if (!match) return provider.callback()(req, res)
      const details = await provider.interactionDetails(req, res)
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : ''
      const form = (error?: string, email = hint) =>
        page(
          `Sign in – ${name}`,
          `<h1>Sign in to ${escape(name)}</h1>${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${details.uid}/login">
<label for="email">Account e-mail</label><input id="email" name="email" type="email" autocomplete="username" value="${escape(email)}" required>
<label for="password">Account password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button></form>`,
        )
      if (req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(form())
        return
      }
      const fields = await readForm(req)
      const person = people.find((p) => p.email === fields.get('email'))
      if (!person || person.password !== fields.get('password')) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(form('That account or password is not right.', fields.get('email') ?? ''))
        return
      }
      const at = new Date()
      signIns.push({ email: person.email, at })
      await provider.interactionFinished(req, res, { login: { accountId: person.sub, ts: Math.floor(at.getTime() / 1000) } }, { mergeWithLastSubmission: false })
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const register = (client: IdpClient) => {
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [jwk as never] },
      cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      // E-mail in the ID token itself, as Entra ID and Google put it.
      conformIdTokenClaims: false,
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const person = people.find((p) => p.sub === sub)
        if (!person) return undefined
        return {
          accountId: sub,
          claims: () => ({ sub, email: person.email, email_verified: person.emailVerified ?? true, name: person.name }),
        }
      },
      // A first-party provider: consent to the requested scopes is implied.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { client: oidcClient, session } = ctx.oidc
        if (!oidcClient || !session?.accountId) return undefined
        const existing = session.grantIdFor(oidcClient.clientId)
        if (existing) {
          const found = await ctx.oidc.provider.Grant.find(existing)
          if (found) return found
        }
        const grant = new ctx.oidc.provider.Grant({ clientId: oidcClient.clientId, accountId: session.accountId })
        grant.addOIDCScope('openid email profile')
        await grant.save()
        session.grantIdFor(oidcClient.clientId, grant.jti)
        return grant
      },
    })
  }

  return {
    issuer,
    register,
    signIns,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
