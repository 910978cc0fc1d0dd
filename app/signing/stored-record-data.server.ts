import crypto from 'node:crypto'
import { type Queryable } from '#db/client.server'
import { findPublicRecord, type PublicRecord } from '#db/records.server'
import { readEmbeddedRecord, type EmbeddedRecord } from '~/pdf/embedded-record.server'
import { notFound } from '~/utils/auth.server'
import { isUuid } from '~/utils/ids'
import { readRecordFile } from './issue-record.server'

/**
 * The data a stored record carries, read from the signed file itself (not
 * from the database), for its accessible page and its JSON download. Only a
 * file that still has the SHA-256 recorded when it was signed is read.
 */
export type StoredRecordData =
  | { ok: true; row: PublicRecord; embedded: EmbeddedRecord }
  | { ok: false; reason: 'not_found' | 'unreadable' | 'changed' | 'no_data' }

export async function storedRecordData(db: Queryable, id: string): Promise<StoredRecordData> {
  const row = await findPublicRecord(db, { id })
  if (!row) return { ok: false, reason: 'not_found' }
  let pdf: Buffer | undefined
  try {
    pdf = await readRecordFile(db, row)
  } catch {
    pdf = undefined
  }
  if (!pdf) return { ok: false, reason: 'unreadable' }
  if (crypto.createHash('sha256').update(pdf).digest('hex') !== row.sha256) return { ok: false, reason: 'changed' }
  const embedded = await readEmbeddedRecord(pdf)
  return embedded ? { ok: true, row, embedded } : { ok: false, reason: 'no_data' }
}

/** Why there is no data to show, in words for a 404/409 page. */
export const STORED_DATA_PROBLEMS: Record<Exclude<StoredRecordData, { ok: true }>['reason'], string> = {
  not_found: 'No record has that link. Check it was copied in full.',
  unreadable: 'The stored copy of this record cannot be read.',
  changed: 'The stored copy no longer matches the hash recorded when it was signed, so its data is not shown.',
  no_data: 'This record was issued before records carried their data; the signed PDF is the record.',
}

/** The stored data of the record a public address names, or a 404 page saying why there is none. */
export async function requireStoredRecordData(db: Queryable, key: string | undefined) {
  const id = (key ?? '').toLowerCase()
  if (!isUuid(id)) notFound(STORED_DATA_PROBLEMS.not_found)
  const stored = await storedRecordData(db, id)
  if (!stored.ok) notFound(STORED_DATA_PROBLEMS[stored.reason])
  return { id, ...stored }
}
