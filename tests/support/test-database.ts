import crypto from 'node:crypto'
import postgres from 'postgres'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'

/** A new, empty database on a real PostgreSQL server, and a way to drop it again. */
export async function createEmptyDatabase(serverUrl: string) {
  const name = `probity_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default;
 * with TEST_DATABASE_URL (set by scripts/test.sh) a new database on that real
 * PostgreSQL server, dropped again on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) return openPglite()
  const database = await createEmptyDatabase(serverUrl)
  const handle = await openPostgres(database.url, { max: 5 })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      await database.drop()
    },
  }
}

export function databaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
}
