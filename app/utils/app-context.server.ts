import path from 'node:path'
import { openPglite, openPostgres, type Database, type DatabaseHandle } from '#db/client.server'
import { lockDataDirectory } from '#db/pglite-lock.server'
import { parseConfig, type Config } from './config.server'
import { configureFileStorage } from './storage/index.server'
import { loadOrCreateSecret } from './secrets.server'

export type AppContext = {
  config: Config
  database: DatabaseHandle
  /** Keys HMACs; never logged, never stored in the database. */
  secret: string
}

// One context per process; kept on globalThis so that Vite's module reloads in
// development do not open the embedded database twice.
const holder = globalThis as typeof globalThis & { __probity?: Promise<AppContext> }

export async function createAppContext(env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const config = parseConfig(env)
  configureFileStorage(config)
  const secret = loadOrCreateSecret(config.dataDir, config.SESSION_SECRET)
  let database: DatabaseHandle
  if (config.DATABASE_URL) {
    database = await openPostgres(config.DATABASE_URL)
  } else {
    const release = lockDataDirectory(config.dataDir)
    try {
      database = await openPglite(path.join(config.dataDir, 'pglite'))
    } catch (error) {
      release()
      throw error
    }
    const close = database.close
    database = { ...database, close: async () => (await close(), release()) }
  }
  return { config, database, secret }
}

export function bootOnce(init: () => Promise<AppContext>): Promise<AppContext> {
  holder.__probity ??= init()
  return holder.__probity
}

/** Tests install their own context (an in-memory database, a fixed secret). */
export function setAppContext(context: AppContext) {
  holder.__probity = Promise.resolve(context)
}

export async function appContext(): Promise<AppContext> {
  if (!holder.__probity) throw new Error('Probity has not booted')
  return holder.__probity
}

export async function getDb(): Promise<Database> {
  return (await appContext()).database.db
}
