import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { openPglite, type Database } from '#db/client.server'
import { loadOrCreateSecret } from '~/utils/secrets.server'
import { setupServer } from './server'

/**
 * A server of the file's own over data the file seeds first, through the real
 * use cases, on the embedded database in a fresh data directory (with the
 * server secret the server will then use). The directory goes once the server
 * has stopped: hooks run in the order written and, after the tests, in reverse.
 */
export function setupSeededServer(name: string, seed: (db: Database, secret: string, dataDir: string) => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `probity-${name}-`))
  beforeAll(async () => {
    const handle = await openPglite(path.join(dataDir, 'pglite'))
    try {
      await seed(handle.db, loadOrCreateSecret(dataDir), dataDir)
    } finally {
      await handle.close()
    }
  }, 300_000)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  return { dataDir, server: setupServer({ dataDir, env: { SEED_DEMO: 'false' } }) }
}
