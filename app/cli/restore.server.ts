import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { openPglite } from '#db/client.server'
import { lockDataDirectory } from '#db/pglite-lock.server'
import { parseConfig } from '~/utils/config.server'
import { CommandError } from './command-error'
import { type DirectoryCommand } from './probity.server'

export const PG_RESTORE_HINT =
  'With DATABASE_URL set, the database is PostgreSQL: restore a pg_dump backup into a new, empty database with ' +
  'pg_restore (README, "Backup and restore"): pg_restore --no-owner --dbname="$DATABASE_URL" FILE'

/**
 * A backup made by `probity backup`, unpacked into DATA_DIR/pglite, which must
 * not hold a database yet: a restore never overwrites data. The restored
 * database is then opened as the app opens it, so that a backup from an
 * earlier version is migrated.
 */
export async function restoreEmbedded(dataDir: string, source: string) {
  if (!fs.existsSync(source)) throw new CommandError(`There is no backup file ${source}.`)
  const pgDir = path.join(dataDir, 'pglite')
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
    throw new CommandError(
      `${pgDir} already holds a database. Restore into an empty DATA_DIR, or move that directory aside first.`,
    )
  }
  const release = lockDataDirectory(dataDir)
  try {
    let pg: PGlite
    try {
      pg = await PGlite.create({ dataDir: pgDir, loadDataDir: await fs.openAsBlob(source) })
    } catch (error) {
      fs.rmSync(pgDir, { recursive: true, force: true })
      throw new CommandError(`${source} is not a backup this command can read (${error instanceof Error ? error.message : String(error)}).`)
    }
    await pg.close()
    const handle = await openPglite(pgDir)
    await handle.close()
  } finally {
    release()
  }
}

export const restoreCommand: DirectoryCommand = async (env, args) => {
  const { positionals } = parseArgs({ args, allowPositionals: true })
  const [source] = positionals
  if (!source) throw new CommandError('Name the backup to restore: npm run probity -- restore FILE')
  const config = parseConfig(env)
  if (config.DATABASE_URL) throw new CommandError(PG_RESTORE_HINT)
  await restoreEmbedded(config.dataDir, path.resolve(source))
  return { code: 0, out: `Restored ${source} into ${config.dataDir}. Check it with: npm run probity -- verify` }
}
