import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { isContentReferenced } from '#db/attachments.server'
import { type Queryable } from '#db/client.server'
import { detectDocumentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL, type DocumentType } from './document-type'

// The limits live with the document types so that pages can show them; server code may import them from here.
export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL }

/**
 * Attachment files live at DATA_DIR/attachments/<organisation>/<sha256>: named
 * by their content, never by what the uploader called them, so no file name
 * can reach the file system.
 */
export function attachmentPath(dataDir: string, organisationId: string, sha256: string) {
  if (!/^[0-9a-f-]{36}$/.test(organisationId) || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new Error('Not an attachment address')
  }
  return path.join(dataDir, 'attachments', organisationId, sha256)
}

export type CheckedUpload =
  | { ok: true; bytes: Buffer; sha256: string; type: DocumentType; filename: string }
  | { ok: false; message: string }

/** The name shown for a file: its last path part, without control characters, shortened. */
export function displayName(filename: string, type: DocumentType): string {
  const base = filename.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f<>"]/g, '').trim().slice(0, 150)
  return clean || `document.${type.extension}`
}

export function checkUpload(filename: string, bytes: Buffer): CheckedUpload {
  if (bytes.length === 0) return { ok: false, message: 'That file is empty' }
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: `Attach files of at most ${MAX_ATTACHMENT_LABEL}` }
  const type = detectDocumentType(bytes)
  if (!type) return { ok: false, message: 'Attach a PDF, Word (.docx) or OpenDocument (.odt) file: this file is none of those' }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  return { ok: true, bytes, sha256, type, filename: displayName(filename, type) }
}

/** The disk is full or the data directory cannot be written: the person can only wait and tell someone. */
export class StorageError extends Error {}

/**
 * Writes the file (atomically, once per content) before its row is inserted;
 * returns whether it was new. A failed write leaves nothing behind, not even
 * part of a file, and says why in words a person can pass on.
 */
export function writeAttachmentFile(dataDir: string, organisationId: string, sha256: string, bytes: Buffer): boolean {
  const target = attachmentPath(dataDir, organisationId, sha256)
  if (fs.existsSync(target)) return false
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 })
    fs.writeFileSync(temp, bytes, { mode: 0o600 })
    fs.renameSync(temp, target)
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true })
    } catch {
      // Nothing was written where nothing can be.
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new StorageError(`The file could not be stored (${code}), so nothing was attached. Tell your administrator, and try again later.`)
  }
  return true
}

/** After a row is deleted, or its insert failed: no file without a row. */
export async function removeFileIfUnreferenced(db: Queryable, dataDir: string, organisationId: string, sha256: string) {
  if (await isContentReferenced(db, organisationId, sha256)) return
  fs.rmSync(attachmentPath(dataDir, organisationId, sha256), { force: true })
}

export function readAttachmentFile(dataDir: string, organisationId: string, sha256: string): Buffer | undefined {
  try {
    return fs.readFileSync(attachmentPath(dataDir, organisationId, sha256))
  } catch {
    return undefined
  }
}
