import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { sessions } from '#db/schema'
import { loader as homeLoader } from '~/routes/_index'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { setAppContext } from '~/utils/app-context.server'
import { parseConfig } from '~/utils/config.server'
import {
  createOrganisation,
  createUser,
  makeRequest,
  sessionCookieFor,
  statusOf,
  TEST_PASSWORD,
} from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// The session cookie as a browser receives it from a Probity served over
// HTTPS, as production must be. Rotation at sign-in and the server-side end
// of a session at sign-out are tested in auth.test.ts, other sessions ended by
// a password change in account-password.test.ts; this file covers the
// cookie's attributes, how Secure is decided, and what the server keeps.

const TTL_HOURS = 6
const app = setupTestApp({
  PUBLIC_URL: 'https://probity.example.org',
  SESSION_TTL_HOURS: String(TTL_HOURS),
})

async function person() {
  const { db } = app().database
  const org = await createOrganisation(db)
  return { db, user: await createUser(db, org.id, ['staff']) }
}

/** The Set-Cookie header of a successful sign-in. */
async function signIn(email: string, clientAddress: string): Promise<string> {
  const request = makeRequest('/login', { form: { email, password: TEST_PASSWORD } })
  const thrown = await loginAction({ request, context: { clientAddress }, params: {} }).catch(
    (r: unknown) => r,
  )
  expect(thrown).toBeInstanceOf(Response)
  expect((thrown as Response).status).toBe(302)
  return (thrown as Response).headers.get('Set-Cookie') ?? ''
}

/** A Set-Cookie header's attributes, by lower-case name (flags map to true). */
function attributes(setCookie: string): Record<string, string | true> {
  const [, ...parts] = setCookie.split(';').map((p) => p.trim())
  return Object.fromEntries(
    parts.map((p) => {
      const [name, ...value] = p.split('=')
      return [name!.toLowerCase(), value.length ? value.join('=') : true]
    }),
  )
}

/** The token a Set-Cookie header carries (Remix encodes it as base64 JSON). */
function tokenIn(header: string): string {
  const value = /probity_session=([^;]*)/.exec(header)?.[1] ?? ''
  return JSON.parse(Buffer.from(decodeURIComponent(value), 'base64').toString('utf8')) as string
}

const cookieHeader = (setCookie: string) => setCookie.split(';')[0]!

describe(`the session cookie over HTTPS (${databaseKind()})`, () => {
  it('is HttpOnly, Secure, SameSite=Lax, for the whole site, host-only, and lasts the configured hours', async () => {
    const { user } = await person()
    const setCookie = await signIn(user.email, '198.51.100.30')
    expect(attributes(setCookie)).toEqual({
      'max-age': String(TTL_HOURS * 3600),
      path: '/',
      httponly: true,
      secure: true,
      samesite: 'Lax',
    })
    // No Domain attribute: the cookie goes back to this host only, never its subdomains.
    expect(setCookie).not.toMatch(/domain=/i)
  })

  it('is cleared at sign-out with the same Path and Secure, so the browser really drops it', async () => {
    const { user } = await person()
    const cookie = cookieHeader(await signIn(user.email, '198.51.100.31'))
    const response = (await logoutAction({
      request: makeRequest('/logout', { cookie, form: {} }),
      context: {},
      params: {},
    }).catch((r: unknown) => r)) as Response
    const cleared = response.headers.get('Set-Cookie') ?? ''
    expect(cleared).toMatch(/^probity_session=;/)
    expect(attributes(cleared)).toMatchObject({
      'max-age': '0',
      path: '/',
      secure: true,
      httponly: true,
    })
  })

  it('keeps only a hash of the token on the server, so a copy of the database signs no one in', async () => {
    const { db, user } = await person()
    const token = tokenIn(await signIn(user.email, '198.51.100.32'))
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    // The stored id, sent as if it were a token, is refused.
    const forged = `probity_session=${encodeURIComponent(Buffer.from(JSON.stringify(rows[0]!.id)).toString('base64'))}`
    expect(
      await statusOf(() =>
        homeLoader({ request: makeRequest('/', { cookie: forged }), context: {}, params: {} }),
      ),
    ).toBe(302)
  })

  it('ends on the server when it expires, whatever the browser still sends', async () => {
    const { db, user } = await person()
    const cookie = await sessionCookieFor(db, user.id)
    const home = () =>
      statusOf(() => homeLoader({ request: makeRequest('/', { cookie }), context: {}, params: {} }))
    expect(await home()).toBe(200)
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id))
    expect(await home()).toBe(302)
  })
})

describe('how Secure is decided', () => {
  it('by the public address: Secure over https://, not over http:// (where a browser would refuse to send it back)', async () => {
    const { user } = await person()
    const https = app()
    try {
      // A module instance of its own: the cookie's options are settled once per process.
      setAppContext({
        ...https,
        config: parseConfig({
          NODE_ENV: 'test',
          DATA_DIR: https.config.dataDir,
          PUBLIC_URL: 'http://localhost:3000',
        }),
      })
      vi.resetModules()
      const { startSession } = await import('~/utils/auth.server')
      const setCookie = await startSession(makeRequest('/login'), user.id)
      expect(attributes(setCookie)).toMatchObject({ httponly: true, samesite: 'Lax', path: '/' })
      expect(attributes(setCookie)).not.toHaveProperty('secure')
    } finally {
      setAppContext(https)
    }
  })

  it('production refuses to start on a plain http:// address other than this machine, so its cookies are always Secure', () => {
    const production = (PUBLIC_URL: string) => () =>
      parseConfig({ NODE_ENV: 'production', DATA_DIR: app().config.dataDir, PUBLIC_URL })
    expect(production('http://probity.example.org')).toThrow(
      /must be an https:\/\/ URL in production/,
    )
    expect(production('https://probity.example.org')()).toMatchObject({
      publicUrl: 'https://probity.example.org',
    })
  })
})
