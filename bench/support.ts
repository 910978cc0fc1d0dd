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
export function startPostgres(): { url: string; stop: () => void; dir?: string } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pg-'))
  const url = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', dir], {
    env: { ...process.env, PG_DURABLE: '1' },
    encoding: 'utf8',
  }).trim()
  // `dir` (its cluster is dir/data) lets a fault scenario stop and start the server.
  return { url, dir, stop: () => execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', dir]) }
}

export type AppProcess = { url: string; pid: number; kill: (signal?: NodeJS.Signals) => Promise<void>; output: () => string }

/** Starts the production build (scripts/serve.mjs) and waits until /healthz answers. */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const { spawn } = await import('node:child_process')
  const net = await import('node:net')
  const port: number = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port
      probe.close(() => resolve(p))
    })
  })
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`app exited:\n${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      await exited
    },
  }
}

/** Signs in through the real form and returns the session cookie. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams({ email, password, redirectTo: '/' }),
  })
  const cookie = response.headers.get('set-cookie')
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`)
  return cookie.split(';')[0]!
}
