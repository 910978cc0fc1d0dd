import { type Queryable } from '#db/client.server'
import { databaseFileStore } from './database.server'
import { type FileStore } from './file-store'

export { ContentMismatchError, StorageError, type FileStore } from './file-store'

/**
 * The file store over this database or transaction. Only the `database`
 * transport exists: an object-store transport was left out until it can be
 * tested against a real server (docs/decisions/021-files-in-the-database.md).
 */
export function fileStore(db: Queryable): FileStore {
  return databaseFileStore(db)
}
