import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsFolder, openPglite } from '#db/client.server'
import { users } from '#db/schema'
import { createFromTemplate, ensureTemplate, templateKey } from '#db/pglite-template.server'

/**
 * A new embedded database is a copy of a migrated template (ADR 029). These
 * run on PGlite whatever the suite's database: the template is PGlite's.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-template-test-'))
const journal = () =>
  (JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries
let previous: string | undefined

beforeAll(() => {
  // A template directory of this file's own, so the install's is left alone.
  previous = process.env.PGLITE_TEMPLATE_DIR
  process.env.PGLITE_TEMPLATE_DIR = path.join(scratch, 'templates')
})
afterAll(() => {
  if (previous === undefined) delete process.env.PGLITE_TEMPLATE_DIR
  else process.env.PGLITE_TEMPLATE_DIR = previous
  fs.rmSync(scratch, { recursive: true, force: true })
})

async function appliedMigrations(dir: string) {
  const client = new PGlite(dir)
  try {
    return (await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]!.n
  } finally {
    await client.close()
  }
}

describe('the embedded database template', () => {
  it('is made once, even by two processes at once, and a new database is a copy holding every migration and no data', async () => {
    const [a, b] = await Promise.all([ensureTemplate(migrationsFolder()), ensureTemplate(migrationsFolder())])
    expect(a).toBe(b)
    expect(fs.readdirSync(path.join(scratch, 'templates'))).toEqual([templateKey(migrationsFolder())])

    const dir = path.join(scratch, 'data', 'pglite')
    const handle = await openPglite(dir)
    try {
      expect(await handle.db.$count(users)).toBe(0)
    } finally {
      await handle.close()
    }
    expect(await appliedMigrations(dir)).toBe(journal().length)
    // Writes to the copy never reach the template.
    expect(await appliedMigrations(a!)).toBe(journal().length)
  })

  it('is never used for a directory that holds a database already', async () => {
    const dir = path.join(scratch, 'existing')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '18\n')
    expect(await createFromTemplate(dir, migrationsFolder())).toBe(false)
    expect(fs.readdirSync(dir)).toEqual(['PG_VERSION'])
  })

  it('is a new one when the migrations change, so a stale template is never copied', async () => {
    const folder = path.join(scratch, 'migrations')
    fs.cpSync(migrationsFolder(), folder, { recursive: true })
    const before = templateKey(folder)
    const journalPath = path.join(folder, 'meta', '_journal.json')
    const parsed = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string; when: number; breakpoints: boolean; version: string }[] }
    const last = parsed.entries.at(-1)!
    parsed.entries.push({ ...last, idx: last.idx + 1, tag: '9999_template_test', when: last.when + 1 })
    fs.writeFileSync(journalPath, JSON.stringify(parsed))
    fs.writeFileSync(path.join(folder, '9999_template_test.sql'), 'CREATE TABLE "template_test" ("id" integer PRIMARY KEY);\n')
    expect(templateKey(folder)).not.toBe(before)

    const dir = path.join(scratch, 'newer', 'pglite')
    expect(await createFromTemplate(dir, folder)).toBe(true)
    expect(await appliedMigrations(dir)).toBe(journal().length + 1)
    // Only the newest template is kept.
    expect(fs.readdirSync(path.join(scratch, 'templates'))).toEqual([templateKey(folder)])
  })

  it('is not used with PGLITE_TEMPLATE_DIR=none', async () => {
    process.env.PGLITE_TEMPLATE_DIR = 'none'
    try {
      expect(await createFromTemplate(path.join(scratch, 'none', 'pglite'), migrationsFolder())).toBe(false)
    } finally {
      process.env.PGLITE_TEMPLATE_DIR = path.join(scratch, 'templates')
    }
  })
})
