import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users, type ServiceLanguages } from '#db/schema'
import { loader as rootLoader } from '~/root'
import { action as languageAction } from '~/routes/language'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { createOrganisation, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'

const app = setupTestApp()

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a response to be thrown')
}

/** The `name=value` of a Set-Cookie header, as the browser would send it back. */
const cookiePair = (response: Response) => response.headers.get('Set-Cookie')!.split(';')[0]!

async function rootData(cookie?: string) {
  return rootLoader({ request: makeRequest('/login', { cookie }), params: {}, context: {} })
}

async function person(languages: ServiceLanguages) {
  const { db } = app().database
  const org = await createOrganisation(db, { languages })
  const user = await createUser(db, org.id, ['admin'])
  return { db, user, cookie: await sessionCookieFor(db, user.id) }
}

describe('the language of a page', () => {
  it('is English, with the switch shown, for a signed-out visitor without a choice', async () => {
    expect(await rootData()).toMatchObject({ locale: 'en', languageChoice: true, user: null })
  })

  it('follows the switch: a cookie for a signed-out visitor, and back to the page they were on', async () => {
    const response = await thrown(() =>
      languageAction({ request: makeRequest('/language', { form: { lang: 'cy', redirectTo: '/login?password=chosen' } }), params: {}, context: {} }),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?password=chosen')
    expect(response.headers.get('Set-Cookie')).toMatch(/^lang=.*; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(await rootData(cookiePair(response))).toMatchObject({ locale: 'cy' })

    const back = await thrown(() => languageAction({ request: makeRequest('/language', { form: { lang: 'en', redirectTo: '/login' } }), params: {}, context: {} }))
    expect(await rootData(cookiePair(back))).toMatchObject({ locale: 'en' })
  })

  it('refuses an unknown language with 400 and never redirects off the site', async () => {
    expect(await statusOf(() => languageAction({ request: makeRequest('/language', { form: { lang: 'fr' } }), params: {}, context: {} }))).toBe(400)
    const offsite = await thrown(() => languageAction({ request: makeRequest('/language', { form: { lang: 'cy', redirectTo: '//evil.example/' } }), params: {}, context: {} }))
    expect(offsite.headers.get('Location')).toBe('/')
  })

  it('is remembered as the signed-in person’s preference, ahead of the cookie', async () => {
    const { db, user, cookie } = await person('both')
    expect(await rootData(cookie)).toMatchObject({ locale: 'en', languageChoice: true })
    await thrown(() => languageAction({ request: makeRequest('/language', { cookie, form: { lang: 'cy', redirectTo: '/' } }), params: {}, context: {} }))
    const [row] = await db.select().from(users).where(eq(users.id, user.id))
    expect(row!.preferredLanguage).toBe('cy')
    // Another browser, whose cookie says English: the saved preference wins.
    expect(await rootData(`${cookie}; lang=${encodeURIComponent(Buffer.from('"en"').toString('base64'))}`)).toMatchObject({ locale: 'cy' })
  })

  it('is the service’s only language when it offers one, with no switch', async () => {
    const welsh = await person('cy')
    expect(await rootData(welsh.cookie)).toMatchObject({ locale: 'cy', languageChoice: false })
    const english = await person('en')
    const cyCookie = `lang=${encodeURIComponent(Buffer.from('"cy"').toString('base64'))}`
    expect(await rootData(`${english.cookie}; ${cyCookie}`)).toMatchObject({ locale: 'en', languageChoice: false })
  })

  it('lets the administrator choose the service’s languages on the settings page', async () => {
    const { cookie } = await person('en')
    const before = (await settingsLoader({ request: makeRequest('/admin/settings', { cookie }), params: {}, context: {} })) as { settings: { languages: string } }
    expect(before.settings.languages).toBe('en')
    const form = {
      languages: 'both',
      professionalBodyName: 'CILIP Cymru Wales',
      minReviewers: '2',
      minConsultationDays: '14',
      concernSurgeCount: '5',
      anonymityMinimumGroup: '5',
      anonymityHold: 'until_several',
      anonymitySeveral: '3',
      anonymityReleaseHour: '18',
    }
    expect(await statusOf(() => settingsAction({ request: makeRequest('/admin/settings', { cookie, form }), params: {}, context: {} }))).toBe(302)
    expect(await rootData(cookie)).toMatchObject({ languageChoice: true })
    const bad = await statusOf(() => settingsAction({ request: makeRequest('/admin/settings', { cookie, form: { ...form, languages: 'fr' } }), params: {}, context: {} }))
    expect(bad).toBe(400)
  })
})
