import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { type AppContext, setAppContext } from '~/utils/app-context.server'
import { parseConfig } from '~/utils/config.server'
import { createTestDatabase } from './test-database'

/**
 * Installs an app context for the test file: a fresh database, a temporary
 * data directory and a random server secret. Returns a getter because the
 * context exists only once beforeAll has run.
 */
export function setupTestApp(env: Record<string, string> = {}): () => AppContext {
  let context: AppContext | undefined
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-test-'))
    const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', ...env })
    context = {
      config,
      database: await createTestDatabase(),
      secret: crypto.randomBytes(32).toString('base64url'),
    }
    setAppContext(context)
  })
  afterAll(async () => {
    if (!context) return
    await context.database.close()
    fs.rmSync(context.config.dataDir, { recursive: true, force: true })
  })
  return () => {
    if (!context) throw new Error('setupTestApp: context is only ready inside tests')
    return context
  }
}
