import { describe, expect, it } from 'vitest'
import { findUserInOrganisation } from '#db/users.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as passwordAction, loader as passwordLoader } from '~/routes/account.password'
import { verifyPassword } from '~/utils/password.server'
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

type Result = {
  init: { status: number }
  data: { result: { error?: Record<string, string[] | null> }; changed: boolean }
}

async function signedInUser() {
  const { db } = app().database
  const org = await createOrganisation(db)
  const user = await createUser(db, org.id, ['staff'])
  return { db, org, user, cookie: await sessionCookieFor(db, user.id) }
}

function changePassword(
  cookie: string,
  form: Record<string, string>,
  clientAddress = '198.51.100.20',
) {
  const request = makeRequest('/account/password', { cookie, form })
  return passwordAction({ request, context: { clientAddress }, params: {} })
}

const isSignedIn = (cookie: string) =>
  statusOf(() =>
    homeLoader({ request: makeRequest('/', { cookie }), context: {}, params: {} }),
  ).then((s) => s === 200)

describe(`changing one's own password (${databaseKind()})`, () => {
  it('sends a signed-out visitor to sign in', async () => {
    const status = await statusOf(() =>
      passwordLoader({ request: makeRequest('/account/password'), context: {}, params: {} }),
    )
    expect(status).toBe(302)
  })

  it('changes the password and ends the user’s other sessions, keeping this one', async () => {
    const { db, org, user, cookie } = await signedInUser()
    const elsewhere = await sessionCookieFor(db, user.id)
    const result = await changePassword(cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    })
    expect(result).toMatchObject({ changed: true })
    const account = await findUserInOrganisation(db, org.id, user.id)
    expect(await verifyPassword(account!.passwordHash, 'a brand new passphrase')).toBe(true)
    expect(await isSignedIn(cookie)).toBe(true)
    expect(await isSignedIn(elsewhere)).toBe(false)
  })

  it('refuses a wrong current password and changes nothing', async () => {
    const { db, org, user, cookie } = await signedInUser()
    const elsewhere = await sessionCookieFor(db, user.id)
    const result = (await changePassword(cookie, {
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    })) as Result
    expect(result.init.status).toBe(400)
    expect(result.data.result.error?.currentPassword).toEqual(['That is not your current password'])
    const account = await findUserInOrganisation(db, org.id, user.id)
    expect(await verifyPassword(account!.passwordHash, TEST_PASSWORD)).toBe(true)
    expect(await isSignedIn(elsewhere)).toBe(true)
  })

  it('refuses a new password that is too short or the same as the current one', async () => {
    const { cookie } = await signedInUser()
    const short = (await changePassword(cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'eleven char',
    })) as Result
    expect(short.init.status).toBe(400)
    expect(short.data.result.error?.newPassword).toEqual(['Use at least 12 characters'])
    const same = (await changePassword(cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    })) as Result
    expect(same.init.status).toBe(400)
    expect(same.data.result.error?.newPassword).toEqual([
      'Choose a password different from your current one',
    ])
  })

  it('throttles guessing the current password', async () => {
    const { cookie } = await signedInUser()
    let last: Result | undefined
    for (let i = 0; i < 6; i++) {
      last = (await changePassword(cookie, {
        currentPassword: `guess number ${i}`,
        newPassword: 'a brand new passphrase',
      })) as Result
    }
    expect(last?.init.status).toBe(429)
  })
})
