import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { type Database } from '#db/client.server'
import { storedFiles } from '#db/schema'
import { fileStore } from '~/utils/storage/index.server'

/** The SHA-256 of every file the database holds. */
export async function storedFileKeys(db: Database): Promise<string[]> {
  return (await db.select({ sha256: storedFiles.sha256 }).from(storedFiles)).map((r) => r.sha256).sort()
}

/** A stored file written out where poppler can read it, as anyone downloading it would. */
export async function writeStoredFile(db: Database, sha256: string, dir: string): Promise<string> {
  const bytes = await fileStore(db).get(sha256)
  if (!bytes) throw new Error(`no stored file ${sha256}`)
  const file = path.join(dir, `${sha256}.pdf`)
  fs.writeFileSync(file, bytes)
  return file
}

/** Makes the database refuse every file write, as a full disk would; returns the undo. */
export async function refuseFileWrites(db: Database): Promise<() => Promise<void>> {
  await db.execute(sql`create function refuse_file_chunk() returns trigger language plpgsql as $$
    begin raise exception 'could not extend file: No space left on device'; end $$`)
  await db.execute(sql`create trigger refuse_file_chunk before insert on file_chunks for each row execute function refuse_file_chunk()`)
  return async () => {
    await db.execute(sql`drop trigger refuse_file_chunk on file_chunks`)
    await db.execute(sql`drop function refuse_file_chunk()`)
  }
}
