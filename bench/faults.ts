// Faults, against the production build under the mixed write load of
// bench/load.ts, each checked afterwards in the database:
//
//   kill-pglite    SIGKILL the app mid-load, restart it on the same data directory (the
//   kill-postgres  dead process's lock taken over): every acknowledged write present, no
//                  transition half applied, `npm run probity -- verify` passes.
//   pg-restart     PostgreSQL stopped and started under load: while it is down the app
//                  answers 503 with a message (never a 500), then recovers by itself.
//   disk-full      PostgreSQL refusing file writes as on a full disk (files live in the
//                  database): an attachment and a signed record are refused clearly,
//                  leaving no row without its file nor file without its row, and both
//                  succeed once there is room.
//
//   signing-cert   the app started with its signing certificate missing, then with the wrong
//                  passphrase: the last signature is refused with the reason, nothing is
//                  recorded as signed, an administrator sees why on the decision page; started
//                  with the right passphrase, the same signature succeeds.
//
//   npm run build && npx tsx bench/faults.ts                  # full: 50 clients, 30 s a load
//   npx tsx bench/faults.ts --profile ci                      # CI: 10 clients, 8 s a load
//   npx tsx bench/faults.ts --scenarios kill-pglite,pg-restart --clients 20 --seconds 20
//
// Exits 1 when an aim is missed.
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { openPglite, openPostgres, type Database, type DatabaseHandle } from '#db/client.server'
import { attachments, decisionRecords, organisations, proposals, users } from '#db/schema'
import { DEMO_ORGANISATION, DEMO_PASSWORD } from '~/seed/demo-data'
import { signingDirectory } from '~/signing/certificates.server'
import { countRowsWithoutFile, listFileHeads } from '#db/files.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { reachDecision } from '#tests/support/decision'
import { pdfBytes } from '#tests/support/documents'
import { createProposal, createUser } from '#tests/support/factories'
import { signInCookie, startApp, startPostgres, type AppProcess } from './support'
import {
  auditCounts,
  checkIntegrity,
  checkLedger,
  newLedger,
  runMixed,
  seedLoadData,
  type Sample,
} from './workload'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    scenarios: {
      type: 'string',
      default: 'kill-pglite,kill-postgres,pg-restart,disk-full,signing-cert',
    },
    profile: { type: 'string', default: 'full' },
  },
})
if (values.profile !== 'full' && values.profile !== 'ci') {
  console.error('--profile is full (50 clients, 30 s a load) or ci (10 clients, 8 s a load)')
  process.exit(2)
}
const CI = values.profile === 'ci'
const CLIENTS = CI ? 10 : Number(values.clients)
const SECONDS = CI ? 8 : Number(values.seconds)

if (!fs.existsSync('build/server/index.js')) {
  console.error('No production build: run `npm run build` first.')
  process.exit(2)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
type Outcome = { scenario: string; lines: string[]; problems: string[] }

function statusCounts(samples: Sample[]) {
  const by = new Map<string, number>()
  for (const s of samples) {
    const key = s.status === 0 ? 'no answer' : String(s.status)
    by.set(key, (by.get(key) ?? 0) + 1)
  }
  return [...by]
    .sort()
    .map(([k, n]) => `${k}×${n}`)
    .join(' ')
}

/** `npm run probity -- verify` as an operator would run it (from the build), against the app's database. */
function auditVerify(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['scripts/probity.mjs', 'verify'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      ...env,
    },
    encoding: 'utf8',
  })
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() }
}

async function verifyAfter(
  db: Database,
  ledger: ReturnType<typeof newLedger>,
  before: Map<string, number>,
  problems: string[],
  lines: string[],
) {
  const writes = await checkLedger(db, ledger, before)
  const integrity = await checkIntegrity(db)
  lines.push(
    `acknowledged writes ${writes.acknowledged}, lost ${writes.missing.length} | ${integrity.proposals} proposals, ` +
      `${integrity.entries} audit entries, broken chains ${integrity.brokenChains.length}, half-applied transitions ${integrity.halfApplied.length}`,
  )
  problems.push(
    ...writes.missing.map((m) => `lost: ${m}`),
    ...integrity.brokenChains.map((c) => `broken chain: ${c}`),
    ...integrity.halfApplied.map((h) => `half applied: ${h}`),
  )
  if (writes.acknowledged === 0)
    problems.push('no write was acknowledged: the load did not exercise the app')
}

