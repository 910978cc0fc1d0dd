import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { notifications, sessions, ssoConfigs, users } from '#db/schema'
import { findSsoConfig } from '#db/sso.server'
import { action as loginAction, loader as loginLoader } from '~/routes/login'
import { loader as callbackLoader } from '~/routes/auth.sso.callback'
import { open, seal } from '~/utils/secret-box.server'
import { CLIENT_SECRET_PURPOSE } from '~/utils/sso/client.server'
import { SSO_PROBLEMS, type SsoProblem } from '~/utils/sso/problems'
import { saveSsoSettings } from '~/utils/sso/save-settings.server'
import { createOrganisation, createUser, makeRequest, TEST_PASSWORD } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'
import { startTokenIssuer, type NextToken, type TokenIssuer } from '#tests/support/token-issuer'

// Probity's own callback, in-process, against a real issuer over HTTP on
// 127.0.0.1 that signs whatever the test asks: every refusal below is
// openid-client's (or Probity's) answer to a token that really arrived.

const PUBLIC_URL = 'http://127.0.0.1:3999'
const app = setupTestApp({ PUBLIC_URL })
let issuer: TokenIssuer
beforeAll(async () => {
  issuer = await startTokenIssuer()
})
afterAll(() => issuer?.stop())

async function serviceWithSso(domains = ['fairhaven.test']) {
  const { db } = app().database
  const org = await createOrganisation(db)
  const admin = await createUser(db, org.id, ['admin'], { email: `admin-${org.slug}@${domains[0]}` })
  const saved = await saveSsoSettings(db, app(), org.id, {
    providerName: 'Test issuer',
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    clientSecret: issuer.clientSecret,
    allowedDomains: domains.map((d) => `${org.slug}.${d}`),
    defaultRole: 'staff',
    enabled: true,
    passwordsOff: false,
  })
  expect(saved).toEqual({ ok: true })
  return { org, admin, domain: `${org.slug}.${domains[0]}` }
}

