/**
 * Fresh start and restart of the production server (scripts/serve.mjs, as
 * `npm start` runs it) to a healthy /healthz, median of a few runs.
 *
 *   npx tsx bench/start.ts [--runs 3] [--no-peer] [--stages false]
 *
 * Each run: a new DATA_DIR and the demo (at every stage, as `npm start`); the
 * time from spawning the process to the first 200 from /healthz ("healthy"),
 * and to the first 200 that names nothing still starting ("complete": the
 * demo's staged proposals and the scheduled work). Then SIGTERM and a start
 * on the same directory: the restart. The peer, in the same run, is a fresh
 * start that makes its database from scratch (PGLITE_TEMPLATE_DIR=none), as
 * every fresh start did before the template. Phases come from the server's
 * own log lines (pino's `time`), counted from the spawn. It also prints the
 * server's CPU time to healthy, which a busy machine disturbs much less.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-peer': { type: 'boolean', default: false },
    stages: { type: 'string', default: 'true' },
  },
})
const RUNS = Number(values.runs)
const root = path.resolve(import.meta.dirname, '..')
if (!fs.existsSync(path.join(root, 'build/server/index.js'))) throw new Error('No production build: run `npm run build` first.')

/** Log lines that end a phase, as the server writes them. */
const PHASES: [string, RegExp][] = [
  ['database ready', /^database ready$/],
  ['demo service', /^demo library service created/],
  ['listening', /^Probity is listening/],
  ['scheduled work', /^scheduled work started$/],
  ['demo stages', /^demo proposals at every stage created$/],
]

type Run = { healthy: number; complete: number; healthyCpu: number; completeCpu: number; phases: Record<string, number> }

/**
 * The server's CPU time so far (user + system, all its threads), from Linux's
 * /proc: on a shared machine it moves far less with the load than the wall
 * clock does, and on an idle two-core machine a start is close to it.
 */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime are the 12th and 13th fields after the command name, in ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

// A bench stopped early (Ctrl-C, a timeout) leaves no server behind.
let current: ChildProcess | undefined
process.once('exit', () => current?.kill('SIGKILL'))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

async function startOnce(dataDir: string, env: Record<string, string> = {}): Promise<Run> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const spawned = Date.now()
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SEED_DEMO_STAGES: values.stages,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  current = child
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let healthy = NaN
  let complete = NaN
  let healthyCpu = NaN
  let completeCpu = NaN
  const deadline = spawned + 300_000
  while (Number.isNaN(complete)) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`)
    if (Date.now() > deadline) throw new Error(`No healthy server after 300 s:\n${output}`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) {
        const body = (await response.json()) as { starting?: string[] }
        if (Number.isNaN(healthy)) {
          healthy = Date.now() - spawned
          healthyCpu = cpuMs(child.pid!)
        }
        if (!body.starting) {
          complete = Date.now() - spawned
          completeCpu = cpuMs(child.pid!)
        }
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  child.kill('SIGTERM')
  await exited
  const phases: Record<string, number> = {}
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue
    const entry = JSON.parse(line) as { time?: string; msg?: string }
    const phase = PHASES.find(([, pattern]) => pattern.test(entry.msg ?? ''))
    if (phase && entry.time) phases[phase[0]] = Date.parse(entry.time) - spawned
  }
  return { healthy, complete, healthyCpu, completeCpu, phases }
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN
}
const seconds = (n: number) => (Number.isNaN(n) ? '–' : `${(n / 1000).toFixed(2)} s`)

function report(name: string, runs: Run[]) {
  const phases = PHASES.map(([phase]) => phase).filter((p) => runs.some((r) => r.phases[p] !== undefined))
  console.log(
    `${name.padEnd(22)} healthy ${seconds(median(runs.map((r) => r.healthy))).padStart(8)}   complete ${seconds(median(runs.map((r) => r.complete))).padStart(8)}   ` +
      `(runs: ${runs.map((r) => seconds(r.healthy)).join(', ')})`,
  )
  console.log(
    `${''.padEnd(22)} CPU time: healthy ${seconds(median(runs.map((r) => r.healthyCpu)))}, complete ${seconds(median(runs.map((r) => r.completeCpu)))}`,
  )
  console.log(`${''.padEnd(22)} ${phases.map((p) => `${p} ${seconds(median(runs.map((r) => r.phases[p] ?? NaN)))}`).join(' · ')}`)
}

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ')
console.log(`Start bench: ${RUNS} runs, demo stages ${values.stages}, Node ${process.version}, ${os.cpus().length} cores, load average ${load()}`)
const fresh: Run[] = []
const restart: Run[] = []
const peer: Run[] = []
for (let i = 0; i < RUNS; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-start-'))
  try {
    fresh.push(await startOnce(dir))
    restart.push(await startOnce(dir))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  if (values['no-peer']) continue
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-start-peer-'))
  try {
    peer.push(await startOnce(scratch, { PGLITE_TEMPLATE_DIR: 'none' }))
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}
report('fresh start', fresh)
report('restart', restart)
if (peer.length) {
  report('fresh, no template', peer)
  console.log(`template: fresh start healthy in ${(median(fresh.map((r) => r.healthy)) / median(peer.map((r) => r.healthy))).toFixed(2)}× the time of one without it`)
}
const verdict = (runs: Run[], key: 'healthy' | 'healthyCpu', limit: number) => (median(runs.map((r) => r[key])) < limit ? 'met' : 'NOT met')
console.log(
  `aims, wall clock: fresh start < 5 s to healthy ${verdict(fresh, 'healthy', 5000)}, restart < 2 s ${verdict(restart, 'healthy', 2000)}; ` +
    `by CPU time: ${verdict(fresh, 'healthyCpu', 5000)}, ${verdict(restart, 'healthyCpu', 2000)}; load average now ${load()}`,
)