async function killAndRestart(kind: 'pglite' | 'postgres'): Promise<Outcome> {
  const lines: string[] = []
  const problems: string[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `probity-faults-${kind}-`))
  const pg = kind === 'postgres' ? startPostgres() : undefined
  const open = (): Promise<DatabaseHandle> =>
    pg ? openPostgres(pg.url) : openPglite(path.join(dataDir, 'pglite'))
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', ...(pg ? { DATABASE_URL: pg.url } : {}) }
  let app: AppProcess | undefined
  let restarted = () => {}
  try {
    const seeding = await open()
    const data = await seedLoadData(seeding.db, {
      clients: CLIENTS,
      dataDir,
      concernsPerClient: SECONDS * 3 + 10,
    })
    const before = await auditCounts(seeding.db)
    await seeding.close()
    app = await startApp(env)
    const bases = [app.url]
    const ledger = newLedger()
    let restartedAt = Infinity
    let writesAfter = 0
    const back = new Promise<void>((resolve) => (restarted = resolve))
    const load = runMixed(bases, data, ledger, {
      clients: CLIENTS,
      seconds: SECONDS,
      until: back,
      thenSeconds: SECONDS,
      onSample: (s) => {
        if (
          performance.now() > restartedAt &&
          s.op.startsWith('POST') &&
          s.status >= 200 &&
          s.status < 400
        )
          writesAfter++
      },
    })
    await sleep(SECONDS * 400)
    const killed = app.pid
    await app.kill('SIGKILL')
    const down = performance.now()
    app = await startApp(env)
    bases[0] = app.url
    restartedAt = performance.now()
    restarted()
    lines.push(
      `SIGKILL to PID ${killed} at ${(SECONDS * 0.4).toFixed(1)} s under load; restarted on the same ${kind === 'pglite' ? 'data directory' : 'database'} in ${((performance.now() - down) / 1000).toFixed(1)} s`,
    )
    const { samples } = await load
    const serverErrors = samples.filter((s) => s.status >= 500)
    lines.push(
      `${samples.length} requests: ${statusCounts(samples)} (no answer: in flight at the kill, or sent while it was down); ${writesAfter} writes acknowledged after the restart`,
    )
    if (writesAfter === 0) problems.push('no write was acknowledged after the restart')
    if (serverErrors.length > 0)
      problems.push(
        `${serverErrors.length} answers of 5xx: ${[...new Set(serverErrors.map((s) => `${s.status} ${s.op}`))].join(', ')}`,
      )
    await app.kill('SIGTERM')
    app = undefined
    const after = await open()
    await verifyAfter(after.db, ledger, before, problems, lines)
    await after.close()
    const verified = auditVerify(env)
    lines.push(`npm run probity -- verify: ${verified.output.trim().split('\n').at(-1)}`)
    if (!verified.ok) problems.push(`probity verify failed:\n${verified.output}`)
  } finally {
    restarted()
    await app?.kill('SIGKILL')
    pg?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { scenario: `kill-${kind}`, lines, problems }
}

/** The options the server was started with (port, address, durability), from postmaster.opts. */
function startOptions(dir: string) {
  const opts = fs.readFileSync(path.join(dir, 'data', 'postmaster.opts'), 'utf8').trim()
  const args = [...opts.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)
  const d = args.indexOf('-D')
  if (d >= 0) args.splice(d, 2)
  return args.join(' ')
}

/** pg_ctl as the cluster's owner, without blocking: the load goes on meanwhile. */
async function pgCtl(dir: string, ...args: string[]) {
  const bin = fs
    .readdirSync('/usr/lib/postgresql')
    .sort()
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .at(-1)!
  const command = [`${bin}/pg_ctl`, '-D', path.join(dir, 'data'), ...args]
  const asOwner =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', ...command]]
      : [command[0]!, command.slice(1)]
  await promisify(execFile)(asOwner[0] as string, asOwner[1] as string[])
}

