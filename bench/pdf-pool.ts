// Records off the event loop (issue 18, aim 3), in two parts:
//
//  1. This process: the large record rendered and signed in-process, as before the
//     pool, then through the pool (app/signing/record-pool.server.ts), each while
//     perf_hooks.monitorEventLoopDelay watches this event loop.
//  2. The production build (scripts/serve.mjs on PostgreSQL): decisions with many
//     reviewers signed over HTTP, so the server renders and signs their records,
//     while /healthz and a signed-in page are fetched every 25 ms; the same probes
//     with nothing rendering first, for comparison. The server's own event-loop
//     delay p99 comes from its /metrics (prom-client's monitorEventLoopDelay,
//     reset at each scrape, so it covers the window between two scrapes).
//
//   npm run build && npx tsx bench/pdf-pool.ts [--renders 6] [--decisions 4] [--reviewers 12]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { eq } from 'drizzle-orm'
import { openPostgres } from '#db/client.server'
import { decisionRecords, organisations, users } from '#db/schema'
import { renderDecisionRecord } from '~/pdf/render.server'
import { DEMO_ORGANISATION, DEMO_PASSWORD } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { requireSigningIdentity } from '~/signing/certificates.server'
import { renderAndSignInPool, stopRecordPool } from '~/signing/record-pool.server'
import { signPdf } from '~/signing/sign-pdf.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { reachDecision } from '#tests/support/decision'
import { largeRecordData } from '#tests/support/decision-records'
import { createProposal, createUser } from '#tests/support/factories'
import { ms, signInCookie, startApp, startPostgres, summarise } from './support'

const { values } = parseArgs({
  options: {
    renders: { type: 'string', default: '6' },
    decisions: { type: 'string', default: '4' },
    reviewers: { type: 'string', default: '12' },
  },
})
const RENDERS = Number(values.renders)
const DECISIONS = Number(values.decisions)
const REVIEWERS = Number(values.reviewers)
const PROBE_MS = 25

