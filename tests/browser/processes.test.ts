import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmptyDatabase } from '#tests/support/test-database'
import { postgresServer, type PostgresServer } from './support/postgres'
import { freePort, spawnServer, startServer } from './support/server'

const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')) as {
  entries: unknown[]
}

describe('starting Probity processes', () => {
  it.each([
    { name: 'PORT', value: 'abc' },
    { name: 'DATABASE_URL', value: 'mysql://localhost/probity' },
    { name: 'SESSION_SECRET', value: 'too short' },
  ])('stops with a message naming $name when it is $value', async ({ name, value }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-config-'))
    try {
      const { exited } = spawnServer({
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        [name]: value,
      })
      const { code, output } = await exited
      expect(code).not.toBe(0)
      expect(output).toContain('Invalid configuration')
      expect(output).toMatch(new RegExp(`^\\s*${name}: `, 'm'))
      expect(output).not.toMatch(/\n\s+at /)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses a second process on the same embedded data directory, naming it, and the first runs on', async () => {
    const first = await startServer()
    try {
      const { exited } = spawnServer({
        PORT: String(await freePort()),
        DATA_DIR: first.dataDir,
        SEED_DEMO: 'true',
      })
      const { code, output } = await exited
      expect(code).not.toBe(0)
      expect(output).toContain(
        `The data directory ${first.dataDir} is in use by another Probity process`,
      )
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
    } finally {
      await first.stop()
    }
  })

  describe('two processes against one fresh PostgreSQL database', () => {
    let server: PostgresServer | undefined
    beforeAll(() => {
      server = postgresServer()
    })
    afterAll(() => server?.stop())

    it('start together, apply each migration once, and both serve requests', async () => {
      const database = await createEmptyDatabase(server!.url)
      try {
        const env = { DATABASE_URL: database.url, SESSION_SECRET: 'x'.repeat(48) }
        const started = await Promise.allSettled([startServer({ env }), startServer({ env })])
        const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
        try {
          for (const s of started) if (s.status === 'rejected') throw s.reason
          for (const instance of instances) {
            const response = await fetch(`${instance.url}/healthz`)
            expect(response.status).toBe(200)
            expect(await response.json()).toEqual({ status: 'ok', database: 'postgres' })
          }
          const sql = postgres(database.url, { max: 1, onnotice: () => {} })
          try {
            const rows = await sql<{ hash: string; copies: number }[]>`
              select hash, count(*)::int as copies from drizzle.__drizzle_migrations group by hash`
            expect(rows).toHaveLength(journal.entries.length)
            expect(rows.every((r) => r.copies === 1)).toBe(true)
            const [demo] = await sql<
              { count: number }[]
            >`select count(*)::int as count from organisations`
            expect(demo?.count).toBe(1)
          } finally {
            await sql.end()
          }
        } finally {
          await Promise.all(instances.map((i) => i.stop()))
        }
      } finally {
        await database.drop()
      }
    })
  })
})
