/** The rows of a raw `db.execute`, which PGlite and postgres-js shape differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
