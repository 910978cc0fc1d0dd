import crypto from 'node:crypto'
import { Readable } from 'node:stream'
import { type Queryable } from '#db/client.server'
import { findFileHead, insertChunk, insertFileHead, readChunk, setFileSize } from '#db/files.server'
import { ContentMismatchError, readWhole, SHA256, type FileStore } from './file-store'

/** 256 KiB: few rows per file, and no row large enough to matter to memory. */
export const CHUNK_BYTES = 256 * 1024

/** Cuts any sequence of byte arrays into chunks of exactly CHUNK_BYTES (the last one shorter). */
async function* rechunk(source: Buffer | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(source)) {
    for (let at = 0; at < source.length; at += CHUNK_BYTES) yield source.subarray(at, at + CHUNK_BYTES)
    return
  }
  let pending: Buffer[] = []
  let pendingBytes = 0
  for await (const piece of source) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength))
    pendingBytes += piece.byteLength
    while (pendingBytes >= CHUNK_BYTES) {
      const joined = Buffer.concat(pending)
      yield joined.subarray(0, CHUNK_BYTES)
      pending = [joined.subarray(CHUNK_BYTES)]
      pendingBytes -= CHUNK_BYTES
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending)
}

function checkKey(sha256: string) {
  if (!SHA256.test(sha256)) throw new Error('Not a file address')
}

/**
 * Files as rows of the database Probity already uses, so that its backup holds
 * them. Given a transaction, a put stands or falls with it: no row ever names
 * a file that is not there.
 */
export function databaseFileStore(db: Queryable): FileStore {
  return {
    async put(sha256, source) {
      checkKey(sha256)
      return db.transaction(async (tx) => {
        if (!(await insertFileHead(tx, sha256))) return false
        const hash = crypto.createHash('sha256')
        let seq = 0
        let size = 0
        for await (const chunk of rechunk(source)) {
          hash.update(chunk)
          await insertChunk(tx, sha256, seq++, chunk)
          size += chunk.length
        }
        const actual = hash.digest('hex')
        if (actual !== sha256) throw new ContentMismatchError(sha256, actual)
        await setFileSize(tx, sha256, size)
        return true
      })
    },

    async get(sha256) {
      return readWhole(this, sha256)
    },

    async stream(sha256) {
      if (!SHA256.test(sha256)) return undefined
      const head = await findFileHead(db, sha256)
      if (!head) return undefined
      async function* chunks() {
        for (let seq = 0, sent = 0; sent < head!.byteSize; seq++) {
          const chunk = await readChunk(db, sha256, seq)
          if (!chunk) throw new Error(`Stored file ${sha256} is missing chunk ${seq}`)
          sent += chunk.length
          yield chunk
        }
      }
      return { byteSize: head.byteSize, body: Readable.from(chunks(), { objectMode: false }) }
    },

    async exists(sha256) {
      return SHA256.test(sha256) && (await findFileHead(db, sha256)) !== undefined
    },

    // The chunks went with their row, in its transaction (ON DELETE CASCADE).
    async discardUnnamed() {},
  }
}
