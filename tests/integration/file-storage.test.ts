import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { ContentMismatchError, fileStore } from '~/utils/storage/index.server'
import { DataDirImportError, importDataDirFiles } from '~/utils/storage/import-data-dir.server'
import { pdfBytes } from '#tests/support/documents'
import { createOrganisation, createProposal, createUser } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

/** Pieces of uneven sizes, as a socket or file stream delivers them. */
async function* unevenly(bytes: Buffer) {
  for (let at = 0, n = 1; at < bytes.length; at += n, n = (n * 7 + 13) % 300_000) yield bytes.subarray(at, at + n)
}

describe(`the database file store (${databaseKind()})`, () => {
  it('stores a file of several chunks from a stream and gives back the same bytes, streamed or whole', async () => {
    const { db } = app().database
    const bytes = crypto.randomBytes(1_000_003)
    const store = fileStore(db)
    expect(await store.put(sha(bytes), unevenly(bytes))).toBe(true)
    expect(await store.put(sha(bytes), bytes)).toBe(false)
    const chunks = await db.execute(sql`select count(*)::int as n from file_chunks where sha256 = ${sha(bytes)}`)
    expect(JSON.stringify(chunks)).toContain('"n":4')
    expect((await store.get(sha(bytes)))!.equals(bytes)).toBe(true)
    const streamed = await store.stream(sha(bytes))
    expect(streamed!.byteSize).toBe(bytes.length)
    expect(await store.exists('0'.repeat(64))).toBe(false)
  })

  it('refuses content that is not what its key names, keeping nothing', async () => {
    const { db } = app().database
    const key = sha(Buffer.from('what was promised'))
    await expect(fileStore(db).put(key, Buffer.from('something else'))).rejects.toBeInstanceOf(ContentMismatchError)
    expect(await fileStore(db).exists(key)).toBe(false)
  })
})

/** An attachment row as an earlier version left it: its file in DATA_DIR, none in the database. */
async function legacyAttachment(db: Database, dataDir: string, bytes: Buffer, onDisk = bytes) {
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian'])
  const proposal = await createProposal(db, org.id, chief.id)
  // Rows from before the files moved in predate the foreign key (added NOT VALID): skip its check for this insert.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`)
    await tx.execute(sql`insert into attachments (organisation_id, proposal_id, purpose, filename, media_type, size, sha256, uploaded_by)
      values (${org.id}, ${proposal.id}, 'intake', 'old.pdf', 'application/pdf', ${bytes.length}, ${sha(bytes)}, ${chief.id})`)
  })
  const file = path.join(dataDir, 'attachments', org.id, sha(bytes))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, onDisk)
  return file
}

describe(`moving DATA_DIR files into the database at start (${databaseKind()})`, () => {
  it('moves each file in once, checked against its hash, and deletes it from disk', async () => {
    const { db } = app().database
    const dataDir = app().config.dataDir
    const bytes = pdfBytes(`old paper ${crypto.randomUUID()}`)
    const file = await legacyAttachment(db, dataDir, bytes)
    const first = await importDataDirFiles(db, dataDir)
    expect(first.imported).toBe(1)
    expect(first.withoutFile).toEqual({ attachments: 0, records: 0 })
    expect(fs.existsSync(file)).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'attachments'))).toBe(false)
    expect((await fileStore(db).get(sha(bytes)))!.equals(bytes)).toBe(true)
    expect((await importDataDirFiles(db, dataDir)).imported).toBe(0)
  })

  it('refuses a file whose bytes do not match its row, clearly, importing nothing of it and leaving it on disk', async () => {
    const { db } = app().database
    const dataDir = app().config.dataDir
    const bytes = pdfBytes(`original ${crypto.randomUUID()}`)
    const file = await legacyAttachment(db, dataDir, bytes, pdfBytes('altered on disk'))
    const error = await importDataDirFiles(db, dataDir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataDirImportError)
    expect((error as Error).message).toContain(`${file}: its SHA-256 is ${sha(pdfBytes('altered on disk'))}, but its row recorded ${sha(bytes)}`)
    expect(fs.existsSync(file)).toBe(true)
    expect(await fileStore(db).exists(sha(bytes))).toBe(false)
    fs.rmSync(file)
    // With the file gone, the row is reported as having none.
    expect((await importDataDirFiles(db, dataDir)).withoutFile.attachments).toBe(1)
  })
})
