import { describe, expect, it } from 'vitest'
import { findSessionUser } from '#db/sessions.server'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { loader as homeLoader } from '~/routes/_index'
import { setUserActive } from '#db/users.server'
import { sha256 } from '~/utils/secrets.server'
import { MAX_FAILURES_PER_ACCOUNT } from '~/utils/throttle.server'
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

const app = setupTestApp()

function signIn(email: string, password: string, clientAddress = '198.51.100.7', cookie?: string) {
  const request = makeRequest('/login', { form: { email, password }, cookie })
  return loginAction({ request, context: { clientAddress }, params: {} })
}

/** The session token a Cookie or Set-Cookie header carries (Remix encodes it as base64 JSON). */
function tokenIn(header: string): string {
  const value = /probity_session=([^;]*)/.exec(header)?.[1] ?? ''
  return JSON.parse(Buffer.from(decodeURIComponent(value), 'base64').toString('utf8')) as string
}

describe(`sign-in and sessions (${databaseKind()})`, () => {
  it('signs in with the right password and sets an httpOnly SameSite=Lax cookie', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    const thrown = await signIn(user.email, TEST_PASSWORD).catch((r: unknown) => r)
    expect(thrown).toBeInstanceOf(Response)
    const response = thrown as Response
    expect(response.status).toBe(302)
    const cookie = response.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/probity_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('refuses a wrong password without saying whether the account exists', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    const wrong = (await signIn(user.email, 'nope')) as {
      init: { status: number }
      data: { error: Record<string, string[]> }
    }
    const unknown = (await signIn('nobody@test.example', 'nope')) as typeof wrong
    expect(wrong.init.status).toBe(401)
    expect(unknown.init.status).toBe(401)
    expect(wrong.data.error).toEqual(unknown.data.error)
  })

  it('throttles an account after repeated wrong passwords, even with the right one', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await signIn(user.email, `wrong-${i}`, `203.0.113.${i}`)
    }
    const result = (await signIn(user.email, TEST_PASSWORD, '203.0.113.200')) as {
      init: { status: number }
      data: unknown
    }
    expect(result.init.status).toBe(429)
    expect(JSON.stringify(result.data)).toContain('Too many failed attempts')
  })

  it('throttles a client address that tries many accounts', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    for (let i = 0; i < 20; i++) await signIn(`guess-${i}@test.example`, 'x', '192.0.2.99')
    const result = (await signIn(user.email, TEST_PASSWORD, '192.0.2.99')) as {
      init: { status: number }
    }
    expect(result.init.status).toBe(429)
  })

  it('signs a deactivated user out at once', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    const cookie = await sessionCookieFor(db, user.id)
    const args = () => ({ request: makeRequest('/', { cookie }), context: {}, params: {} })
    expect(await statusOf(() => homeLoader(args()))).toBe(200)
    await setUserActive(db, org.id, user.id, false)
    const status = await homeLoader(args()).catch((r: Response) => r)
    expect((status as Response).status).toBe(302)
    expect((status as Response).headers.get('Location')).toMatch(/^\/login/)
  })

  it('starts a new session at sign-in and ends the one the browser brought', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    const planted = await sessionCookieFor(db, user.id)
    const response = (await signIn(user.email, TEST_PASSWORD, '198.51.100.8', planted).catch(
      (r: unknown) => r,
    )) as Response
    expect(response.status).toBe(302)
    const fresh = tokenIn(response.headers.get('Set-Cookie') ?? '')
    expect(fresh).not.toBe(tokenIn(planted))
    expect(await findSessionUser(db, sha256(fresh))).toBeDefined()
    expect(await findSessionUser(db, sha256(tokenIn(planted)))).toBeUndefined()
  })

  it('deletes the server session at sign-out and clears the cookie', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    const cookie = await sessionCookieFor(db, user.id)
    const request = makeRequest('/logout', { cookie, form: {} })
    const response = (await logoutAction({ request, context: {}, params: {} }).catch(
      (r: unknown) => r,
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Set-Cookie')).toMatch(
      /probity_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
    )
    expect(await findSessionUser(db, sha256(tokenIn(cookie)))).toBeUndefined()
    // Replaying the old cookie gets nowhere.
    const home = await homeLoader({
      request: makeRequest('/', { cookie }),
      context: {},
      params: {},
    }).catch((r: Response) => r)
    expect((home as Response).status).toBe(302)
  })
})
