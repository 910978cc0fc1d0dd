import { sql } from 'drizzle-orm'
import { type Database } from '#db/client.server'

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres-js answers with the rows; PGlite with an object holding them.
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows
}

/**
 * Counts the rows written to every table (but `exclude`), by a row trigger on
 * each, so that a test can ask after each of thousands of requests which
 * tables it wrote to, in one cheap query. Tables are found through
 * information_schema when installed: every table the migrations made is
 * covered, those added tomorrow included. For test databases only.
 */
export async function installWriteCounter(
  db: Database,
  { exclude = [] }: { exclude?: string[] } = {},
) {
  await db.execute(
    sql`create table if not exists test_write_counts (name text primary key, n bigint not null)`,
  )
  await db.execute(
    sql.raw(`create or replace function test_count_write() returns trigger language plpgsql as $$
    begin
      insert into test_write_counts (name, n) values (tg_table_schema || '.' || tg_table_name, 1)
      on conflict (name) do update set n = test_write_counts.n + 1;
      return null;
    end $$`),
  )
  const tables = rowsOf(
    await db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        and table_name <> 'test_write_counts'`),
  ).filter((t) => !exclude.includes(String(t.table_name)))
  for (const t of tables) {
    const name = `"${String(t.table_schema)}"."${String(t.table_name)}"`
    await db.execute(sql.raw(`drop trigger if exists test_count_write on ${name}`))
    await db.execute(
      sql.raw(
        `create trigger test_count_write after insert or update or delete on ${name} for each row execute function test_count_write()`,
      ),
    )
  }
  const counts = async () =>
    new Map(
      rowsOf(await db.execute(sql`select name, n::text as n from test_write_counts`)).map((r) => [
        String(r.name),
        String(r.n),
      ]),
    )
  let last = await counts()
  return {
    tables: tables.length,
    /** After writes of the test's own: they are not the next request's. */
    async reset() {
      last = await counts()
    },
    /** The tables written to since the last call (or reset). */
    async written(): Promise<string[]> {
      const now = await counts()
      const changed = [...now].filter(([name, n]) => last.get(name) !== n).map(([name]) => name)
      last = now
      return changed.sort()
    },
  }
}
