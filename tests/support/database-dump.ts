import { sql } from 'drizzle-orm'
import { type Database } from '#db/client.server'

export type TableDump = Map<string, string[]>

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres-js answers with the rows; PGlite with an object holding them.
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows
}

/**
 * Every row of every table, each row cast to text with all its columns. Tables
 * are found through information_schema, so a table added later is covered
 * without changing the tests that use this.
 */
export async function dumpAllTables(db: Database): Promise<TableDump> {
  const tables = rowsOf(
    await db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`),
  )
  const dump: TableDump = new Map()
  for (const t of tables) {
    const name = `"${String(t.table_schema)}"."${String(t.table_name)}"`
    const rows = rowsOf(await db.execute(sql.raw(`select t::text as row from ${name} t`)))
    dump.set(name, rows.map((r) => String(r.row)).sort())
  }
  return dump
}

/** Rows present in `after` and not in `before`: what a request wrote or changed. */
export function changedRows(before: TableDump, after: TableDump): Map<string, string[]> {
  const changed = new Map<string, string[]>()
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? [])
    const added = rows.filter((r) => !old.has(r))
    if (added.length > 0) changed.set(table, added)
  }
  return changed
}

/** Where any of the needles occurs, case-insensitively: table → matching rows. */
export function findInDump(dump: Map<string, string[]>, needles: string[]): Map<string, string[]> {
  const lower = needles.map((n) => n.toLowerCase())
  const hits = new Map<string, string[]>()
  for (const [table, rows] of dump) {
    const matching = rows.filter((r) => lower.some((n) => r.toLowerCase().includes(n)))
    if (matching.length > 0) hits.set(table, matching)
  }
  return hits
}