async function postgresRestart(): Promise<Outcome> {
  const lines: string[] = []
  const problems: string[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-faults-pg-restart-'))
  const pg = startPostgres()
  if (!pg.dir)
    return {
      scenario: 'pg-restart',
      lines: ['skipped: DATABASE_URL names a server this script cannot restart'],
      problems: [],
    }
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: pg.url }
  let app: AppProcess | undefined
  // Ends the load's wait for the database to come back, however the scenario ends.
  let restored = () => {}
  try {
    const seeding = await openPostgres(pg.url)
    const data = await seedLoadData(seeding.db, {
      clients: CLIENTS,
      dataDir,
      concernsPerClient: SECONDS * 3 + 10,
    })
    const before = await auditCounts(seeding.db)
    await seeding.close()
    app = await startApp(env)
    const ledger = newLedger()
    let restartedAt = Infinity
    let recoveredAt = Infinity
    const back = new Promise<void>((resolve) => (restored = resolve))
    const load = runMixed([app.url], data, ledger, {
      clients: CLIENTS,
      seconds: SECONDS,
      until: back,
      thenSeconds: SECONDS / 2,
      onSample: (s) => {
        if (performance.now() > restartedAt && s.status >= 200 && s.status < 400)
          recoveredAt = Math.min(recoveredAt, performance.now())
      },
    })
    await sleep(SECONDS * 300)
    await pgCtl(pg.dir, '-m', 'fast', '-w', 'stop')
    const stoppedAt = performance.now()
    // What a person sees while the database is down.
    await sleep(500)
    const asked = performance.now()
    const page = await fetch(`${app.url}/`, { headers: { Cookie: data.cookies.admin[0]! } })
    const body = await page.text()
    const health = await fetch(`${app.url}/healthz`)
    lines.push(
      `while PostgreSQL is down: GET / answers ${page.status} "${/<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? ''}", /healthz ${health.status} (both in ${((performance.now() - asked) / 1000).toFixed(1)} s)`,
    )
    if (page.status !== 503)
      problems.push(`GET / answered ${page.status} while the database was down, not 503`)
    if (!/briefly unavailable/.test(body) || /\n\s+at [\w.]+ \(|node_modules/.test(body))
      problems.push(
        'the outage page does not say the service is briefly unavailable, or shows a stack',
      )
    if (health.status !== 503)
      problems.push(`/healthz answered ${health.status} while the database was down`)
    await sleep(Math.max(0, SECONDS * 150 - 500))
    const starting = performance.now()
    // start, not restart: pg_ctl restart of a stopped server is slow to give up on the old one.
    await pgCtl(
      pg.dir,
      '-o',
      startOptions(pg.dir),
      '-l',
      path.join(pg.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    )
    restored()
    restartedAt = performance.now()
    lines.push(
      `PostgreSQL stopped for ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s at ${(SECONDS * 0.3).toFixed(1)} s under load (starting it took ${((restartedAt - starting) / 1000).toFixed(1)} s)`,
    )
    const { samples } = await load
    const outage = samples.filter((s) => s.status === 503)
    const other5xx = samples.filter((s) => s.status >= 500 && s.status !== 503)
    lines.push(
      `${samples.length} requests: ${statusCounts(samples)}; first success ${Number.isFinite(recoveredAt) ? `${((recoveredAt - restartedAt) / 1000).toFixed(2)} s` : 'never'} after the restart, with no restart of the app`,
    )
    if (outage.length === 0)
      problems.push('no request met the outage: the scenario did not test it')
    if (other5xx.length > 0)
      problems.push(
        `${other5xx.length} answers of 5xx other than 503: ${[...new Set(other5xx.map((s) => `${s.status} ${s.op}`))].join(', ')}`,
      )
    if (!Number.isFinite(recoveredAt))
      problems.push('the app did not recover once PostgreSQL was back')
    await app.kill('SIGTERM')
    app = undefined
    const after = await openPostgres(pg.url)
    await verifyAfter(after.db, ledger, before, problems, lines)
    await after.close()
  } catch (error) {
    problems.push(`the scenario broke off: ${error instanceof Error ? error.stack : String(error)}`)
  } finally {
    restored()
    if (problems.length > 0 && app) lines.push(`the app's log ends:\n${app.output().slice(-3000)}`)
    await app?.kill('SIGKILL')
    pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { scenario: 'pg-restart', lines, problems }
}

/** Rows whose stored file is missing, and stored files no row names: for attachments and signed records. */
async function filesWithoutRows(db: Database) {
  const problems: string[] = []
  const missing = await countRowsWithoutFile(db)
  if (missing.attachments) problems.push(`${missing.attachments} attachment row(s) without their file`)
  if (missing.records) problems.push(`${missing.records} record row(s) without their file`)
  const named = new Set([
    ...(await db.select({ sha256: attachments.sha256 }).from(attachments)).map((r) => r.sha256),
    ...(await db.select({ sha256: decisionRecords.sha256 }).from(decisionRecords)).map((r) => r.sha256),
  ])
  for (const file of await listFileHeads(db)) if (!named.has(file.sha256)) problems.push(`stored file without a row: ${file.sha256}`)
  return problems
}

/**
 * The demo service with a draft of the chief librarian's and a decision
 * recorded and waiting for its one signature, and helpers that act on them
 * over HTTP as the chief librarian would.
 */
async function decisionWaiting(db: Database, dataDir: string) {
  await seedLoadData(db, { clients: 1, dataDir, concernsPerClient: 0 })
  const org = (await db.query.organisations.findFirst({
    where: eq(organisations.slug, DEMO_ORGANISATION.slug),
  }))!
  const people = await db.select().from(users).where(eq(users.organisationId, org.id))
  const chief = people.find((u) => u.roles.includes('chief_librarian'))!
  const admin = people.find((u) => u.roles.includes('admin'))!
  const reviewers = people.filter((u) => u.roles.includes('reviewer'))
  // The demo requires a second signatory; these scenarios are about the one
  // signature that issues the record, so this service asks for one only.
  await db
    .update(organisations)
    .set({ settings: { ...org.settings, secondSignatoryRequired: false } })
    .where(eq(organisations.id, org.id))
  const draft = await createProposal(db, org.id, chief.id, { title: 'A draft with papers' })
  const deciding = await createProposal(db, org.id, chief.id, { title: 'A decision to sign' })
  // Real screening and consultation: the signed record is made from them.
  const staff = [await createUser(db, org.id, ['staff']), await createUser(db, org.id, ['staff'])]
  await reachDecision(db, { proposal: deciding, chief, reviewers, staff, secret: 'bench' })
  const decided = await recordDecision(db, {
    user: chief,
    proposalId: deciding.id,
    values: {
      outcome: 'reject',
      rationale: 'Not for us',
      conditions: [],
      overrides: [],
      dissent: [],
    },
  })
  if (!decided.ok) throw new Error(decided.message)
  const stateOf = async () =>
    (
      await db
        .select({ v: proposals.version, stage: proposals.stage })
        .from(proposals)
        .where(eq(proposals.id, deciding.id))
    )[0]!
  const recordsOf = async () =>
    (
      await db
        .select({ id: decisionRecords.id })
        .from(decisionRecords)
        .where(eq(decisionRecords.proposalId, deciding.id))
    ).length
  const attach = async (url: string, cookie: string) => {
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(pdfBytes(`Papers ${'x'.repeat(50_000)}`))], {
        type: 'application/pdf',
      }),
      'papers.pdf',
    )
    const r = await fetch(`${url}/proposals/${draft.id}/edit`, {
      method: 'POST',
      body: form,
      headers: { Cookie: cookie, Origin: url },
      redirect: 'manual',
    })
    return { status: r.status, body: await r.text() }
  }
  const sign = async (url: string, cookie: string) => {
    const { v } = await stateOf()
    const r = await fetch(`${url}/proposals/${deciding.id}/decision?index`, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'sign', version: String(v), password: DEMO_PASSWORD }),
      headers: { Cookie: cookie, Origin: url },
      redirect: 'manual',
    })
    return { status: r.status, body: await r.text() }
  }
  const decisionPage = async (url: string, cookie: string) =>
    (
      await fetch(`${url}/proposals/${deciding.id}/decision`, { headers: { Cookie: cookie } })
    ).text()
  return { org, chief, admin, draft, deciding, stateOf, recordsOf, attach, sign, decisionPage }
}

