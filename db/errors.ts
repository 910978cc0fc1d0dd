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

// PostgreSQL's connection-exception (08), shutdown and cannot-connect-now (57P0x)
// and too-many-connections (53300) states, and the socket errors of a server
// that is down or restarting, as postgres-js reports them.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED'])

/**
 * True when a query failed because the database could not be reached (a
 * restart, a failover, a network fault) rather than because of the query:
 * a moment later the same request may well succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code)) return true
  }
  return false
}
