import crypto from 'node:crypto'
import { Writable } from 'node:stream'
import { type PgBoss } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessions } from '#db/schema'
import { action as consultationAction } from '~/routes/proposals.$id.consultation._index'
import { action as loginAction } from '~/routes/login'
import { createLogger, logger, setLogger } from '~/utils/log.server'
import { mailSettings } from '~/utils/mail.server'
import { startScheduledWork, stopScheduledWork } from '~/workflow/scheduled/start-scheduled-work.server'
import { sendReminders } from '~/workflow/scheduled/send-reminders.server'
import { openedStaffConsultation } from '#tests/support/consultation'
import { decideAndSign, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { makeRequest, sessionCookieFor, TEST_PASSWORD } from '#tests/support/factories'
import { eventually, startSmtp, type TestSmtp } from '#tests/support/smtp'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// Everything Probity logs, at the most detailed level, while a whole case runs.
const lines: string[] = []
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    done()
  },
})
const previous = logger()
let smtp: TestSmtp
const env: Record<string, string> = { QUEUE_POLL_SECONDS: '0.5', MAIL_RETRY_DELAY_SECONDS: '1' }
beforeAll(async () => {
  setLogger(createLogger('trace', capture))
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
  setLogger(previous)
})

describe(`what the log holds after a whole case (${databaseKind()})`, () => {
  it('no line carries a password, a session token or id, an e-mail body, a receipt, or who raised an anonymous concern', async () => {
    const { db } = app().database
    const { secret } = app()
    const mail = mailSettings(app().config)

    // Proposal → screening → consultation (a named and an anonymous concern) → decision, signed.
    const c = await visaCaseAtDecision(db, { secret })
    const anonymousAuthor = c.staff[1]!
    await sendReminders(db, mail, new Date())
    await decideAndSign(db, {
      proposal: c.proposal,
      chief: c.chief,
      values: await visaApproval(db, c.proposal, '2026-04-01'),
      signing: app().config,
      secret,
    })

    // Through the pages too: signing in (a wrong password, then the right one) and an anonymous concern.
    const form = (password: string) => ({ email: anonymousAuthor.email, password })
    await loginAction({ request: makeRequest('/login', { form: form('wrong password, not logged') }), params: {}, context: { clientAddress: '127.0.0.9' } }).catch((r: unknown) => r)
    const signedIn = await loginAction({ request: makeRequest('/login', { form: form(TEST_PASSWORD) }), params: {}, context: { clientAddress: '127.0.0.9' } }).catch(
      (r: unknown) => r,
    )
    const setCookie = (signedIn as Response).headers.get('Set-Cookie') ?? ''
    expect(setCookie).toContain('probity_session=')
    const consultation = await openedStaffConsultation(db, { staff: 2, mail, values: { title: 'Police drop-in' } })
    const author = consultation.staff[0]!
    const cookie = await sessionCookieFor(db, author.id)
    const concernText = `Worried about being seen ${crypto.randomUUID()}`
    const answered = (await consultationAction({
      request: makeRequest(`/proposals/${consultation.proposal.id}/consultation`, {
        cookie,
        form: { intent: 'concern.raise', category: 'safety', text: concernText, identity: 'anonymous' },
      }),
      params: { id: consultation.proposal.id },
      context: { clientAddress: '127.0.0.9' },
    })) as unknown as { data: { receipt: string | null } }
    const raised = answered.data
    expect(raised.receipt).toBeTruthy()
    await eventually(() => lines.filter((l) => l.includes('"msg":"e-mail sent"')).length >= 2, 'the consultation e-mails sent', 60_000)

    const sessionIds = (await db.select({ id: sessions.id }).from(sessions)).map((s) => s.id)
    const cookieValues = [setCookie, cookie].map((c) => decodeURIComponent(c.split(';')[0]!.split('=')[1]!))
    const bodies = smtp.received.flatMap((m) => m.data.split('\r\n\r\n').slice(1).join('\n').split(/\r?\n/)).filter((l) => l.length > 20)
    const forbidden = {
      password: [TEST_PASSWORD, 'wrong password, not logged'],
      sessionCookie: cookieValues,
      sessionId: sessionIds,
      receipt: [raised.receipt!],
      emailBody: bodies,
      concernText: [concernText],
      anonymousAuthor: [anonymousAuthor.id, anonymousAuthor.email, anonymousAuthor.name, author.id, author.email, author.name],
    }
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.some((l) => l.includes('"msg":"e-mail sent"'))).toBe(true)
    expect(bodies.length).toBeGreaterThan(0)
    for (const [kind, values] of Object.entries(forbidden)) {
      for (const value of values) {
        const leaking = lines.filter((l) => l.includes(value))
        expect(leaking, `${kind} in the log`).toEqual([])
      }
    }
    // Every line is one JSON object.
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  }, 240_000)
})
