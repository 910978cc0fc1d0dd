import crypto from 'node:crypto'
import { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { type Queryable } from '#db/client.server'
import { findFileHead, insertFileHead, lockFileKey, setFileSize } from '#db/files.server'
import { ContentMismatchError, readWhole, SHA256, StorageError, type FileStore } from './file-store'

export type S3Settings = {
  /** An S3-compatible service's address; unset for AWS itself (found from the region). */
  endpoint?: string
  region: string
  bucket: string
  accessKeyId?: string
  secretAccessKey?: string
  /** bucket in the path (`https://host/bucket/key`), as most S3-compatible services want. */
  forcePathStyle: boolean
}

export type S3Bucket = { client: S3Client; bucket: string }

/** 5 MiB, S3's smallest multipart part: an upload holds at most one part in memory. */
const PART_BYTES = 5 * 1024 * 1024

export function s3Bucket(settings: S3Settings): S3Bucket {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // The SDK's default CRC checksums are refused by several S3-compatible
    // services; every file is checked against its own SHA-256 here instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return { client, bucket: settings.bucket }
}

/**
 * Files as objects in an S3-compatible bucket, for services that prefer object
 * storage; the database keeps each file's row (`stored_files`), written in the
 * transaction of the row naming it, so "a row without its file" is still
 * refused. The object is uploaded inside that transaction: should it roll back,
 * the object stays in the bucket unnamed (docs/decisions/021-files-in-the-database.md).
 * A put and a discard of one key take the same lock, so a discard never
 * deletes an object that a new row has just come to name.
 */
export function s3FileStore(db: Queryable, { client, bucket }: S3Bucket): FileStore {
  return {
    async put(sha256, source) {
      if (!SHA256.test(sha256)) throw new Error('Not a file address')
      return db.transaction(async (tx) => {
        await lockFileKey(tx, sha256)
        if (!(await insertFileHead(tx, sha256))) return false
        const hash = crypto.createHash('sha256')
        let size = 0
        async function* hashed() {
          for await (const piece of Buffer.isBuffer(source) ? [source] : source) {
            hash.update(piece)
            size += piece.byteLength
            yield piece
          }
        }
        try {
          const upload = new Upload({
            client,
            params: { Bucket: bucket, Key: sha256, Body: Readable.from(hashed()), ContentType: 'application/octet-stream' },
            partSize: PART_BYTES,
            queueSize: 1,
            leavePartsOnError: false,
          })
          await upload.done()
        } catch (cause) {
          throw new StorageError(`The bucket ${bucket} would not take the file`, { cause })
        }
        const actual = hash.digest('hex')
        if (actual !== sha256) {
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: sha256 }))
          throw new ContentMismatchError(sha256, actual)
        }
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
      // Fetched when the body is first read, so a missing object is an error of the stream, as a missing chunk is.
      async function* chunks() {
        let body: Readable
        try {
          const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: sha256 }))
          body = object.Body as Readable
        } catch (cause) {
          throw new Error(`Stored file ${sha256} could not be read from the bucket ${bucket}`, { cause })
        }
        yield* body
      }
      return { byteSize: head.byteSize, body: Readable.from(chunks(), { objectMode: false }) }
    },

    async exists(sha256) {
      return SHA256.test(sha256) && (await findFileHead(db, sha256)) !== undefined
    },

    async discardUnnamed(sha256) {
      if (!SHA256.test(sha256)) return
      await db.transaction(async (tx) => {
        await lockFileKey(tx, sha256)
        if (await findFileHead(tx, sha256)) return
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: sha256 }))
      })
    },
  }
}
