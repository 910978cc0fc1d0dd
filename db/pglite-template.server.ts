import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'

/**
 * A new embedded database costs seconds of CPU: PGlite runs initdb in WASM,
 * then every migration. An empty, migrated data directory made once (by
 * `npm run build`, or by the first start that needs one) is copied instead
 * (docs/decisions/029-fast-start.md). It holds only the schema: no data, no
 * secret, no date. Its name is the hash of the migrations and of PGlite's
 * version, so a new migration or a new PGlite makes a new template and a
 * stale one is never used; the caller still runs the migrator after the
 * copy, which finds nothing to do.
 */

const require = createRequire(import.meta.url)

function pgliteVersion(): string {
  // The package's exports do not include package.json; it sits above its entry.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'))
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort()
}

/** What a template is made of: every migration file (journal, SQL, snapshots) and the PGlite that ran them. */
export function templateKey(migrationsFolder: string): string {
  const hash = crypto.createHash('sha256').update(`pglite ${pgliteVersion()}\n`)
  for (const file of filesUnder(migrationsFolder)) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(migrationsFolder, file))).update('\n')
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * Beside the install, in its .cache (ignored by git, like node_modules), or
 * where PGLITE_TEMPLATE_DIR says; `none` makes every database from scratch.
 */
export function templatesRoot(migrationsFolder: string): string | undefined {
  const chosen = process.env.PGLITE_TEMPLATE_DIR
  if (chosen === 'none') return undefined
  return chosen || path.resolve(migrationsFolder, '../../.cache/pglite-template')
}

async function migrateInto(client: PGlite, migrationsFolder: string) {
  await migrate(drizzle({ client }), { migrationsFolder })
}

/**
 * The template for these migrations, made now if there is none. Made in a
 * temporary directory and renamed into place, so a template that exists is
 * complete, and two processes making one at once both end with a good one.
 * Undefined when the install cannot hold one (a read-only directory): the
 * caller then makes its database the slow way.
 */
export async function ensureTemplate(migrationsFolder: string): Promise<string | undefined> {
  const root = templatesRoot(migrationsFolder)
  if (!root) return undefined
  const target = path.join(root, templateKey(migrationsFolder))
  if (fs.existsSync(target)) return target
  let making: string
  try {
    fs.mkdirSync(root, { recursive: true })
    making = fs.mkdtempSync(path.join(root, '.making-'))
  } catch {
    return undefined
  }
  try {
    const client = new PGlite(making)
    await client.waitReady
    try {
      await migrateInto(client, migrationsFolder)
    } finally {
      await client.close()
    }
    try {
      fs.renameSync(making, target)
    } catch (error) {
      // Another process got there first: keep its template.
      if (!fs.existsSync(target)) throw error
      fs.rmSync(making, { recursive: true, force: true })
    }
    // Older templates are for migrations this install no longer has.
    for (const old of fs.readdirSync(root)) {
      if (!old.startsWith(path.basename(target)) && !old.startsWith('.making-')) fs.rmSync(path.join(root, old), { recursive: true, force: true })
    }
    return target
  } catch (error) {
    fs.rmSync(making, { recursive: true, force: true })
    throw error
  }
}

// Test workers may be threads of one process: a pid alone does not tell them apart.
const unique = () => `${process.pid}-${crypto.randomBytes(4).toString('hex')}`

function holdsNothing(dir: string) {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0
}

async function copyTree(from: string, to: string) {
  await fs.promises.mkdir(to, { recursive: true })
  const entries = await fs.promises.readdir(from, { withFileTypes: true })
  // Many small files: copied side by side, and cloned where the file system can.
  await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? copyTree(path.join(from, e.name), path.join(to, e.name))
        : fs.promises.copyFile(path.join(from, e.name), path.join(to, e.name), fs.constants.COPYFILE_FICLONE),
    ),
  )
}

/**
 * Fills `dir` from the template when it holds no database yet. The copy goes
 * to a sibling first and is renamed into place, so a start cut off halfway
 * leaves no half-made database behind. False when there was nothing to do or
 * no template could be had.
 */
export async function createFromTemplate(dir: string, migrationsFolder: string): Promise<boolean> {
  if (!holdsNothing(dir)) return false
  const template = await ensureTemplate(migrationsFolder)
  if (!template) return false
  const staging = `${dir}.copying-${unique()}`
  fs.rmSync(staging, { recursive: true, force: true })
  try {
    await copyTree(template, staging)
    if (fs.existsSync(dir)) fs.rmdirSync(dir)
    fs.renameSync(staging, dir)
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    throw error
  }
  return true
}

/** The template as a tarball PGlite loads into memory (`loadDataDir`), for in-memory databases. */
export async function templateTarball(migrationsFolder: string): Promise<Blob | undefined> {
  const template = await ensureTemplate(migrationsFolder)
  if (!template) return undefined
  const tarball = `${template}.tar`
  if (!fs.existsSync(tarball)) {
    const scratch = await copyToScratch(template)
    const client = new PGlite(scratch)
    await client.waitReady
    const blob = await client.dumpDataDir('none')
    await client.close()
    fs.rmSync(scratch, { recursive: true, force: true })
    const partial = `${tarball}.${unique()}`
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()))
    fs.renameSync(partial, tarball)
  }
  return fs.openAsBlob(tarball)
}

// The template itself is never opened: opening a database writes to it.
async function copyToScratch(template: string) {
  const scratch = `${template}.scratch-${unique()}`
  fs.rmSync(scratch, { recursive: true, force: true })
  await copyTree(template, scratch)
  return scratch
}
