import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type PgBoss } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgres } from '#db/client.server'
import { queueEmails } from '#db/notifications.server'
import { outboxMessages } from '#db/schema'
import { type AppContext } from '~/utils/app-context.server'
import { parseConfig } from '~/utils/config.server'
import { kickDelivery } from '~/utils/mail.server'
import { startScheduledWork, stopScheduledWork } from '~/workflow/scheduled/start-scheduled-work.server'
import { postgresServer, type PostgresServer } from '#tests/browser/support/postgres'
import { createOrganisation } from '#tests/support/factories'
import { eventually, startSmtp, type TestSmtp } from '#tests/support/smtp'
import { createEmptyDatabase } from '#tests/support/test-database'

// Two instances of Probity's scheduled work, each with its own connections, on
// one PostgreSQL database (this file's own, on TEST_DATABASE_URL's server or a
// throwaway one), sending through one real SMTP server.
let pg: PostgresServer
let database: Awaited<ReturnType<typeof createEmptyDatabase>>
let smtp: TestSmtp
const instances: { context: AppContext; boss: PgBoss }[] = []

beforeAll(async () => {
  pg = postgresServer()
  database = await createEmptyDatabase(pg.url)
  smtp = await startSmtp()
  for (let i = 0; i < 2; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-instance-'))
    const config = parseConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      QUEUE_POLL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '1',
    })
    const context = { config, database: await openPostgres(database.url, { max: 3 }), secret: crypto.randomBytes(32).toString('base64url') }
    instances.push({ context, boss: await startScheduledWork(context) })
  }
})
afterAll(async () => {
  for (const { context, boss } of instances) {
    await stopScheduledWork(boss)
    await context.database.close()
    fs.rmSync(context.config.dataDir, { recursive: true, force: true })
  }
  await smtp?.close()
  await database?.drop()
  pg?.stop()
})

describe('e-mail with two instances on one PostgreSQL database', () => {
  it('sends each message exactly once, whichever instance sweeps and delivers it', async () => {
    const [first, second] = instances
    const org = await createOrganisation(first!.context.database.db)
    const addresses = Array.from({ length: 40 }, (_, i) => `person-${i}@two-instances.example`)
    // Half queued through each instance, as requests landing on either would.
    for (const [n, { context }] of instances.entries()) {
      await queueEmails(
        context.database.db,
        addresses.filter((_, i) => i % 2 === n).map((to) => ({ organisationId: org.id, toAddress: to, subject: 'Notice', body: `For ${to}` })),
        'pending',
      )
    }
    // Both sweep at once.
    await Promise.all(instances.map(({ boss }) => boss.send('mail-sweep')))
    kickDelivery()
    await eventually(() => smtp.received.length >= addresses.length, 'every message delivered')
    // Sweeping again finds nothing new to queue.
    await Promise.all(instances.map(({ boss }) => boss.send('mail-sweep')))
    await eventually(async () => (await second!.boss.getQueue('mail-deliver'))!.queuedCount + (await second!.boss.getQueue('mail-deliver'))!.activeCount === 0, 'the queue empty')
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort())
    const rows = await first!.context.database.db.select().from(outboxMessages)
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 0)).toBe(true)
    // One delivery job per message, though both instances swept twice.
    expect(await first!.boss.findJobs('mail-deliver')).toHaveLength(addresses.length)
  })
})
