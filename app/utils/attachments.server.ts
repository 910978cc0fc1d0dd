import crypto from 'node:crypto'
import { type Queryable } from '#db/client.server'
import { deleteFileIfUnreferenced } from '#db/files.server'
import { fixedT } from './i18n'
import { DEFAULT_LOCALE, type Locale } from './locale'
import { detectDocumentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL, type DocumentType } from './document-type'
import { fileStore, StorageError } from './storage/index.server'

export { StorageError }

// The limits live with the document types so that pages can show them; server code may import them from here.
export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL }

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

/** `locale`: the reader's language, for the words of a refusal (English by default). */
export function checkUpload(filename: string, bytes: Buffer, locale: Locale = DEFAULT_LOCALE): CheckedUpload {
  const t = fixedT(locale, 'validation')
  if (bytes.length === 0) return { ok: false, message: t('intake.fileEmpty') }
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: t('intake.attachTooLarge', { size: MAX_ATTACHMENT_LABEL }) }
  const type = detectDocumentType(bytes)
  if (!type) return { ok: false, message: t('intake.notADocument') }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  return { ok: true, bytes, sha256, type, filename: displayName(filename, type) }
}

/**
 * Stores the file in the caller's transaction, before its row is inserted: the
 * row and its bytes are committed together or not at all.
 */
export async function storeAttachmentFile(tx: Queryable, sha256: string, bytes: Buffer, locale: Locale = DEFAULT_LOCALE) {
  try {
    await fileStore(tx).put(sha256, bytes)
  } catch (cause) {
    throw new StorageError(fixedT(locale, 'validation')('intake.notStored'), { cause })
  }
}

/**
 * After an attachment row is deleted, in the same transaction: no file without
 * a row. True when the file's row went too: then, once the transaction has
 * committed, `discardUnnamedFile` lets go of any bytes kept outside the database.
 */
export async function removeFileIfUnreferenced(tx: Queryable, sha256: string): Promise<boolean> {
  return deleteFileIfUnreferenced(tx, sha256)
}

export async function discardUnnamedFile(db: Queryable, sha256: string) {
  await fileStore(db).discardUnnamed(sha256)
}
