import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { insertNotifications } from '#db/notifications.server'
import { insertAccountToken } from '#db/account-tokens.server'
import { insertSession } from '#db/sessions.server'
import { accountTokens, notifications, outboxMessages, sessions, signInFailures } from '#db/schema'
import { addDays, serviceDate } from '~/utils/calendar'
import { applyRetention } from '~/workflow/scheduled/apply-retention.server'
import { sendReminders } from '~/workflow/scheduled/send-reminders.server'
import { openedStaffConsultation, TEST_MAIL } from '#tests/support/consultation'
import { createOrganisation, createUser } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ OUTBOX_RETENTION_DAYS: '30' })
const DAY = 24 * 60 * 60 * 1000

describe(`scheduled jobs (${databaseKind()})`, () => {
  it('retention deletes sent e-mail past its period, expired sessions and account links, stale sign-in failures and long-read notices, and nothing else', async () => {
    const { db } = app().database
    const now = new Date()
    const org = await createOrganisation(db)
    const person = await createUser(db, org.id, ['staff'])
    const mail = (subject: string, status: 'sent' | 'failed' | 'pending', sentAt: Date | null) => ({
      organisationId: org.id,
      toAddress: person.email,
      subject,
      body: 'Body',
      status,
      sentAt,
    })
    await db.insert(outboxMessages).values([
      mail('old sent', 'sent', new Date(now.getTime() - 31 * DAY)),
      mail('recent sent', 'sent', new Date(now.getTime() - 29 * DAY)),
      mail('old failed', 'failed', null),
      mail('waiting', 'pending', null),
    ])
    await insertSession(db, `expired-${person.id}`, person.id, new Date(now.getTime() - 1000))
    await insertSession(db, `live-${person.id}`, person.id, new Date(now.getTime() + DAY))
    await db.insert(signInFailures).values([
      { key: `stale-${person.id}`, at: new Date(now.getTime() - 16 * 60_000) },
      { key: `fresh-${person.id}`, at: new Date(now.getTime() - 60_000) },
    ])
    const link = (tokenHash: string, expiresAt: Date) => insertAccountToken(db, { userId: person.id, purpose: 'invitation', tokenHash, expiresAt })
    await link(`expired-${person.id}`, new Date(now.getTime() - 1000))
    await link(`live-${person.id}`, new Date(now.getTime() + DAY))
    await insertNotifications(db, ['long read', 'unread'].map((title) => ({ organisationId: org.id, userId: person.id, kind: 'test', title, body: '', link: '/' })))
    await db
      .update(notifications)
      .set({ readAt: new Date(now.getTime() - 400 * DAY) })
      .where(and(eq(notifications.userId, person.id), eq(notifications.title, 'long read')))

    const deleted = await applyRetention(db, app().config, now)
    expect(deleted).toMatchObject({ sentEmail: 1, expiredSessions: 1, expiredAccountLinks: 1, signInFailures: 1, readNotifications: 1 })
    const left = await db.select({ subject: outboxMessages.subject }).from(outboxMessages).where(eq(outboxMessages.organisationId, org.id))
    expect(left.map((m) => m.subject).sort()).toEqual(['old failed', 'recent sent', 'waiting'])
    expect((await db.select().from(sessions).where(eq(sessions.userId, person.id))).map((s) => s.id)).toEqual([`live-${person.id}`])
    expect((await db.select().from(accountTokens).where(eq(accountTokens.userId, person.id))).map((t) => t.tokenHash)).toEqual([`live-${person.id}`])
    expect((await db.select().from(notifications).where(eq(notifications.userId, person.id))).map((n) => n.title)).toEqual(['unread'])
    expect(await applyRetention(db, app().config, now)).toMatchObject({ sentEmail: 0, expiredSessions: 0, expiredAccountLinks: 0, readNotifications: 0 })
  })

  it('reminds the proposer once that the staff consultation closes soon, however often the reminder job runs', async () => {
    const { db } = app().database
    const { proposer, proposal } = await openedStaffConsultation(db, { staff: 1, mail: TEST_MAIL })
    const closesOn = addDays(serviceDate(new Date()), 20)
    const dayBefore = new Date(`${addDays(closesOn, -1)}T12:00:00Z`)
    const remindersFor = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, proposer.id), eq(notifications.kind, 'consultation.closing')))
    // A week before closing: not yet.
    await sendReminders(db, TEST_MAIL, new Date(`${addDays(closesOn, -7)}T12:00:00Z`))
    expect(await remindersFor()).toEqual([])
    const first = await sendReminders(db, TEST_MAIL, dayBefore)
    const again = await sendReminders(db, TEST_MAIL, dayBefore)
    expect(first.closing).toBeGreaterThanOrEqual(1)
    expect(again.closing).toBe(0)
    const notices = await remindersFor()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ link: `/proposals/${proposal.id}/consultation` })
    const emails = await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, proposer.email))
    expect(emails.filter((m) => m.subject.startsWith('The staff consultation on'))).toHaveLength(1)
  })
})
