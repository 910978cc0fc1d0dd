import fs from 'node:fs'
import path from 'node:path'
import { type Queryable } from '#db/client.server'
import { countRowsWithoutFile, listFileReferences } from '#db/files.server'
import { CHUNK_BYTES } from './database.server'
import { ContentMismatchError, SHA256 } from './file-store'
import { fileStore } from './index.server'

/** A file in DATA_DIR is not what its row says: nothing of it was imported. */
export class DataDirImportError extends Error {}

export type ImportReport = {
  imported: number
  /** Rows whose file is neither stored nor in this DATA_DIR (another instance's may hold it). */
  withoutFile: { attachments: number; records: number }
}

const UUID = /^[0-9a-f-]{36}$/

/**
 * Moves files written by earlier versions (DATA_DIR/attachments/<org>/<sha256>
 * and DATA_DIR/records/<org>/<id>.pdf) into the file store, once. Each file is
 * hashed as it streams in and kept only if it matches the SHA-256 its row
 * recorded; it is deleted from disk only after it is committed. Run again, it
 * finds nothing to do. Any mismatch is refused, listed, and left on disk.
 */
export async function importDataDirFiles(db: Queryable, dataDir: string): Promise<ImportReport> {
  const attachmentsDir = path.join(dataDir, 'attachments')
  const recordsDir = path.join(dataDir, 'records')
  let imported = 0
  if (fs.existsSync(attachmentsDir) || fs.existsSync(recordsDir)) {
    const refs = await listFileReferences(db)
    const candidates = [
      ...refs.attachments
        .filter((a) => UUID.test(a.organisationId) && SHA256.test(a.sha256))
        .map((a) => ({ sha256: a.sha256, file: path.join(attachmentsDir, a.organisationId, a.sha256) })),
      ...refs.records
        .filter((r) => !r.filePath.split(/[\\/]/).includes('..'))
        .map((r) => ({ sha256: r.sha256, file: path.join(recordsDir, r.filePath) })),
    ]
    const refused: string[] = []
    const store = fileStore(db)
    for (const { sha256, file } of candidates) {
      if (!fs.existsSync(file)) continue
      const source = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })
      try {
        if (await store.put(sha256, source)) imported++
      } catch (error) {
        if (!(error instanceof ContentMismatchError)) throw error
        refused.push(`${file}: its SHA-256 is ${error.actual}, but its row recorded ${sha256}`)
        continue
      } finally {
        source.destroy()
      }
      fs.rmSync(file, { force: true })
    }
    if (refused.length) {
      throw new DataDirImportError(
        `${refused.length} file(s) in ${dataDir} do not match the SHA-256 recorded when they were stored, so they were not ` +
          `moved into the database:\n${refused.map((r) => `  ${r}`).join('\n')}\n` +
          'Put back the original files (from a backup of DATA_DIR) and start again; the other files were moved in.',
      )
    }
    removeEmptyDirectories(attachmentsDir)
    removeEmptyDirectories(recordsDir)
  }
  return { imported, withoutFile: await countRowsWithoutFile(db) }
}

function removeEmptyDirectories(dir: string) {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirectories(path.join(dir, entry.name))
  }
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir)
}
