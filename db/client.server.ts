import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { createFromTemplate, ensureTemplate, templateTarball } from './pglite-template.server'
import * as schema from './schema/index'
import { countTransactions, statementCounter } from './statement-count.server'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Query functions take either, so that callers decide the transaction. */
export type Queryable = Database | Transaction

export type DatabaseHandle = {
  db: Database
  kind: 'pglite' | 'postgres'
  /** What the job queue connects through: the embedded database itself, or the server's URL. */
  queue: { pglite: PGlite } | { url: string }
  close: () => Promise<void>
}

// Any fixed 64-bit number, shared by every instance, serialises migrations.
const MIGRATION_LOCK_KEY = 7_301_942_115

export function migrationsFolder(): string {
  const beside = fileURLToPath(new URL('./migrations', import.meta.url))
  if (fs.existsSync(beside)) return beside
  // In the built server bundle this module lives in build/server.
  return path.resolve(process.cwd(), 'db/migrations')
}

/**
 * An embedded database: in memory when `dir` is undefined, else persisted
 * there. A new one starts as a copy of the migrated template
 * (db/pglite-template.server.ts); the migrator then finds nothing to do.
 */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  const folder = migrationsFolder()
  let client: PGlite
  if (dir) {
    await createFromTemplate(dir, folder)
    client = new PGlite(dir)
  } else {
    const template = await templateTarball(folder)
    client = template ? new PGlite({ loadDataDir: template }) : new PGlite()
  }
  await client.waitReady
  const db = countTransactions(drizzlePglite({ client, schema, logger: statementCounter }) as unknown as Database)
  await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: folder })
  return { db, kind: 'pglite', queue: { pglite: client }, close: () => client.close() }
}

/** Makes the embedded database template now (`npm run build` does), so that no start has to. */
export function preparePgliteTemplate(): Promise<string | undefined> {
  return ensureTemplate(migrationsFolder())
}

export async function openPostgres(
  url: string,
  options: { max?: number } = {},
): Promise<DatabaseHandle> {
  await migrateWithLock(url)
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // A restarted server drops every connection; postgres-js reconnects on the next query.
    idle_timeout: 60,
    connect_timeout: 10,
    // While the server is down a request should fail at once (the app answers
    // 503), not queue behind reconnects that back off up to 20 s by default.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  })
  const db = countTransactions(drizzlePostgres({ client, schema, logger: statementCounter }) as unknown as Database)
  return { db, kind: 'postgres', queue: { url }, close: () => client.end({ timeout: 5 }) }
}

/**
 * Several app instances may start together against one server: the advisory
 * lock makes the second wait while the first migrates, then find nothing to do.
 */
async function migrateWithLock(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: migrationsFolder() })
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
    }
  } finally {
    await client.end({ timeout: 5 })
  }
}

export async function isDatabaseUsable(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`)
    return true
  } catch {
    return false
  }
}
