import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'
import { actorFor } from '~/workflow/actor.server'
import { addIntakeAttachment } from '~/workflow/intake/intake.server'
import { dumpAllTables } from '#tests/support/database-dump'
import { docxBytes, pdfBytes } from '#tests/support/documents'
import { createOrganisation, createProposal, createUser } from '#tests/support/factories'
import { postgresServer } from './support/postgres'
import { startServer } from './support/server'

// The restore drill (README, "Backup and restore"): seed a service through the
// real app (its demo proposals at every stage, signed records included) and
// attach papers, back up, wipe, restore into a fresh database, and
// `npm run probity -- verify` (the built CLI, no tsx) must pass with every row
// present, byte for byte. On the embedded database with `probity backup` and
// `restore`; on PostgreSQL with the documented pg_dump and pg_restore.

const root = path.resolve(import.meta.dirname, '../..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-drill-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}
const probity = (env: Record<string, string>, ...args: string[]) => run(process.execPath, ['scripts/probity.mjs', ...args], env)

/** The demo service, seeded by the app itself, and two papers attached to a draft of its own. */
async function seed(env: Record<string, string>, dataDir: string, open: () => Promise<DatabaseHandle>) {
  const server = await startServer({ dataDir, env: { SEED_DEMO_STAGES: 'true', ...env } })
  await server.stop()
  const handle = await open()
  try {
    const { db } = handle
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const proposal = await createProposal(db, org.id, chief.id)
    for (const [name, bytes] of [
      ['Draft contract.pdf', pdfBytes('drill contract')],
      ['Heads of terms.docx', docxBytes()],
    ] as const) {
      const attached = await addIntakeAttachment(db, { actor: actorFor(chief), organisationId: org.id, proposalId: proposal.id, filename: name, bytes })
      expect(attached.ok).toBe(true)
    }
    return await dumpAllTables(db)
  } finally {
    await handle.close()
  }
}

function expectVerified(result: { code: number | null; output: string }) {
  expect(result.output).toContain('All verified.')
  expect(result.output).toMatch(/Audit chains: [1-9]\d* chains/)
  expect(result.output).toMatch(/Holding: \d+ organisation\(s\), [1-9]\d* proposal\(s\), 2 attachment\(s\), [1-9]\d* signed record\(s\)/)
  expect(result.code).toBe(0)
}

describe('restore drill on the embedded database', () => {
  it('backs up, refuses while Probity runs, restores into a fresh DATA_DIR, and verifies with every row present', { timeout: 600_000 }, async () => {
    const dataDir = path.join(work, 'pglite-source')
    await seed({}, dataDir, () => openPglite(path.join(dataDir, 'pglite')))
    const backup = path.join(work, 'probity.backup.tgz')

    // While the app runs, the data directory is its own: the backup refuses, saying why.
    const server = await startServer({ dataDir, env: { SEED_DEMO: 'false' } })
    const refused = probity({ DATA_DIR: dataDir }, 'backup', backup)
    await server.stop()
    expect(refused.code).toBe(2)
    expect(refused.output).toContain('is in use by another Probity process')
    expect(fs.existsSync(backup)).toBe(false)

    // What the backup must hold, read once that run is over (its job queue wrote its own rows).
    const source = await openPglite(path.join(dataDir, 'pglite'))
    const before = await dumpAllTables(source.db).finally(() => source.close())
    const made = probity({ DATA_DIR: dataDir }, 'backup', backup)
    expect(made.output).toContain('Backed up the embedded database')
    expect(made.code).toBe(0)
    expect(probity({ DATA_DIR: dataDir }, 'backup', backup).output).toContain('exists already')

    fs.rmSync(dataDir, { recursive: true, force: true })
    const fresh = path.join(work, 'pglite-restored')
    const restored = probity({ DATA_DIR: fresh }, 'restore', backup)
    expect(restored.output).toContain('Restored')
    expect(restored.code).toBe(0)
    expect(probity({ DATA_DIR: fresh }, 'restore', backup).output).toContain('already holds a database')

    expectVerified(probity({ DATA_DIR: fresh }, 'verify'))
    const handle = await openPglite(path.join(fresh, 'pglite'))
    try {
      expect(await dumpAllTables(handle.db)).toEqual(before)
    } finally {
      await handle.close()
    }
  })
})

describe('restore drill on PostgreSQL', () => {
  it('backs up with pg_dump, restores with pg_restore into a fresh database, and verifies with every row present', { timeout: 600_000 }, async () => {
    const pg = postgresServer()
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} })
    const stamp = `${process.pid}_${Date.now()}`
    const [source, target] = [`drill_source_${stamp}`, `drill_target_${stamp}`]
    const urlOf = (name: string) => {
      const url = new URL(pg.url)
      url.pathname = `/${name}`
      return url.toString()
    }
    try {
      await admin.unsafe(`create database ${source}`)
      const dataDir = path.join(work, 'pg-instance')
      const before = await seed({ DATABASE_URL: urlOf(source) }, dataDir, () => openPostgres(urlOf(source)))
      const backup = path.join(work, 'probity.pgdump')

      // The commands the README gives, run while nothing else is stopped: pg_dump reads one consistent snapshot.
      const dumped = run('pg_dump', ['--format=custom', `--file=${backup}`, urlOf(source)])
      expect(dumped.output).toBe('')
      expect(dumped.code).toBe(0)
      await admin.unsafe(`drop database ${source} with (force)`)
      await admin.unsafe(`create database ${target}`)
      const restored = run('pg_restore', ['--no-owner', `--dbname=${urlOf(target)}`, backup])
      expect(restored.output).toBe('')
      expect(restored.code).toBe(0)

      // A fresh instance, no DATA_DIR of the old one: the database holds everything.
      expectVerified(probity({ DATABASE_URL: urlOf(target), DATA_DIR: path.join(work, 'pg-fresh') }, 'verify'))
      const handle = await openPostgres(urlOf(target), { max: 1 })
      try {
        expect(await dumpAllTables(handle.db)).toEqual(before)
      } finally {
        await handle.close()
      }
    } finally {
      await admin.unsafe(`drop database if exists ${source} with (force)`)
      await admin.unsafe(`drop database if exists ${target} with (force)`)
      await admin.end()
      pg.stop()
    }
  })
})