/** The whole round trip: "Continue with single sign-on", the issuer's redirect, and Probity's callback. */
async function roundTrip(email: string, token: NextToken) {
  const started = (await loginAction({
    request: makeRequest('/login', { form: { intent: 'sso', email, redirectTo: '/' } }),
    params: {},
    context: {},
  }).catch((r: unknown) => r)) as Response
  expect(started.status, 'sent to the identity provider').toBe(302)
  const flowCookie = (started.headers.get('Set-Cookie') ?? '').split(';')[0]!
  issuer.next(token)
  const atIssuer = await fetch(started.headers.get('Location')!, { redirect: 'manual' })
  const back = new URL(atIssuer.headers.get('Location')!)
  expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/auth/sso/callback`)
  const answer = (await callbackLoader({
    request: makeRequest(back.pathname + back.search, { cookie: flowCookie }),
    params: {},
    context: {},
  }).catch((r: unknown) => r)) as Response
  return { answer, location: answer.headers.get('Location') ?? '', cookies: answer.headers.get('Set-Cookie') ?? '' }
}

/** The message the sign-in page shows for the code the callback sent it back with. */
async function shownAfter(location: string) {
  expect(location).toMatch(/^\/login\?/)
  const data = (await loginLoader({ request: makeRequest(location), params: {}, context: {} })) as { ssoProblem: string | null }
  return data.ssoProblem
}

async function countUsers(email: string) {
  const [row] = await app().database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`lower(${users.email}) = ${email}`)
  return row!.n
}

describe(`single sign-on (${databaseKind()})`, () => {
  it('signs in a person seen for the first time as staff, tells the administrators, and marks single sign-on as working', async () => {
    const { org, admin, domain } = await serviceWithSso()
    const email = `newcomer@${domain}`
    const { answer, location, cookies } = await roundTrip(email, { email, name: 'New Comer' })
    expect(answer.status).toBe(302)
    expect(location).toBe('/')
    expect(cookies).toMatch(/probity_session=/)
    const { db } = app().database
    const [person] = await db.select().from(users).where(eq(users.email, email))
    expect(person).toMatchObject({ organisationId: org.id, name: 'New Comer', roles: ['staff'] })
    const [session] = await db.select().from(sessions).where(eq(sessions.userId, person!.id))
    expect(session?.method).toBe('sso')
    const told = await db.select().from(notifications).where(eq(notifications.userId, admin.id))
    expect(told.map((n) => n.title)).toEqual(['New person by single sign-on: New Comer'])
    expect((await findSsoConfig(db, org.id))?.workedAt).toBeInstanceOf(Date)

    // The second time, the same person: nobody new, nobody told again.
    const again = await roundTrip(email, { email, name: 'New Comer' })
    expect(again.location).toBe('/')
    expect(await countUsers(email)).toBe(1)
    expect(await db.select().from(notifications).where(eq(notifications.userId, admin.id))).toHaveLength(1)
  })

  const refusals: [string, NextToken['forgery'], SsoProblem][] = [
    ['an ID token for another audience', 'wrong-audience', 'audience'],
    ['an expired ID token', 'expired', 'token_expired'],
    ['an ID token with the wrong nonce', 'wrong-nonce', 'nonce'],
    ['an ID token signed with a key the issuer does not publish', 'bad-signature', 'signature'],
    ['an unsigned ID token (alg none)', 'unsigned', 'unsigned'],
  ]
  for (const [what, forgery, problem] of refusals) {
    it(`refuses ${what} with a clear message, and creates nobody`, async () => {
      const { domain } = await serviceWithSso()
      const email = `forged-${forgery}@${domain}`
      const { location, cookies } = await roundTrip(email, { email, forgery })
      expect(new URL(location, PUBLIC_URL).searchParams.get('sso')).toBe(problem)
      expect(await shownAfter(location)).toBe(SSO_PROBLEMS[problem])
      expect(cookies).not.toMatch(/probity_session=[^;]/)
      expect(await countUsers(email)).toBe(0)
    })
  }

  it('refuses an e-mail domain the service does not allow, and creates nothing', async () => {
    const { domain } = await serviceWithSso()
    const email = `outsider@elsewhere.example`
    // Started with an allowed address; the provider vouches for another.
    const started = await roundTripFrom(`someone@${domain}`, { email })
    expect(await shownAfter(started.location)).toBe(SSO_PROBLEMS.domain)
    expect(await countUsers(email)).toBe(0)
  })

  it('refuses an address the provider has not verified', async () => {
    const { domain } = await serviceWithSso()
    const email = `unverified@${domain}`
    const { location } = await roundTrip(email, { email, emailVerified: false })
    expect(await shownAfter(location)).toBe(SSO_PROBLEMS.unverified)
    expect(await countUsers(email)).toBe(0)
  })

  it('refuses a callback replayed, or brought by a browser that did not start it', async () => {
    const { domain } = await serviceWithSso()
    const email = `replay@${domain}`
    const started = (await loginAction({
      request: makeRequest('/login', { form: { intent: 'sso', email, redirectTo: '/' } }),
      params: {},
      context: {},
    }).catch((r: unknown) => r)) as Response
    const flowCookie = (started.headers.get('Set-Cookie') ?? '').split(';')[0]!
    issuer.next({ email })
    const back = new URL((await fetch(started.headers.get('Location')!, { redirect: 'manual' })).headers.get('Location')!)
    const call = (cookie?: string) =>
      callbackLoader({ request: makeRequest(back.pathname + back.search, { cookie }), params: {}, context: {} }).catch((r: unknown) => r) as Promise<Response>
    expect(await shownAfter((await call()).headers.get('Location')!)).toBe(SSO_PROBLEMS.expired)
    expect((await call(flowCookie)).headers.get('Location')).toBe('/')
    expect(await shownAfter((await call(flowCookie)).headers.get('Location')!)).toBe(SSO_PROBLEMS.expired)
  })

  it('says so when no service signs in with single sign-on for the domain', async () => {
    const reply = (await loginAction({
      request: makeRequest('/login', { form: { intent: 'sso', email: 'someone@nowhere.example', redirectTo: '/' } }),
      params: {},
      context: {},
    })) as unknown as { init: { status: number }; data: { error: Record<string, string[]> } }
    expect(reply.init.status).toBe(400)
    expect(reply.data.error.email?.[0]).toContain('No library service here signs in with single sign-on for nowhere.example')
  })

  it('stores the client secret sealed, opens it only with the server secret, and never in the clear', async () => {
    const { org } = await serviceWithSso()
    const [row] = await app().database.db.select().from(ssoConfigs).where(eq(ssoConfigs.organisationId, org.id))
    expect(row!.clientSecretSealed).not.toContain(issuer.clientSecret)
    expect(open(app().secret, CLIENT_SECRET_PURPOSE, row!.clientSecretSealed!)).toBe(issuer.clientSecret)
    expect(() => open('another server secret of enough length', CLIENT_SECRET_PURPOSE, row!.clientSecretSealed!)).toThrow(/cannot be opened/)
    expect(() => open(app().secret, 'another-purpose', row!.clientSecretSealed!)).toThrow(/cannot be opened/)
    expect(seal(app().secret, 'p', 'x')).not.toBe(seal(app().secret, 'p', 'x'))
  })

  it('refuses to switch passwords off before single sign-on has worked, then keeps administrators on passwords', async () => {
    const { db } = app().database
    const { org, admin, domain } = await serviceWithSso()
    const values = {
      providerName: 'Test issuer',
      issuer: issuer.issuer,
      clientId: issuer.clientId,
      allowedDomains: [domain],
      defaultRole: 'staff' as const,
      enabled: true,
      passwordsOff: true,
    }
    expect(await saveSsoSettings(db, app(), org.id, values)).toMatchObject({ ok: false, field: 'passwordsOff' })
    await roundTrip(`first@${domain}`, { email: `first@${domain}` })
    expect(await saveSsoSettings(db, app(), org.id, values)).toEqual({ ok: true })

    const staff = await createUser(db, org.id, ['staff'], { email: `staff-with-password@${domain}` })
    const signIn = (email: string, password = TEST_PASSWORD) =>
      loginAction({ request: makeRequest('/login', { form: { email, password } }), params: {}, context: { clientAddress: '198.51.100.1' } }).catch(
        (r: unknown) => r,
      ) as Promise<{ init?: { status: number }; data?: unknown; status?: number }>
    const refused = await signIn(staff.email)
    expect(refused.init?.status).toBe(403)
    expect(JSON.stringify(refused.data)).toContain('signs in with single sign-on')
    // An address of the domain with a wrong password is pointed to single sign-on too, whether or not it exists.
    expect(JSON.stringify((await signIn(`nobody@${domain}`, 'x')).data)).toContain('signs in with single sign-on')
    expect((await signIn(admin.email)).status).toBe(302)

    // A different client forgets that it worked: passwords cannot stay off on its word.
    expect(await saveSsoSettings(db, app(), org.id, { ...values, clientId: 'another-client' })).toMatchObject({ ok: false, field: 'passwordsOff' })
  })

  it('refuses a plain-http issuer unless Probity and the issuer are both on this machine', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const values = {
      providerName: 'Somewhere',
      issuer: 'http://idp.example.org',
      clientId: 'x',
      allowedDomains: ['somewhere.example'],
      defaultRole: 'staff' as const,
      enabled: true,
      passwordsOff: false,
    }
    expect(await saveSsoSettings(db, app(), org.id, values)).toMatchObject({ ok: false, field: 'issuer' })
    const deployed = { ...app(), config: { ...app().config, publicUrl: 'https://probity.example.org' } }
    expect(await saveSsoSettings(db, deployed, org.id, { ...values, issuer: issuer.issuer })).toMatchObject({ ok: false, field: 'issuer' })
  })
})

/** A round trip started for one address, at the end of which the provider vouches for the token's. */
async function roundTripFrom(startEmail: string, token: NextToken) {
  return roundTrip(startEmail, token)
}
