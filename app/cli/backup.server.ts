import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { lockDataDirectory } from '#db/pglite-lock.server'
import { parseConfig } from '~/utils/config.server'
import { CommandError } from './command-error'
import { type DirectoryCommand } from './probity.server'

export const PG_DUMP_HINT =
  'With DATABASE_URL set, the database is PostgreSQL: back it up with pg_dump, which holds every file too ' +
  '(README, "Backup and restore"): pg_dump --format=custom --file=FILE "$DATABASE_URL"'

/**
 * The embedded database's whole data directory, as one gzipped tarball
 * (PGlite's dumpDataDir). The data directory's lock is taken first, so the
 * copy is consistent: Probity must be stopped for the seconds it takes, and a
 * running Probity makes the command refuse (docs/decisions/021-files-in-the-database.md).
 */
export async function backupEmbedded(dataDir: string, target: string): Promise<number> {
  const pgDir = path.join(dataDir, 'pglite')
  if (!fs.existsSync(pgDir)) throw new CommandError(`There is no embedded database in ${dataDir} to back up.`)
  if (fs.existsSync(target)) throw new CommandError(`${target} exists already; name a new file, so that no backup is overwritten.`)
  const release = lockDataDirectory(dataDir)
  try {
    const pg = new PGlite(pgDir)
    let dump: Blob
    try {
      await pg.waitReady
      dump = await pg.dumpDataDir('gzip')
    } finally {
      await pg.close()
    }
    const temp = `${target}.${process.pid}.partial`
    try {
      fs.writeFileSync(temp, Buffer.from(await dump.arrayBuffer()), { mode: 0o600, flag: 'wx' })
      fs.renameSync(temp, target)
    } finally {
      fs.rmSync(temp, { force: true })
    }
    return dump.size
  } finally {
    release()
  }
}

export const backupCommand: DirectoryCommand = async (env, args) => {
  const { positionals } = parseArgs({ args, allowPositionals: true })
  const [target] = positionals
  if (!target) throw new CommandError('Name the file to write: npm run probity -- backup FILE')
  const config = parseConfig(env)
  if (config.DATABASE_URL) throw new CommandError(PG_DUMP_HINT)
  const bytes = await backupEmbedded(config.dataDir, path.resolve(target))
  return { code: 0, out: `Backed up the embedded database in ${config.dataDir} to ${target} (${bytes} bytes).` }
}
