import { type Readable } from 'node:stream'

/**
 * Where attachments and signed records keep their bytes, addressed by the
 * SHA-256 of those bytes. One transport today, `database`
 * (docs/decisions/021-files-in-the-database.md); another (an object store)
 * implements the same four calls.
 */
export interface FileStore {
  /**
   * Stores the bytes under their hash. The content is hashed as it is written
   * and refused (nothing kept) unless it matches `sha256`. Returns false when
   * the content was already stored, without reading `source`.
   */
  put(sha256: string, source: Buffer | AsyncIterable<Uint8Array>): Promise<boolean>
  /** The whole file, for the few callers that need every byte at once (checking a record's signature). */
  get(sha256: string): Promise<Buffer | undefined>
  /** The file chunk by chunk, for downloads: memory stays flat whatever the size. */
  stream(sha256: string): Promise<{ byteSize: number; body: Readable } | undefined>
  exists(sha256: string): Promise<boolean>
  /**
   * After the transaction that deleted the last row naming a file has
   * committed: lets go of bytes kept outside the database (the bucket's
   * object). Does nothing while a row names the file again.
   */
  discardUnnamed(sha256: string): Promise<void>
}

/** The bytes offered are not the bytes named: nothing was stored. */
export class ContentMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`The content's SHA-256 is ${actual}, not ${expected} as named: it was not stored.`)
  }
}

/** The store would not take the file (full, read-only, unreachable): the person can only wait and tell someone. */
export class StorageError extends Error {}

export const SHA256 = /^[0-9a-f]{64}$/

/** The whole of a streamed file: `get` in terms of `stream`, for every transport. */
export async function readWhole(store: Pick<FileStore, 'stream'>, sha256: string): Promise<Buffer | undefined> {
  const file = await store.stream(sha256)
  if (!file) return undefined
  const parts: Buffer[] = []
  for await (const part of file.body) parts.push(part as Buffer)
  return Buffer.concat(parts)
}
