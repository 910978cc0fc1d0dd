import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')

export type ServerOptions = {
  /** Extra environment, e.g. DATABASE_URL; overrides the defaults below. */
  env?: Record<string, string>
  /** An existing data directory; by default a fresh temporary one, removed on stop. */
  dataDir?: string
  /** A port to listen on, e.g. a stopped server's, so that an open browser keeps its address; by default a free one. */
  port?: number
}

export type RunningServer = {
  url: string
  port: number
  dataDir: string
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  /** Sends the process a signal (a graceful stop is SIGTERM); `exited` settles when it ends. */
  signal: (signal: NodeJS.Signals) => void
  exited: Promise<Exited>
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export function assertBuilt() {
  if (!fs.existsSync(path.join(root, 'build/server/index.js'))) {
    throw new Error('No production build: run `npm run build` before the browser suite.')
  }
}

function pick(env: NodeJS.ProcessEnv, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (env[n] ? [[n, env[n]]] : [])))
}

export type Exited = { code: number | null; output: string }

/**
 * Runs the production server (scripts/serve.mjs) as a child process with the
 * given environment; `exited` settles when it stops, whatever the reason.
 */
const running = new Set<ChildProcess>()
// A test run that ends early (a failure, a timeout) leaves no server behind.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')))

export function spawnServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    // Only what the tests choose: the runner's own DATABASE_URL or PORT must not leak in.
    env: { ...pick(process.env, 'PATH', 'HOME', 'TMPDIR'), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  running.add(child)
  const exited = new Promise<Exited>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve({ code, output })
    }),
  )
  return { child, output: () => output, exited }
}

// Generous: with other work on two cores, a start with demo data has taken a minute.
async function waitForHealth(url: string, exited: Promise<Exited>, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  let stopped: Exited | undefined
  void exited.then((e) => (stopped = e))
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`The server exited with code ${stopped.code}:\n${stopped.output}`)
    try {
      const response = await fetch(`${url}/healthz`)
      // Tests start once the start is complete: the demo's staged proposals and the scheduled
      // work are finished just after the server answers.
      if (response.ok && !((await response.json()) as { starting?: string[] }).starting) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`The server at ${url} did not become healthy within ${timeoutMs} ms`)
}

async function stopChild(child: ChildProcess, exited: Promise<Exited>) {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * Starts an isolated Probity production server on a free port with demo data,
 * and resolves once /healthz answers 200.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  assertBuilt()
  const port = options.port ?? (await freePort())
  const ownDataDir = !options.dataDir
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'probity-browser-'))
  const url = `http://127.0.0.1:${port}`
  const { child, output, exited } = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    // The demo's staged proposals take seconds to create; a test that wants them asks.
    SEED_DEMO_STAGES: 'false',
    ...options.env,
  })
  const stop = async () => {
    await stopChild(child, exited)
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(url, exited)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, port, dataDir, output, signal: (sig) => child.kill(sig), exited, stop }
}

/** A server of the test file's own, for tests that must not share state with others. */
export function setupServer(options: ServerOptions = {}): () => RunningServer {
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startServer(options)
  }, 200_000)
  afterAll(async () => {
    await server?.stop()
  })
  return () => {
    if (!server) throw new Error('setupServer: the server is only ready inside tests')
    return server
  }
}
