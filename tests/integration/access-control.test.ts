import { describe, expect, it } from 'vitest'
import { findUserByEmail, findUserInOrganisation } from '#db/users.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as personAction, loader as personLoader } from '~/routes/admin.users.$userId'
import { loader as peopleLoader } from '~/routes/admin.users._index'
import { action as addAction, loader as addLoader } from '~/routes/admin.users.new'
import {
  createOrganisation,
  createUser,
  makeRequest,
  sessionCookieFor,
  statusOf,
} from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

const NEW_PERSON = { name: 'Intruder', roles: ['admin'], password: 'a long enough password' }

async function organisationWith(roles: Parameters<typeof createUser>[2]) {
  const { db } = app().database
  const org = await createOrganisation(db)
  const user = await createUser(db, org.id, roles)
  return { org, user, cookie: await sessionCookieFor(db, user.id) }
}

describe(`access control on people admin (${databaseKind()})`, () => {
  it('answers 403 to a staff member who opens or posts to an admin page, and changes nothing', async () => {
    const { db } = app().database
    const { org, cookie } = await organisationWith(['staff', 'reviewer', 'chief_librarian'])
    const colleague = await createUser(db, org.id, ['staff'])
    const email = `intruder-${org.slug}@test.example`
    const args = (path: string, form?: Record<string, string | string[]>, userId?: string) => ({
      request: makeRequest(path, { cookie, form }),
      context: {},
      params: userId ? { userId } : {},
    })
    expect(await statusOf(() => peopleLoader(args('/admin/users')))).toBe(403)
    expect(await statusOf(() => addLoader(args('/admin/users/new')))).toBe(403)
    expect(
      await statusOf(() => addAction(args('/admin/users/new', { ...NEW_PERSON, email }))),
    ).toBe(403)
    const path = `/admin/users/${colleague.id}`
    expect(await statusOf(() => personLoader(args(path, undefined, colleague.id)))).toBe(403)
    expect(
      await statusOf(() => personAction(args(path, { intent: 'deactivate' }, colleague.id))),
    ).toBe(403)
    expect(
      await statusOf(() =>
        personAction(args(path, { intent: 'roles', roles: ['admin'] }, colleague.id)),
      ),
    ).toBe(403)
    expect(await findUserByEmail(db, email)).toBeUndefined()
    expect(await findUserInOrganisation(db, org.id, colleague.id)).toMatchObject({
      roles: ['staff'],
      active: true,
    })
  })

  it('sends a signed-out visitor posting to an admin action to sign in', async () => {
    const { db } = app().database
    const { user } = await organisationWith(['staff'])
    const request = makeRequest(`/admin/users/${user.id}`, { form: { intent: 'deactivate' } })
    const response = (await personAction({
      request,
      context: {},
      params: { userId: user.id },
    }).catch((r: unknown) => r)) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
    expect((await findUserInOrganisation(db, user.organisationId, user.id))?.active).toBe(true)
  })

  it('answers 404 to an admin of one organisation acting on a person of another by id, and changes nothing', async () => {
    const { db } = app().database
    const a = await organisationWith(['admin'])
    const b = await organisationWith(['staff'])
    const path = `/admin/users/${b.user.id}`
    const args = (form?: Record<string, string | string[]>) => ({
      request: makeRequest(path, { cookie: a.cookie, form }),
      context: {},
      params: { userId: b.user.id },
    })
    expect(await statusOf(() => personLoader(args()))).toBe(404)
    expect(await statusOf(() => personAction(args({ intent: 'deactivate' })))).toBe(404)
    expect(await statusOf(() => personAction(args({ intent: 'roles', roles: ['admin'] })))).toBe(
      404,
    )
    expect(await findUserInOrganisation(db, b.org.id, b.user.id)).toMatchObject({
      roles: ['staff'],
      active: true,
    })
    // B's person is still signed in: their sessions were not touched.
    expect(
      await statusOf(() =>
        homeLoader({ request: makeRequest('/', { cookie: b.cookie }), context: {}, params: {} }),
      ),
    ).toBe(200)
    // And A's list does not show them.
    const list = await peopleLoader({
      request: makeRequest('/admin/users', { cookie: a.cookie }),
      context: {},
      params: {},
    })
    expect(list.people.map((p) => p.id)).not.toContain(b.user.id)
  })

  it('answers 404 to an id that is not an id at all', async () => {
    const { cookie } = await organisationWith(['admin'])
    for (const userId of ['not-a-uuid', "1' or '1'='1", '00000000-0000-0000-0000-000000000000']) {
      const request = makeRequest(`/admin/users/${encodeURIComponent(userId)}`, { cookie })
      expect(await statusOf(() => personLoader({ request, context: {}, params: { userId } }))).toBe(
        404,
      )
    }
  })
})
