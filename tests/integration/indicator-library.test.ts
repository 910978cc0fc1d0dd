import { describe, expect, it } from 'vitest'
import { listLibrary } from '#db/monitoring.server'
import { action as editAction, loader as editLoader } from '~/routes/admin.indicators.$indicatorId'
import { loader as libraryLoader } from '~/routes/admin.indicators._index'
import { action as newAction } from '~/routes/admin.indicators.new'
import { createOrganisation, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

type Wrapped = { init: { status: number } | null; data: { error?: Record<string, string[] | null> } }

const visits = {
  name: 'Visits at affected branches',
  unit: 'visits a month',
  direction: 'higher_is_better',
  thresholdKind: 'percent',
  thresholdValue: '10',
  measure: 'manual',
}

describe(`the indicator library (${databaseKind()})`, () => {
  it('an admin adds, edits and retires indicators; names are unique regardless of case; bad values are refused', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const admin = await createUser(db, org.id, ['admin'])
    const cookie = await sessionCookieFor(db, admin.id)
    const add = (form: Record<string, string>) => newAction({ request: makeRequest('/admin/indicators/new', { cookie, form }), context: {}, params: {} })
    expect(await statusOf(() => add(visits))).toBe(302)
    const duplicate = (await add({ ...visits, name: 'VISITS at affected branches' })) as unknown as Wrapped
    expect(duplicate.init?.status).toBe(400)
    expect(duplicate.data.error?.name).toEqual(['The library already has an indicator of that name'])
    const bad = (await add({ ...visits, name: 'Complaints', thresholdValue: '0', direction: 'sideways' })) as unknown as Wrapped
    expect(bad.init?.status).toBe(400)
    expect(bad.data.error?.thresholdValue).toEqual(['The threshold must be more than zero'])
    expect(bad.data.error?.direction).toEqual(['Say whether higher or lower is better'])
    expect(await statusOf(() => add({ name: 'Incidents', unit: 'incidents a quarter', direction: 'lower_is_better', thresholdKind: 'absolute', thresholdValue: '3', measure: 'incidents' }))).toBe(302)

    const [incidents, visitsRow] = await listLibrary(db, org.id)
    expect(incidents).toMatchObject({ name: 'Incidents', measure: 'incidents', thresholdValue: 3 })
    const params = { indicatorId: visitsRow!.id }
    const page = await editLoader({ request: makeRequest(`/admin/indicators/${visitsRow!.id}`, { cookie }), context: {}, params })
    expect(page.indicator).toMatchObject({ name: 'Visits at affected branches', thresholdValue: '10', retired: false })
    const renameClash = (await editAction({ request: makeRequest('/x', { cookie, form: { ...visits, name: 'incidents' } }), context: {}, params })) as unknown as Wrapped
    expect(renameClash.data.error?.name).toEqual(['The library already has an indicator of that name'])
    expect(await statusOf(() => editAction({ request: makeRequest('/x', { cookie, form: { ...visits, thresholdValue: '12.5', retired: 'on' } }), context: {}, params }))).toBe(302)
    expect((await listLibrary(db, org.id)).map((i) => i.name)).toEqual(['Incidents'])
    const all = await libraryLoader({ request: makeRequest('/admin/indicators', { cookie }), context: {}, params: {} })
    expect(all.indicators.find((i) => i.name === 'Visits at affected branches')).toMatchObject({ retired: true, threshold: 'a 12.5% fall from the baseline' })
  })

  it('is for admins of the organisation only', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const admin = await createUser(db, org.id, ['admin'])
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const cookie = await sessionCookieFor(db, admin.id)
    expect(await statusOf(() => newAction({ request: makeRequest('/admin/indicators/new', { cookie, form: visits }), context: {}, params: {} }))).toBe(302)
    const [row] = await listLibrary(db, org.id)
    expect(await statusOf(async () => libraryLoader({ request: makeRequest('/admin/indicators', { cookie: await sessionCookieFor(db, chief.id) }), context: {}, params: {} }))).toBe(403)
    const other = await createOrganisation(db)
    const otherAdmin = await createUser(db, other.id, ['admin'])
    const otherCookie = await sessionCookieFor(db, otherAdmin.id)
    expect(await statusOf(() => editLoader({ request: makeRequest('/x', { cookie: otherCookie }), context: {}, params: { indicatorId: row!.id } }))).toBe(404)
    expect(await statusOf(() => editAction({ request: makeRequest('/x', { cookie: otherCookie, form: { ...visits, name: 'Hijacked' } }), context: {}, params: { indicatorId: row!.id } }))).toBe(404)
    expect((await listLibrary(db, org.id))[0]!.name).toBe('Visits at affected branches')
  })

  it('speaks the administrator’s language: refusals and thresholds in Welsh for a Welsh service', async () => {
    const { db } = app().database
    const org = await createOrganisation(db, { languages: 'cy' })
    const admin = await createUser(db, org.id, ['admin'])
    const cookie = await sessionCookieFor(db, admin.id)
    const add = (form: Record<string, string>) => newAction({ request: makeRequest('/admin/indicators/new', { cookie, form }), context: {}, params: {} })
    expect(await statusOf(() => add(visits))).toBe(302)
    const duplicate = (await add(visits)) as unknown as Wrapped
    expect(duplicate.data.error?.name).toEqual(['Mae gan y llyfrgell ddangosydd o’r enw hwnnw eisoes'])
    const bad = (await add({ ...visits, name: 'Complaints', thresholdValue: '0' })) as unknown as Wrapped
    expect(bad.data.error?.thresholdValue).toEqual(['Rhaid i’r trothwy fod yn fwy na sero'])
    const all = await libraryLoader({ request: makeRequest('/admin/indicators', { cookie }), context: {}, params: {} })
    expect(all.indicators[0]).toMatchObject({ threshold: 'gostyngiad o 10% o’r llinell sylfaen' })
  })
})
