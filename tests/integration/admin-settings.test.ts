import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organisations, rubrics, type RubricContent } from '#db/schema'
import { action as rubricAction, loader as rubricEditLoader } from '~/routes/admin.rubric.edit'
import { loader as rubricLoader } from '~/routes/admin.rubric._index'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { loader as screeningLoader } from '~/routes/proposals.$id.screening._index'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { loadProposal } from '~/workflow/apply-event.server'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { submitProposal } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

const SETTINGS = {
  languages: 'both',
  professionalBodyName: 'CILIP Cymru Wales',
  minReviewers: '3',
  minConsultationDays: '21',
  unionRecognised: 'on',
  publicRegister: 'on',
  concernSurgeCount: '8',
  anonymityMinimumGroup: '4',
  anonymityHold: 'until_group_large_enough',
  anonymitySeveral: '2',
  anonymityReleaseHour: '7',
}

async function service() {
  const { db } = app().database
  const org = await createOrganisation(db)
  const admin = await createUser(db, org.id, ['admin'])
  return { db, org, admin, cookie: await sessionCookieFor(db, admin.id) }
}

async function settingsOf(organisationId: string) {
  const [row] = await app().database.db.select().from(organisations).where(eq(organisations.id, organisationId))
  return row!.settings
}

async function run<T>(fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const postSettings = (cookie: string, form: Record<string, string>) =>
  run(() => settingsAction({ request: makeRequest('/admin/settings', { cookie, form }), params: {}, context: {} }))

/** The rubric editor's fields as the browser posts them. */
function rubricForm(version: number, content: RubricContent, change: (form: Record<string, string>) => void = () => {}) {
  const form: Record<string, string> = {
    version: String(version),
    medium: String(content.bands.medium),
    high: String(content.bands.high),
    veryHigh: String(content.bands.veryHigh),
    disagreementBands: String(content.disagreementBands),
  }
  content.criteria.forEach((c, i) => {
    form[`criteria[${i}].key`] = c.key
    form[`criteria[${i}].name`] = c.name
    form[`criteria[${i}].description`] = c.description
    form[`criteria[${i}].questions`] = c.questions.join('\n')
    form[`criteria[${i}].principles`] = c.principles.join('\n')
  })
  content.privacyItems.forEach((p, i) => {
    form[`privacyItems[${i}].key`] = p.key
    form[`privacyItems[${i}].question`] = p.question
    form[`privacyItems[${i}].guidance`] = p.guidance
    if (p.required) form[`privacyItems[${i}].required`] = 'on'
  })
  change(form)
  return form
}

const postRubric = (cookie: string, form: Record<string, string>) =>
  run(() => rubricAction({ request: makeRequest('/admin/rubric/edit', { cookie, form }), params: {}, context: {} }))

const statusIn = (r: unknown) => (r instanceof Response ? r.status : (r as { init: { status: number } }).init.status)

describe(`organisation settings (${databaseKind()})`, () => {
  it('saves every setting; new proposals take them, existing ones keep theirs', async () => {
    const { db, org, cookie } = await service()
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const before = await createProposal(db, org.id, chief.id)
    expect(statusIn(await postSettings(cookie, SETTINGS))).toBe(302)
    expect(await settingsOf(org.id)).toEqual({
      languages: 'both',
      professionalBodyName: 'CILIP Cymru Wales',
      minReviewers: 3,
      minConsultationDays: 21,
      unionRecognised: true,
      publicRegister: true,
      secondSignatoryRequired: false,
      concernSurgeCount: 8,
      anonymityMinimumGroup: 4,
      anonymityHold: 'until_group_large_enough',
      anonymitySeveral: 2,
      anonymityReleaseHour: 7,
    })
    const page = (await settingsLoader({ request: makeRequest('/admin/settings', { cookie }), params: {}, context: {} })) as { settings: { minReviewers: number } }
    expect(page.settings.minReviewers).toBe(3)
    const after = await createProposal(db, org.id, chief.id)
    expect((await loadProposal(db, org.id, before.id))!.snapshot.context.minReviewers).toBe(2)
    const context = (await loadProposal(db, org.id, after.id))!.snapshot.context
    expect([context.minReviewers, context.minConsultationDays, context.unionRequired, context.requiredSignatures]).toEqual([3, 21, true, 1])
  })

  it.each([
    ['a number in words', { minReviewers: 'two' }, 'minReviewers'],
    ['no reviewers at all', { minReviewers: '0' }, 'minReviewers'],
    ['a fraction of a day', { minConsultationDays: '7.5' }, 'minConsultationDays'],
    ['a negative surge count', { concernSurgeCount: '-1' }, 'concernSurgeCount'],
    ['a script tag', { professionalBodyName: '<script>alert(1)</script>' }, 'professionalBodyName'],
    ['an oversize name', { professionalBodyName: 'C'.repeat(121) }, 'professionalBodyName'],
    ['no name', { professionalBodyName: '' }, 'professionalBodyName'],
    ['a checkbox that is not one', { publicRegister: 'maybe' }, 'publicRegister'],
    ['a release hour past midnight', { anonymityReleaseHour: '24' }, 'anonymityReleaseHour'],
    ['a hold behaviour that does not exist', { anonymityHold: 'forever' }, 'anonymityHold'],
  ])('refuses %s next to the field and changes nothing', async (_, change, field) => {
    const { org, cookie } = await service()
    const before = await settingsOf(org.id)
    const result = (await postSettings(cookie, { ...SETTINGS, ...change })) as { init: { status: number }; data: { error: Record<string, string[]> } }
    expect(result.init.status).toBe(400)
    expect(result.data.error[field]?.length).toBeGreaterThan(0)
    expect(await settingsOf(org.id)).toEqual(before)
  })

  it('is for administrators only', async () => {
    const { db, org } = await service()
    const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'])
    const cookie = await sessionCookieFor(db, chief.id)
    const before = await settingsOf(org.id)
    expect(await statusOf(() => settingsLoader({ request: makeRequest('/admin/settings', { cookie }), params: {}, context: {} }))).toBe(403)
    expect(statusIn(await postSettings(cookie, SETTINGS))).toBe(403)
    expect(await settingsOf(org.id)).toEqual(before)
  })
})

describe(`the versioned rubric (${databaseKind()})`, () => {
  it('makes a new version on each edit, and each proposal keeps the version it was screened with', async () => {
    const { db, org, cookie } = await service()
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
    const early = await createProposal(db, org.id, chief.id)
    await submitProposal(db, { proposal: early, proposer: chief, reviewers })

    const edit = (await rubricEditLoader({ request: makeRequest('/admin/rubric/edit', { cookie }), params: {}, context: {} })) as { version: number }
    expect(edit.version).toBe(1)
    const form = rubricForm(1, DEFAULT_RUBRIC, (f) => {
      f['criteria[0].name'] = 'Public trust, neutrality and welcome'
      f['criteria[1].retire'] = 'on'
      const n = DEFAULT_RUBRIC.criteria.length
      f[`criteria[${n}].name`] = 'Environmental impact'
      f[`criteria[${n}].questions`] = 'Does the partnership add travel or waste?'
      f[`criteria[${n}].principles`] = 'CILIP: public benefit and the profession’s wider good'
      f.high = '12'
    })
    expect(statusIn(await postRubric(cookie, form))).toBe(302)

    const page = (await rubricLoader({ request: makeRequest('/admin/rubric', { cookie }), params: {}, context: {} })) as {
      current: number
      shown: { content: RubricContent }
    }
    expect(page.current).toBe(2)
    const v2 = page.shown.content
    expect(v2.criteria.map((c) => c.key)).toEqual([
      'public_trust',
      ...DEFAULT_RUBRIC.criteria.slice(2).map((c) => c.key),
      'environmental_impact',
    ])
    expect(v2.criteria[0]!.name).toBe('Public trust, neutrality and welcome')
    expect(v2.bands).toEqual({ medium: 5, high: 12, veryHigh: 16 })

    const late = await createProposal(db, org.id, chief.id)
    await submitProposal(db, { proposal: late, proposer: chief, reviewers })
    const screening = async (id: string) =>
      screeningLoader({ request: makeRequest(`/proposals/${id}/screening`, { cookie: await sessionCookieFor(db, chief.id) }), params: { id }, context: {} })
    const [earlyPage, latePage] = [await screening(early.id), await screening(late.id)]
    expect(earlyPage.rubric.version).toBe(1)
    expect(earlyPage.rubric.content.criteria[1]!.key).toBe('privacy')
    expect(latePage.rubric.version).toBe(2)
    expect(latePage.rubric.content.criteria.map((c) => c.key)).toContain('environmental_impact')
  })

  it.each([
    ['bands that do not rise', (f: Record<string, string>) => (f.high = '4'), 400],
    ['a criterion with no principle cited', (f: Record<string, string>) => (f['criteria[3].principles'] = ''), 400],
    ['a script tag in a question', (f: Record<string, string>) => (f['criteria[0].questions'] = '<script>alert(1)</script>'), 400],
    ['a key the rubric never had', (f: Record<string, string>) => (f['criteria[0].key'] = 'forged_key'), 400],
    ['a key that is not one', (f: Record<string, string>) => (f['criteria[0].key'] = '../../etc'), 400],
    ['every criterion retired', (f: Record<string, string>) => DEFAULT_RUBRIC.criteria.forEach((_, i) => (f[`criteria[${i}].retire`] = 'on')), 400],
    ['a stale version', (f: Record<string, string>) => (f.version = '7'), 409],
  ])('refuses %s and adds no version', async (_, change, status) => {
    const { db, org, cookie } = await service()
    await rubricEditLoader({ request: makeRequest('/admin/rubric/edit', { cookie }), params: {}, context: {} })
    const result = await postRubric(cookie, rubricForm(1, DEFAULT_RUBRIC, change))
    expect(statusIn(result)).toBe(status)
    const versions = await db.select().from(rubrics).where(eq(rubrics.organisationId, org.id))
    expect(versions.map((v) => v.version)).toEqual([1])
  })

  it('is for administrators only', async () => {
    const { db, org } = await service()
    const reviewer = await createUser(db, org.id, ['reviewer'])
    const cookie = await sessionCookieFor(db, reviewer.id)
    expect(statusIn(await postRubric(cookie, rubricForm(1, DEFAULT_RUBRIC)))).toBe(403)
    expect(await statusOf(() => rubricLoader({ request: makeRequest('/admin/rubric', { cookie }), params: {}, context: {} }))).toBe(403)
  })
})
