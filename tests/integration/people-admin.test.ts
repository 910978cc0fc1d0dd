import { describe, expect, it } from 'vitest'
import { findUserByEmail, findUserInOrganisation } from '#db/users.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as personAction, loader as personLoader } from '~/routes/admin.users.$userId'
import { loader as peopleLoader } from '~/routes/admin.users._index'
import { action as addAction } from '~/routes/admin.users.new'
import { eq } from 'drizzle-orm'
import { listOutbox } from '#db/notifications.server'
import { accountTokens } from '#db/schema'
import { setPasswordWithLink } from '~/identity/set-password-with-link.server'
import { verifyPassword } from '~/utils/password.server'
import { sha256 } from '~/utils/secrets.server'
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

/** What data() wraps: the status and the body. */
type Wrapped<T = Record<string, unknown>> = { init: { status: number }; data: T }
type Reply = {
  status?: string
  error?: Record<string, string[] | null>
  initialValue?: Record<string, unknown>
}

async function adminOfNewOrganisation() {
  const { db } = app().database
  const org = await createOrganisation(db)
  const admin = await createUser(db, org.id, ['admin'])
  return { db, org, admin, cookie: await sessionCookieFor(db, admin.id) }
}

function addPerson(cookie: string, form: Record<string, string | string[]>) {
  return addAction({
    request: makeRequest('/admin/users/new', { cookie, form }),
    context: {},
    params: {},
  })
}

function changePerson(cookie: string, userId: string, form: Record<string, string | string[]>) {
  return personAction({
    request: makeRequest(`/admin/users/${userId}`, { cookie, form }),
    context: {},
    params: { userId },
  })
}

const newPerson = (email: string) => ({
  name: 'Nia Roberts',
  email,
  roles: ['reviewer', 'staff'],
})

