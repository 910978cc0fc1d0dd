import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export function summarise(samplesMs: number[]) {
  const s = [...samplesMs].sort((a, b) => a - b)
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
  }
}

export const ms = (n: number) => `${n.toFixed(2)} ms`

/**
 * A PostgreSQL server for a benchmark: DATABASE_URL when given, otherwise a
 * throwaway durable one (fsync on) started with scripts/pg-test-server.sh.
 */
export function startPostgres(): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pg-'))
  const url = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', dir], {
    env: { ...process.env, PG_DURABLE: '1' },
    encoding: 'utf8',
  }).trim()
  return { url, stop: () => execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', dir]) }
}
