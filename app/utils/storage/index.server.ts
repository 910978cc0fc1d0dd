import { type Queryable } from '#db/client.server'
import { type Config } from '../config.server'
import { databaseFileStore } from './database.server'
import { type FileStore } from './file-store'
import { s3Bucket, s3FileStore, type S3Bucket } from './s3.server'

export { ContentMismatchError, StorageError, type FileStore } from './file-store'

// Set once at boot from the configuration; one process has one transport.
let objectStore: S3Bucket | undefined

/**
 * Chooses where file bytes go for this process: the database by default, an
 * S3-compatible bucket with STORAGE_TRANSPORT=s3
 * (docs/decisions/021-files-in-the-database.md).
 */
export function configureFileStorage(config: Config) {
  objectStore =
    config.STORAGE_TRANSPORT === 's3'
      ? s3Bucket({
          endpoint: config.S3_ENDPOINT,
          region: config.S3_REGION,
          bucket: config.S3_BUCKET!,
          accessKeyId: config.S3_ACCESS_KEY_ID,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
        })
      : undefined
}

/** The file store over this database or transaction, with the configured transport. */
export function fileStore(db: Queryable): FileStore {
  return objectStore ? s3FileStore(db, objectStore) : databaseFileStore(db)
}
