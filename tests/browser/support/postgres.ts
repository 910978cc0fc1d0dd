import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const script = path.resolve(import.meta.dirname, '../../../scripts/pg-test-server.sh')

export type PostgresServer = { url: string; stop: () => void }

/**
 * The PostgreSQL server to test against: TEST_DATABASE_URL's when scripts/test.sh
 * has started one, else a throwaway one started here (scripts/pg-test-server.sh).
 */
export function postgresServer(): PostgresServer {
  const given = process.env.TEST_DATABASE_URL
  if (given) return { url: given, stop: () => {} }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-pg-'))
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim()
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir]) }
}
