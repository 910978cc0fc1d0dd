import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { countUnread } from '#db/notifications.server'
import { loader as rootLoader } from '~/root'
import { loader as outboxLoader } from '~/routes/dev.outbox'
import {
  action as notificationsAction,
  loader as notificationsLoader,
} from '~/routes/notifications'
import { openedStaffConsultation } from '#tests/support/consultation'
import { makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

async function consultationOpened(db: Database) {
  const opened = await openedStaffConsultation(db, { values: { title: 'Coffee concession' } })
  return { ...opened, staff: opened.staff[0]! }
}

const args = (path: string, cookie: string, form?: Record<string, string>) => ({
  request: makeRequest(path, { cookie, form }),
  params: {},
  context: {},
})

describe(`notifications and the outbox (${databaseKind()})`, () => {
  it('shows the unread count in the header, and opening a notice marks it read and goes to the consultation', async () => {
    const { db } = app().database
    const { proposal, staff } = await consultationOpened(db)
    const cookie = await sessionCookieFor(db, staff.id)
    const root = (await rootLoader(args('/', cookie))) as { user: { unreadNotifications: number } }
    expect(root.user.unreadNotifications).toBe(1)
    const list = await notificationsLoader(args('/notifications', cookie))
    expect(list.notifications).toMatchObject([
      { title: 'Staff consultation open: Coffee concession', unread: true },
    ])
    const opened = await notificationsAction(
      args('/notifications', cookie, { intent: 'open', id: list.notifications[0]!.id }),
    ).catch((r: Response) => r)
    expect((opened as Response).status).toBe(302)
    expect((opened as Response).headers.get('Location')).toBe(
      `/proposals/${proposal.id}/consultation`,
    )
    expect(await countUnread(db, staff.id)).toBe(0)
  })

  it('touches only one’s own notifications', async () => {
    const { db } = app().database
    const { staff, proposer } = await consultationOpened(db)
    const theirs = (
      await notificationsLoader(args('/notifications', await sessionCookieFor(db, staff.id)))
    ).notifications[0]!
    const cookie = await sessionCookieFor(db, proposer.id)
    expect(
      await statusOf(() =>
        notificationsAction(args('/notifications', cookie, { intent: 'open', id: theirs.id })),
      ),
    ).toBe(404)
    expect(
      await statusOf(() =>
        notificationsAction(args('/notifications', cookie, { intent: 'read-all' })),
      ),
    ).toBe(302)
    expect(await countUnread(db, staff.id)).toBe(1)
    expect(
      await statusOf(() =>
        notificationsAction(args('/notifications', cookie, { intent: 'open', id: 'nonsense' })),
      ),
    ).toBe(400)
  })

  it('the development outbox is for administrators, and shows what would have been sent', async () => {
    const { db } = app().database
    const { admin, staff } = await consultationOpened(db)
    const outbox = await outboxLoader(args('/dev/outbox', await sessionCookieFor(db, admin.id)))
    expect(outbox.messages).toHaveLength(1)
    expect(outbox.messages[0]).toMatchObject({ to: staff.email, status: 'captured' })
    const staffCookie = await sessionCookieFor(db, staff.id)
    expect(await statusOf(() => outboxLoader(args('/dev/outbox', staffCookie)))).toBe(403)
    expect(await statusOf(() => outboxLoader(args('/dev/outbox', '')))).toBe(302)
  })
})