async function diskFull(): Promise<Outcome> {
  const lines: string[] = []
  const problems: string[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-faults-disk-'))
  const pg = startPostgres()
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: pg.url }
  let app: AppProcess | undefined
  let handle: DatabaseHandle | undefined
  try {
    handle = await openPostgres(pg.url)
    const db = handle.db
    const w = await decisionWaiting(db, dataDir)
    const { chief } = w
    app = await startApp(env)
    const cookie = await signInCookie(app.url, chief.email, DEMO_PASSWORD)
    const attach = () => w.attach(app!.url, cookie)
    const sign = () => w.sign(app!.url, cookie)
    // Files live in the database: PostgreSQL refuses every file chunk with the error it raises on a full disk.
    await db.execute(sql`create function refuse_file_chunk() returns trigger language plpgsql as $$
      begin raise exception using errcode = '53100', message = 'could not extend file: No space left on device'; end $$`)
    await db.execute(sql`create trigger refuse_file_chunk before insert on file_chunks for each row execute function refuse_file_chunk()`)
    lines.push('PostgreSQL refusing every file write with "could not extend file: No space left on device" (SQLSTATE 53100)')
    const [attached, signed] = [await attach(), await sign()]
    const message = (body: string) => /could not be stored[^<]*/.exec(body)?.[0] ?? '(no message found)'
    lines.push(
      `disk full: attaching a paper answers ${attached.status} "${message(attached.body)}"; signing the decision answers ${signed.status} "${message(signed.body)}"`,
    )
    if (attached.status !== 503 || !/could not be stored/.test(attached.body))
      problems.push(`attaching on a full disk answered ${attached.status} without saying the file could not be stored`)
    if (signed.status !== 503 || !/could not be stored/.test(signed.body))
      problems.push(`signing on a full disk answered ${signed.status} without saying the record could not be stored`)
    if ((await w.stateOf()).stage !== 'decision')
      problems.push('the decision was recorded as signed although its record could not be stored')
    const orphansFull = await filesWithoutRows(db)
    problems.push(...orphansFull)

    await db.execute(sql`drop trigger refuse_file_chunk on file_chunks`)
    await db.execute(sql`drop function refuse_file_chunk()`)
    const [attachedAgain, signedAgain] = [await attach(), await sign()]
    lines.push(
      `room again: attaching answers ${attachedAgain.status}, signing answers ${signedAgain.status} (stage now ${(await w.stateOf()).stage})`,
    )
    if (attachedAgain.status >= 400) problems.push(`attaching after room was made answered ${attachedAgain.status}`)
    if (signedAgain.status >= 400 || (await w.stateOf()).stage === 'decision')
      problems.push(`signing after room was made answered ${signedAgain.status}`)
    const orphansAfter = await filesWithoutRows(db)
    problems.push(...orphansAfter)
    lines.push(`rows without files and files without rows: ${orphansFull.length} while full, ${orphansAfter.length} after`)
  } finally {
    await app?.kill('SIGKILL')
    await handle?.close()
    pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { scenario: 'disk-full', lines, problems }
}

async function signingCertificate(): Promise<Outcome> {
  const lines: string[] = []
  const problems: string[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-faults-signing-'))
  const pg = startPostgres()
  let app: AppProcess | undefined
  let handle: DatabaseHandle | undefined
  try {
    handle = await openPostgres(pg.url)
    const w = await decisionWaiting(handle.db, dataDir)
    // Seeding signed a record with the identity Probity generated in DATA_DIR/signing; configure it by name instead.
    const generated = signingDirectory(dataDir)
    const passphrase = fs.readFileSync(path.join(generated, 'passphrase'), 'utf8').trim()
    const configured = path.join(dataDir, 'configured.p12')
    const base = { DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: pg.url }
    const version = (await w.stateOf()).v

    const refusedBecause = async (label: string, reason: RegExp) => {
      const chief = await signInCookie(app!.url, w.chief.email, DEMO_PASSWORD)
      const admin = await signInCookie(app!.url, w.admin.email, DEMO_PASSWORD)
      const signed = await w.sign(app!.url, chief)
      const said =
        /your signature has not been recorded[^<]*/.exec(signed.body)?.[0] ?? '(no message found)'
      // React separates adjacent text with empty comments.
      const page = (await w.decisionPage(app!.url, admin)).replaceAll('<!-- -->', '')
      const shown = /Decision records cannot be signed at the moment\.<\/strong>\s*([^<]*)/.exec(
        page,
      )?.[1]
      lines.push(
        `${label}: signing answers ${signed.status} "…${said}"; the administrator's decision page says "${shown ?? '(nothing)'}"`,
      )
      if (signed.status !== 503 || !reason.test(said))
        problems.push(`${label}: signing answered ${signed.status} without the reason`)
      if (!shown || !reason.test(shown))
        problems.push(`${label}: the administrator is not shown why records cannot be signed`)
      const state = await w.stateOf()
      if (state.stage !== 'decision' || state.v !== version || (await w.recordsOf()) > 0)
        problems.push(
          `${label}: something was recorded (stage ${state.stage}, version ${state.v} from ${version})`,
        )
    }

    app = await startApp({
      ...base,
      SIGNING_P12_PATH: configured,
      SIGNING_P12_PASSPHRASE: 'not the passphrase',
    })
    await refusedBecause('certificate missing', /does not exist/)
    // The file put in place while the app runs, with the wrong passphrase still configured.
    // Probity keeps its generated identity as PEM; OpenSSL packs it as a council would hand it over.
    const packed = spawnSync('openssl', ['pkcs12', '-export', '-inkey', path.join(generated, 'signing-key.pem'), '-passin', 'stdin', '-in', path.join(generated, 'signing-chain.pem'), '-passout', 'stdin', '-out', configured], { input: `${passphrase}\n${passphrase}\n` })
    if (packed.status !== 0) throw new Error(`openssl pkcs12 -export failed: ${packed.stderr.toString()}`)
    await refusedBecause('wrong passphrase', /passphrase does not open/)

    await app.kill('SIGTERM')
    app = await startApp({
      ...base,
      SIGNING_P12_PATH: configured,
      SIGNING_P12_PASSPHRASE: passphrase,
    })
    const chief = await signInCookie(app.url, w.chief.email, DEMO_PASSWORD)
    const fixed = await w.sign(app.url, chief)
    const state = await w.stateOf()
    const records = await w.recordsOf()
    lines.push(
      `fixed (right passphrase, app restarted): signing answers ${fixed.status}; stage now ${state.stage}, ${records} signed record(s)`,
    )
    if (fixed.status >= 400 || state.stage === 'decision' || records !== 1)
      problems.push(
        `signing once fixed answered ${fixed.status}, stage ${state.stage}, ${records} records`,
      )
    problems.push(...(await filesWithoutRows(handle.db)))
  } finally {
    if (problems.length > 0 && app) lines.push(`the app's log ends:\n${app.output().slice(-3000)}`)
    await app?.kill('SIGKILL')
    await handle?.close()
    pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { scenario: 'signing-cert', lines, problems }
}

const SCENARIOS: Record<string, () => Promise<Outcome>> = {
  'kill-pglite': () => killAndRestart('pglite'),
  'kill-postgres': () => killAndRestart('postgres'),
  'pg-restart': postgresRestart,
  'disk-full': diskFull,
  'signing-cert': signingCertificate,
}

const outcomes: Outcome[] = []
for (const name of values.scenarios.split(',')) {
  const scenario = SCENARIOS[name]
  if (!scenario)
    throw new Error(`No scenario ${name}: choose from ${Object.keys(SCENARIOS).join(', ')}`)
  console.log(
    `\n== ${name}: ${CLIENTS} clients × ${SECONDS} s, load average ${os.loadavg()[0]!.toFixed(1)}`,
  )
  const outcome = await scenario().catch((error: unknown): Outcome => ({
    scenario: name,
    lines: [],
    problems: [`the scenario broke off: ${error instanceof Error ? error.stack : String(error)}`],
  }))
  outcomes.push(outcome)
  for (const l of outcome.lines) console.log(`  ${l}`)
}

console.log(
  `\nbench/faults — ${CLIENTS} clients × ${SECONDS} s per load, production build on 127.0.0.1`,
)
for (const o of outcomes) {
  console.log(`${o.scenario.padEnd(14)} ${o.problems.length === 0 ? 'ok' : 'FAILED'}`)
  for (const p of o.problems) console.log(`  ${p}`)
}
process.exitCode = outcomes.some((o) => o.problems.length > 0) ? 1 : 0