console.log(
  `Probity record pool benchmark: node ${process.version}, ${os.availableParallelism()} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)

// ---- 1. This process's event loop, in-process against the pool ----------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pool-'))
const identity = await requireSigningIdentity({ dataDir, publicUrl: 'http://localhost:4200' })
const signer = { privateKey: identity.privateKey, certificates: identity.certificates, algorithm: identity.algorithm }
const signature = () => ({ name: 'Bench', reason: 'Bench', location: 'Bench', contactInfo: 'http://localhost:4200/verify', signingTime: new Date() })
const large = largeRecordData()

async function watched(run: () => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  const times: number[] = []
  delay.enable()
  for (let i = 0; i < RENDERS; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
    // A turn of the loop between renders: an in-process render never yields (its awaits are all
    // microtasks), so without one the monitor's timer could not fire and see the block at all.
    await new Promise((r) => setTimeout(r, 20))
  }
  delay.disable()
  return { times: summarise(times), p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 }
}

const inProcess = () => renderDecisionRecord(large).then((pdf) => signPdf(pdf, signer, signature()))
const pooled = () => renderAndSignInPool({ kind: 'decision', data: large, signer, signature: signature() })
// Warm both (JIT, fonts, the worker threads' start).
await inProcess()
await Promise.all([pooled(), pooled()])
const local = await watched(inProcess)
const pool = await watched(pooled)
await stopRecordPool()

const rows: string[][] = []
rows.push(['large record, in-process (before)', ms(local.times.p50), ms(local.p99), ms(local.max), String(RENDERS)])
rows.push(['large record, worker pool', ms(pool.times.p50), ms(pool.p99), ms(pool.max), String(RENDERS)])
console.log()
console.log('This process: render + sign of the large record, and this event loop meanwhile')
const w = [36, 14, 18, 16, 4]
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')
console.log(line(['', 'render median', 'loop delay p99', 'loop delay max', 'n']))
for (const r of rows) console.log(line(r))

// ---- 2. The production server ----------------------------------------------------------------

const pg = startPostgres()
const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pool-server-'))
const handle = await openPostgres(pg.url)
try {
  const { db } = handle
  await seedDemo(db)
  const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
  // One signature issues the record, so that each sign request renders one.
  await db
    .update(organisations)
    .set({ settings: { ...org.settings, secondSignatoryRequired: false } })
    .where(eq(organisations.id, org.id))
  const people = await db.select().from(users).where(eq(users.organisationId, org.id))
  const chief = people.find((u) => u.roles.includes('chief_librarian'))!
  // Many reviewers make a long record: a table of every reviewer's score per criterion.
  const reviewers: Awaited<ReturnType<typeof createUser>>[] = people.filter((u) => u.roles.includes('reviewer'))
  while (reviewers.length < REVIEWERS) reviewers.push(await createUser(db, org.id, ['reviewer']))
  const staff = [await createUser(db, org.id, ['staff']), await createUser(db, org.id, ['staff'])]
  const waiting: string[] = []
  for (let i = 0; i < DECISIONS + 1; i++) {
    const proposal = await createProposal(db, org.id, chief.id, { title: `A decision to sign ${i + 1}` })
    await reachDecision(db, { proposal, chief, reviewers, staff, secret: 'bench' })
    const decided = await recordDecision(db, {
      user: chief,
      proposalId: proposal.id,
      values: { outcome: 'reject', rationale: 'Not for us', conditions: [], overrides: [], dissent: [] },
    })
    if (!decided.ok) throw new Error(decided.message)
    waiting.push(proposal.id)
  }
  // The first signs unmeasured: it starts the worker threads.
  const [pageOf, ...toSign] = waiting as [string, ...string[]]

  const app = await startApp({ DATA_DIR: serverDir, SEED_DEMO: 'false', DATABASE_URL: pg.url, METRICS_ALLOW: '127.0.0.1' })
  try {
    const cookie = await signInCookie(app.url, chief.email, DEMO_PASSWORD)
    const sign = async (id: string) => {
      const version = (await db.query.proposals.findFirst({ where: (p, { eq }) => eq(p.id, id) }))!.version
      const start = performance.now()
      const r = await fetch(`${app.url}/proposals/${id}/decision?index`, {
        method: 'POST',
        body: new URLSearchParams({ intent: 'sign', version: String(version), password: DEMO_PASSWORD }),
        headers: { Cookie: cookie, Origin: app.url },
        redirect: 'manual',
      })
      await r.arrayBuffer()
      if (r.status >= 400) throw new Error(`signing answered ${r.status}`)
      return performance.now() - start
    }
    const page = `${app.url}/proposals/${pageOf}/decision`
    const lag = async () => {
      const text = await (await fetch(`${app.url}/metrics`)).text()
      return Number(/^probity_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000
    }
    const timed = async (url: string, headers: Record<string, string> = {}) => {
      const start = performance.now()
      const r = await fetch(url, { headers })
      await r.arrayBuffer()
      if (!r.ok) throw new Error(`${url} answered ${r.status}`)
      return performance.now() - start
    }
    /** /healthz and the page every PROBE_MS while `during` runs, one probe of each at a time. */
    async function probing(during: () => Promise<unknown>) {
      const health: number[] = []
      const pages: number[] = []
      let running = true
      const loop = async (samples: number[], probe: () => Promise<number>) => {
        while (running) {
          samples.push(await probe())
          await new Promise((r) => setTimeout(r, PROBE_MS))
        }
      }
      const probes = [loop(health, () => timed(`${app.url}/healthz`)), loop(pages, () => timed(page, { Cookie: cookie }))]
      await lag()
      await during()
      const p99 = await lag()
      running = false
      await Promise.all(probes)
      return { health: summarise(health), pages: summarise(pages), p99 }
    }

    await sign(toSign.pop()!)
    const quiet = await probing(() => new Promise((r) => setTimeout(r, 3000)))
    const signing: number[] = []
    const busy = await probing(async () => {
      for (const id of toSign) signing.push(await sign(id))
    })
    const signed = await db.select().from(decisionRecords)
    const bytes = summarise(signed.map((r) => r.byteSize)).p50

    console.log()
    console.log(
      `Production server (PostgreSQL): ${toSign.length} decisions signed one after another over HTTP, each record ` +
        `~${(bytes / 1024).toFixed(0)} KiB (${REVIEWERS} reviewers); probes every ${PROBE_MS} ms`,
    )
    const w2 = [30, 12, 12, 12, 6]
    const line2 = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w2[i]!) : c.padStart(w2[i]!))).join('  ')
    console.log(line2(['', 'median', 'p95', 'max', 'n']))
    const r2 = (what: string, s: ReturnType<typeof summarise>) => console.log(line2([what, ms(s.p50), ms(s.p95), ms(s.max), String(s.n)]))
    r2('GET /healthz, idle', quiet.health)
    r2('GET decision page, idle', quiet.pages)
    r2('GET /healthz, while signing', busy.health)
    r2('GET decision page, while signing', busy.pages)
    r2('POST sign (renders + signs)', summarise(signing))
    console.log(`Server event-loop delay p99: ${ms(quiet.p99)} idle, ${ms(busy.p99)} while signing`)
  } finally {
    await app.kill()
  }
} finally {
  await handle.close()
  pg.stop()
  fs.rmSync(serverDir, { recursive: true, force: true })
  fs.rmSync(dataDir, { recursive: true, force: true })
}
