import net from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxMessages } from '#db/schema'
import { loader as outboxLoader } from '~/routes/dev.outbox'
import { deliveryIdle, mailSettings } from '~/utils/mail.server'
import { openedStaffConsultation } from '#tests/support/consultation'
import { makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// A port in this suite's range, known before the app context is made.
const SMTP_PORT = 4402
const app = setupTestApp({ SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}` })

/** Just enough of an SMTP server to accept mail and remember who it was for. */
const received: { to: string[]; data: string }[] = []
let smtp: net.Server
beforeAll(async () => {
  smtp = net.createServer((socket) => {
    let to: string[] = []
    let data: string | null = null
    let buffer = ''
    socket.write('220 test ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1')
      let end: number
      while ((end = buffer.indexOf(data === null ? '\r\n' : '\r\n.\r\n')) >= 0) {
        if (data !== null) {
          received.push({ to, data: buffer.slice(0, end) })
          buffer = buffer.slice(end + 5)
          data = null
          to = []
          socket.write('250 queued\r\n')
          continue
        }
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') {
          socket.write('250 test\r\n')
        } else if (verb === 'RCPT') {
          to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1'))
          socket.write('250 ok\r\n')
        } else if (verb === 'DATA') {
          data = ''
          socket.write('354 go ahead\r\n')
        } else if (verb === 'QUIT') {
          socket.write('221 bye\r\n')
          socket.end()
        } else {
          socket.write('250 ok\r\n')
        }
      }
    })
  })
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve))
})
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

describe(`e-mail through SMTP (${databaseKind()})`, () => {
  it('sends each member of staff an e-mail once the consultation has opened, and the outbox page does not exist', async () => {
    const { db } = app().database
    const { org, admin, staff } = await openedStaffConsultation(db, {
      staff: 2,
      mail: mailSettings(app().config),
      values: { title: 'Police drop-in' },
    })
    await deliveryIdle()
    expect(received.flatMap((m) => m.to).sort()).toEqual(staff.map((s) => s.email).sort())
    expect(received[0]!.data).toContain('Subject: Staff consultation open: Police drop-in')
    const rows = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.organisationId, org.id))
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent'])
    const cookie = await sessionCookieFor(db, admin.id)
    expect(
      await statusOf(() =>
        outboxLoader({ request: makeRequest('/dev/outbox', { cookie }), params: {}, context: {} }),
      ),
    ).toBe(404)
  })
})
