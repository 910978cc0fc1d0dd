import { sql } from 'drizzle-orm'
import { type Database } from '#db/client.server'

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres-js answers with the rows; PGlite with an object holding them.
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows
}

/**
 * A hash of every row of every table, one per table, computed by the database
 * in one query: cheap enough to take around each of thousands of requests.
 * Tables are found through information_schema, so a table added later is
 * covered without changing the tests that use this.
 */
export async function digestTables(
  db: Database,
  { exclude = [] }: { exclude?: string[] } = {},
): Promise<Map<string, string>> {
  const tables = rowsOf(
    await db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`),
  )
    .map((t) => ({ schema: String(t.table_schema), name: String(t.table_name) }))
    .filter((t) => !exclude.includes(t.name))
  const parts = tables.map(
    (t) =>
      `select '${t.schema}.${t.name}' as name, md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as digest from "${t.schema}"."${t.name}" r`,
  )
  const rows = rowsOf(await db.execute(sql.raw(parts.join(' union all '))))
  return new Map(rows.map((r) => [String(r.name), String(r.digest)]))
}

/** The tables whose rows differ between two digests. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort()
}

/**
 * Says whether a request changed any row outside `exclude`, cheaply: a write
 * needs a transaction id, so when the next id to be assigned has not moved,
 * nothing was written and no digest is needed. When it has moved (a write, or
 * on a shared server another database's), the digests are compared.
 */
export function changeDetector(db: Database, exclude: string[]) {
  let baseline: Map<string, string> | undefined
  let seen = ''
  let mark = ''
  const nextXid = async () =>
    String(
      rowsOf(await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!
        .x,
    )
  return {
    /** Right before the request: anything written since the last look becomes the baseline. */
    async before() {
      mark = await nextXid()
      if (!baseline || mark !== seen) baseline = await digestTables(db, { exclude })
    },
    /** The tables the request changed. */
    async after(): Promise<string[]> {
      seen = await nextXid()
      if (seen === mark) return []
      const now = await digestTables(db, { exclude })
      const changed = changedTables(baseline!, now)
      baseline = now
      return changed
    },
  }
}
