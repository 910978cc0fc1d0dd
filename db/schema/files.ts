import { sql } from 'drizzle-orm'
import { check, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

// postgres-js hands bytea back as a Buffer, PGlite as a Uint8Array: both become a Buffer without a copy.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
})

/**
 * Every stored file (attachments, signed records), named by the SHA-256 of its
 * bytes, so that a database backup is a complete backup and instances share
 * nothing but the database (docs/decisions/021-files-in-the-database.md).
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    sha256: text('sha256').primaryKey(),
    byteSize: integer('byte_size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('stored_files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
)

/** A file's bytes in chunks, so that neither a write nor a read holds a whole file in memory. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => storedFiles.sha256, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.seq] })],
)
