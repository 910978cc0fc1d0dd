import { eq } from 'drizzle-orm'
import { type PgBoss } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findOutboxMessage } from '#db/notifications.server'
import { outboxMessages } from '#db/schema'
import { action as retryAction, loader as deadLetterLoader } from '~/routes/admin.mail'
import { loader as outboxLoader } from '~/routes/dev.outbox'
import { mailSettings } from '~/utils/mail.server'
import { startScheduledWork, stopScheduledWork } from '~/workflow/scheduled/start-scheduled-work.server'
import { openedStaffConsultation } from '#tests/support/consultation'
import { makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { eventually, startSmtp, type TestSmtp } from '#tests/support/smtp'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// A real SMTP server, and the queue's workers running as in production; no
// page is opened to make anything go out. Retries are a second apart here.
let smtp: TestSmtp
const env: Record<string, string> = { MAIL_RETRY_LIMIT: '2', MAIL_RETRY_DELAY_SECONDS: '1', QUEUE_POLL_SECONDS: '0.5' }
beforeAll(async () => {
  smtp = await startSmtp()
  env.SMTP_URL = smtp.url
})
const app = setupTestApp(env)
let boss: PgBoss
beforeAll(async () => {
  boss = await startScheduledWork(app())
})
afterAll(async () => {
  await stopScheduledWork(boss)
  await smtp.close()
})

const status = async (id: string) => (await findOutboxMessage(app().database.db, id))?.status

describe(`e-mail through SMTP, sent by the queue (${databaseKind()})`, () => {
  it('sends each member of staff an e-mail once the consultation has opened, and the outbox page does not exist', async () => {
    const { db } = app().database
    const { org, admin, staff } = await openedStaffConsultation(db, {
      staff: 2,
      mail: mailSettings(app().config),
      values: { title: 'Police drop-in' },
    })
    const addresses = staff.map((s) => s.email).sort()
    await eventually(() => addresses.every((a) => smtp.received.some((m) => m.to.includes(a))), 'both e-mails delivered')
    const mine = smtp.received.filter((m) => m.to.some((a) => addresses.includes(a)))
    expect(mine.flatMap((m) => m.to).sort()).toEqual(addresses)
    expect(mine[0]!.data).toContain('Subject: Staff consultation open: Police drop-in')
    // The relay has it a moment before the worker records it as sent.
    const statuses = async () => (await db.select().from(outboxMessages).where(eq(outboxMessages.organisationId, org.id))).map((r) => r.status)
    await eventually(async () => (await statuses()).every((s) => s === 'sent'), 'both recorded as sent')
    expect(await statuses()).toEqual(['sent', 'sent'])
    const cookie = await sessionCookieFor(db, admin.id)
    expect(
      await statusOf(() => outboxLoader({ request: makeRequest('/dev/outbox', { cookie }), params: {}, context: {} })),
    ).toBe(404)
  })

  it('retries a message the mail server refuses, waiting longer each time, and delivers it once the server accepts again', async () => {
    const { db } = app().database
    smtp.refusing = true
    const { org, staff } = await openedStaffConsultation(db, { staff: 1, mail: mailSettings(app().config) })
    const address = staff[0]!.email
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.organisationId, org.id))
    // Two refusals: the first try and the first retry; the last retry is let through.
    await eventually(() => smtp.refused.filter((a) => a === address).length >= 2, 'two refused tries')
    smtp.refusing = false
    expect(await status(row!.id)).toBe('pending')
    await eventually(async () => (await status(row!.id)) === 'sent', 'the message sent')
    expect(smtp.received.filter((m) => m.to.includes(address))).toHaveLength(1)
    const sent = await findOutboxMessage(db, row!.id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    // pg-boss kept the job's back-off: each retry waited longer than the one before.
    const [job] = await boss.findJobs('mail-deliver', { data: { messageId: row!.id } })
    expect(job).toMatchObject({ retryCount: 2, retryBackoff: true, retryDelay: 1, state: 'completed' })
  })

  it('sets aside a message every try failed, lists it for administrators without its body, and sends it when retried', async () => {
    const { db } = app().database
    smtp.refusing = true
    const { org, admin, staff } = await openedStaffConsultation(db, {
      staff: 1,
      mail: mailSettings(app().config),
      values: { title: 'Bookshop concession' },
    })
    const address = staff[0]!.email
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.organisationId, org.id))
    await eventually(async () => (await status(row!.id)) === 'failed', 'the message set aside', 45_000)
    expect(smtp.refused.filter((a) => a === address)).toHaveLength(3)
    const cookie = await sessionCookieFor(db, admin.id)
    const page = (await deadLetterLoader({ request: makeRequest('/admin/mail', { cookie }), params: {}, context: {} })) as {
      failed: Record<string, unknown>[]
    }
    expect(page.failed).toEqual([
      expect.objectContaining({ id: row!.id, to: address, subject: 'Staff consultation open: Bookshop concession', attempts: 3 }),
    ])
    expect(JSON.stringify(page)).not.toContain(row!.body)
    expect(JSON.stringify(page)).not.toContain('Dear ')

    smtp.refusing = false
    const retried = await retryAction({
      request: makeRequest('/admin/mail', { cookie, form: { intent: 'retry', messageId: row!.id } }),
      params: {},
      context: {},
    })
    expect(retried).toMatchObject({ notice: expect.stringContaining('back in line') })
    await eventually(async () => (await status(row!.id)) === 'sent', 'the retried message sent')
    expect(smtp.received.filter((m) => m.to.includes(address))).toHaveLength(1)
    // Retrying it again is refused plainly: it is no longer failed.
    expect(
      await statusOf(() =>
        retryAction({ request: makeRequest('/admin/mail', { cookie, form: { intent: 'retry', messageId: row!.id } }), params: {}, context: {} }),
      ),
    ).toBe(409)
  })
})
