import fs from 'node:fs'
import path from 'node:path'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'
import { lockDataDirectory } from '#db/pglite-lock.server'
import { type Config } from '~/utils/config.server'
import { CommandError } from './command'

/**
 * The app's database, as the app opens it. The embedded one belongs to one
 * process: its lock is taken, so a running Probity makes the command refuse
 * (DataDirectoryInUseError) rather than read a database being written.
 */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, { max: 2 })
  const pgDir = path.join(config.dataDir, 'pglite')
  if (!fs.existsSync(pgDir)) throw new CommandError(`There is no embedded database in ${config.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`)
  const release = lockDataDirectory(config.dataDir)
  try {
    const handle = await openPglite(pgDir)
    return { ...handle, close: async () => (await handle.close(), release()) }
  } catch (error) {
    release()
    throw error
  }
}
