import crypto from 'node:crypto'
import postgres from 'postgres'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default;
 * with TEST_DATABASE_URL (set by scripts/test.sh) a new database on that real
 * PostgreSQL server, dropped again on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) return openPglite()
  const name = `probity_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openPostgres(url.toString(), { max: 5 })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

export function databaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
}
