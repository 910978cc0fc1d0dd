import { and, asc, eq, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { rowsOf } from './rows'
import { attachments, decisionRecords, fileChunks, storedFiles } from './schema/index'

/** True when this call created the file's row; false when the content was already stored. */
export async function insertFileHead(db: Queryable, sha256: string): Promise<boolean> {
  const rows = await db
    .insert(storedFiles)
    .values({ sha256, byteSize: 0 })
    .onConflictDoNothing()
    .returning({ sha256: storedFiles.sha256 })
  return rows.length === 1
}

/** Serialises writers and removers of one file (released when the transaction ends). */
export async function lockFileKey(db: Queryable, sha256: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${sha256}, 0))`)
}

export async function setFileSize(db: Queryable, sha256: string, byteSize: number) {
  await db.update(storedFiles).set({ byteSize }).where(eq(storedFiles.sha256, sha256))
}

// Chunks cross as hex text, decoded by the database: PGlite's own bytea
// parameter and result handling is about ten times slower for 256 KiB values
// (a 10 MB upload took 12 s rather than 1.3 s; bench/file-storage.ts), and on
// PostgreSQL hex costs little beside the network.
export async function insertChunk(db: Queryable, sha256: string, seq: number, data: Buffer) {
  await db.insert(fileChunks).values({ sha256, seq, data: sql`decode(${data.toString('hex')}, 'hex')` })
}

export async function readChunk(db: Queryable, sha256: string, seq: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ hex: sql<string>`encode(${fileChunks.data}, 'hex')` })
    .from(fileChunks)
    .where(and(eq(fileChunks.sha256, sha256), eq(fileChunks.seq, seq)))
  return row ? Buffer.from(row.hex, 'hex') : undefined
}

export async function findFileHead(db: Queryable, sha256: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256))
  return row
}

export function listFileHeads(db: Queryable) {
  return db.select().from(storedFiles).orderBy(asc(storedFiles.sha256))
}

const unreferenced = sql`not exists (select 1 from attachments a where a.sha256 = ${storedFiles.sha256})
  and not exists (select 1 from decision_records r where r.sha256 = ${storedFiles.sha256})`

/** After a row naming it is deleted: the file goes when nothing names it any more. True when it went. */
export async function deleteFileIfUnreferenced(db: Queryable, sha256: string): Promise<boolean> {
  const rows = await db
    .delete(storedFiles)
    .where(and(eq(storedFiles.sha256, sha256), unreferenced))
    .returning({ sha256: storedFiles.sha256 })
  return rows.length > 0
}

/** What rows name files, and where each file lived before files moved into the database. */
export async function listFileReferences(db: Queryable) {
  const attachmentRows = await db
    .selectDistinct({ organisationId: attachments.organisationId, sha256: attachments.sha256 })
    .from(attachments)
  const recordRows = await db.select({ filePath: decisionRecords.filePath, sha256: decisionRecords.sha256 }).from(decisionRecords)
  return { attachments: attachmentRows, records: recordRows }
}

/** Rows whose file is not stored: counted at start, and by `probity verify`. */
export async function countRowsWithoutFile(db: Queryable) {
  const [row] = rowsOf<{ attachments: number; records: number }>(
    await db.execute(sql`select
    (select count(*)::int from attachments a where not exists (select 1 from stored_files f where f.sha256 = a.sha256)) as attachments,
    (select count(*)::int from decision_records r where not exists (select 1 from stored_files f where f.sha256 = r.sha256)) as records`),
  )
  return row!
}