/** The link of the last invitation e-mailed to the address, from the outbox. */
async function invitationLink(db: Parameters<typeof listOutbox>[0], organisationId: string, email: string) {
  const mail = (await listOutbox(db, organisationId)).find((m) => m.toAddress === email)
  return /\/set-password\/([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1]
}

describe(`people admin (${databaseKind()})`, () => {
  it('lists the people of the admin’s own organisation with roles and status', async () => {
    const { db, org, admin, cookie } = await adminOfNewOrganisation()
    const staff = await createUser(db, org.id, ['staff'])
    const other = await createOrganisation(db)
    const stranger = await createUser(db, other.id, ['staff'])
    const result = await peopleLoader({
      request: makeRequest('/admin/users', { cookie }),
      context: {},
      params: {},
    })
    expect(result.people.map((p) => p.id).sort()).toEqual([admin.id, staff.id].sort())
    expect(result.people.map((p) => p.id)).not.toContain(stranger.id)
    expect(result.people.find((p) => p.id === staff.id)).toMatchObject({
      roles: ['staff'],
      active: true,
    })
    expect(JSON.stringify(result)).not.toContain('argon2')
  })

  it('invites a person, who sets their own password through the e-mailed link and can then sign in', async () => {
    const { db, org, cookie } = await adminOfNewOrganisation()
    const email = `nia-${org.slug}@test.example`
    const response = (await addPerson(cookie, newPerson(email)).catch(
      (r: unknown) => r,
    )) as Response
    expect(response.status).toBe(302)
    const created = await findUserByEmail(db, email)
    expect(created).toMatchObject({
      organisationId: org.id,
      name: 'Nia Roberts',
      roles: ['reviewer', 'staff'],
      active: true,
    })
    expect(response.headers.get('Location')).toBe(`/admin/users/${created!.id}`)
    // The administrator typed no password; the person has none until they choose it.
    expect(created!.passwordHash).toBeNull()
    const token = await invitationLink(db, org.id, email)
    expect(token).toBeDefined()
    // Only the token's SHA-256 is stored.
    const stored = await db.select().from(accountTokens).where(eq(accountTokens.userId, created!.id))
    expect(stored.map((t) => t.tokenHash)).toEqual([sha256(token!)])
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    expect(await setPasswordWithLink(db, token!, 'a long chosen password')).toBe(true)
    const after = await findUserByEmail(db, email)
    expect(await verifyPassword(after!.passwordHash, 'a long chosen password')).toBe(true)
    // Single use.
    expect(await setPasswordWithLink(db, token!, 'another long password')).toBe(false)
  })

  it('answers bad input with 400 and errors by field, keeping what was typed', async () => {
    const { cookie } = await adminOfNewOrganisation()
    const result = (await addPerson(cookie, {
      name: 'Nia Roberts',
      email: 'not an address',
    })) as Wrapped<Reply>
    expect(result.init.status).toBe(400)
    expect(result.data.error).toMatchObject({
      email: ['Enter an e-mail address like name@example.org'],
      roles: ['Choose at least one role'],
    })
    expect(result.data.initialValue).toMatchObject({ name: 'Nia Roberts', email: 'not an address' })
  })

  it('refuses an e-mail address that already has an account, whatever its case', async () => {
    const { db, org, cookie } = await adminOfNewOrganisation()
    const existing = await createUser(db, org.id, ['staff'])
    const result = (await addPerson(
      cookie,
      newPerson(existing.email.toUpperCase()),
    )) as Wrapped<Reply>
    expect(result.init.status).toBe(400)
    expect(result.data.error?.email).toEqual([
      'Someone already has an account with this e-mail address',
    ])
  })

  it('changes a person’s roles', async () => {
    const { db, org, cookie } = await adminOfNewOrganisation()
    const person = await createUser(db, org.id, ['staff'])
    const result = await changePerson(cookie, person.id, {
      intent: 'roles',
      roles: ['reviewer', 'chief_librarian'],
    })
    expect(result).toMatchObject({ notice: 'Roles saved.' })
    expect((await findUserInOrganisation(db, org.id, person.id))?.roles).toEqual([
      'reviewer',
      'chief_librarian',
    ])
  })

  it('refuses no roles and unknown roles', async () => {
    const { db, org, cookie } = await adminOfNewOrganisation()
    const person = await createUser(db, org.id, ['staff'])
    for (const roles of [[], ['superuser']]) {
      const result = (await changePerson(cookie, person.id, {
        intent: 'roles',
        roles,
      })) as Wrapped<{ roles: Reply }>
      expect(result.init.status).toBe(400)
      expect(result.data.roles.error?.roles).toEqual([
        roles.length ? 'Choose roles from the list' : 'Choose at least one role',
      ])
    }
    expect((await findUserInOrganisation(db, org.id, person.id))?.roles).toEqual(['staff'])
  })

  it('does not let an admin remove their own admin role or deactivate themself', async () => {
    const { db, org, admin, cookie } = await adminOfNewOrganisation()
    const demote = (await changePerson(cookie, admin.id, {
      intent: 'roles',
      roles: ['staff'],
    })) as Wrapped<{ roles: Reply }>
    expect(demote.init.status).toBe(400)
    expect(demote.data.roles.error?.roles).toEqual([
      'You cannot remove your own administrator role',
    ])
    const deactivate = (await changePerson(cookie, admin.id, { intent: 'deactivate' })) as Wrapped
    expect(deactivate.init.status).toBe(400)
    expect(deactivate.data).toEqual({ accessError: 'You cannot deactivate your own account.' })
    expect(await findUserInOrganisation(db, org.id, admin.id)).toMatchObject({
      roles: ['admin'],
      active: true,
    })
    // Adding a role while keeping admin is fine.
    await changePerson(cookie, admin.id, { intent: 'roles', roles: ['admin', 'reviewer'] })
    expect((await findUserInOrganisation(db, org.id, admin.id))?.roles).toEqual([
      'admin',
      'reviewer',
    ])
  })

  it('deactivating ends the person’s sessions at once; reactivating lets them sign in again', async () => {
    const { db, org, cookie } = await adminOfNewOrganisation()
    const person = await createUser(db, org.id, ['staff'])
    const theirCookie = await sessionCookieFor(db, person.id)
    const home = () =>
      statusOf(() =>
        homeLoader({ request: makeRequest('/', { cookie: theirCookie }), context: {}, params: {} }),
      )
    expect(await home()).toBe(200)
    await changePerson(cookie, person.id, { intent: 'deactivate' })
    expect(await home()).toBe(302)
    expect((await findUserInOrganisation(db, org.id, person.id))?.active).toBe(false)
    const page = await personLoader({
      request: makeRequest(`/admin/users/${person.id}`, { cookie }),
      context: {},
      params: { userId: person.id },
    })
    expect(page.person.active).toBe(false)
    await changePerson(cookie, person.id, { intent: 'reactivate' })
    expect((await findUserInOrganisation(db, org.id, person.id))?.active).toBe(true)
  })
})
