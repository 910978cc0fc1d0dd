import { describe, expect, it } from 'vitest'
import { action as loginAction } from '~/routes/login'
import { loader as homeLoader } from '~/routes/_index'
import { setUserActive } from '#db/users.server'
import { MAX_FAILURES_PER_ACCOUNT } from '~/utils/throttle.server'
import { createOrganisation, createUser, makeRequest, sessionCookieFor, statusOf, TEST_PASSWORD } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

function signIn(email: string, password: string, clientAddress = '198.51.100.7') {
  const request = makeRequest('/login', { form: { email, password } })
  return loginAction({ request, context: { clientAddress }, params: {} })
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
    const wrong = (await signIn(user.email, 'nope')) as { init: { status: number }; data: { error: Record<string, string[]> } }
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
    const result = (await signIn(user.email, TEST_PASSWORD, '203.0.113.200')) as { init: { status: number }; data: unknown }
    expect(result.init.status).toBe(429)
    expect(JSON.stringify(result.data)).toContain('Too many failed attempts')
  })

  it('throttles a client address that tries many accounts', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const user = await createUser(db, org.id, ['staff'])
    for (let i = 0; i < 20; i++) await signIn(`guess-${i}@test.example`, 'x', '192.0.2.99')
    const result = (await signIn(user.email, TEST_PASSWORD, '192.0.2.99')) as { init: { status: number } }
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
})
