/**
 * True when a query failed on a unique constraint (optionally a named one), on
 * PGlite and postgres-js alike; drizzle wraps the driver's error in `cause`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return constraint ? (e.message ?? '').includes(constraint) : true
  }
  return false
}
