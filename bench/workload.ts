// The mixed workload of bench/load.ts and bench/faults.ts: what is seeded
// before the app starts, what signed-in clients do over real HTTP, and the
// ledger of every write the app acknowledged, checked afterwards in the
// database.
import crypto from 'node:crypto'
import http from 'node:http'
import { eq, sql } from 'drizzle-orm'
import { verifyAllChains } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { auditEntries, organisations, proposals, staffConcerns, users } from '#db/schema'
import { DEMO_ORGANISATION } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { insertSession } from '#db/sessions.server'
import { sha256 } from '~/utils/secrets.server'
import { actorFor } from '~/workflow/actor.server'
import { addDays, serviceDate } from '~/utils/calendar'
import { openStaffConsultation } from '~/workflow/consultation/staff.server'
import { addIntakeAttachment } from '~/workflow/intake/intake.server'
import { declareInterest, rubricFor } from '~/workflow/screening/screening.server'
import { enterConsultation, TEST_MAIL } from '#tests/support/consultation'
import { pdfBytes } from '#tests/support/documents'
import { createProposal, createUser } from '#tests/support/factories'
import { issueDecisionRecord, startMonitoring, visaPlan } from '#tests/support/monitoring'
import { submitProposal } from '#tests/support/screening'
import { percentile } from './support'

export type LoadData = {
  /** Session cookies: one per client, in each role; a staff client has several people. */
  cookies: {
    chief: string[]
    reviewer: string[]
    staff: string[][]
    admin: string[]
    reader: string[]
  }
  /** Proposals in each state the workload touches. */
  screening: { id: string; attachmentId: string }[]
  consultation: string[]
  monitoring: string[]
  /** One draft per chief-librarian client, each theirs alone, with its version. */
  drafts: { id: string; version: number }[]
  reviewerIds: string[]
  criterionKey: string
  record: { proposalId: string; id: string }
}

const cookieOf = (token: string) =>
  `probity_session=${encodeURIComponent(Buffer.from(JSON.stringify(token)).toString('base64'))}`

async function session(db: Database, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url')
  await insertSession(db, sha256(token), userId, new Date(Date.now() + 24 * 3600_000))
  return cookieOf(token)
}

/**
 * The demo service, plus enough people and proposals for `clients` clients:
 * proposals in screening (with an attachment, every demo reviewer cleared to
 * score), consultations open to staff, monitored partnerships, a signed
 * record, and a draft of its own for each chief-librarian client. Concerns
 * are limited to five an hour a person, so staff clients get many people.
 */
export async function seedLoadData(
  db: Database,
  {
    clients,
    dataDir,
    concernsPerClient,
  }: { clients: number; dataDir: string; concernsPerClient: number },
): Promise<LoadData> {
  await seedDemo(db)
  const org = (await db.query.organisations.findFirst({
    where: eq(organisations.slug, DEMO_ORGANISATION.slug),
  }))!
  const people = await db.select().from(users).where(eq(users.organisationId, org.id))
  const byRole = (role: string) => people.filter((u) => u.roles.includes(role as never))
  const chief = byRole('chief_librarian')[0]!
  const reviewers = byRole('reviewer')
  // The demo service requires a second signatory (its story has two).
  const signatory = byRole('signatory').find((u) => u.id !== chief.id)
  const signing = { dataDir, publicUrl: 'http://localhost' }
  const screening: LoadData['screening'] = []
  for (let i = 0; i < 6; i++) {
    const proposal = await createProposal(db, org.id, chief.id, { title: `Screening ${i}` })
    const attached = await addIntakeAttachment(db, {
      actor: actorFor(chief),
      organisationId: org.id,
      proposalId: proposal.id,
      filename: `papers-${i}.pdf`,
      bytes: pdfBytes(`Papers ${i}`),
    })
    if (!attached.ok) throw new Error(attached.message)
    await submitProposal(db, { proposal, proposer: chief, reviewers })
    for (const r of reviewers) {
      const declared = await declareInterest(db, {
        actor: actorFor(r),
        organisationId: org.id,
        proposalId: proposal.id,
        conflict: false,
      })
      if (!declared.ok) throw new Error(declared.message)
    }
    const attachment = (await db.query.attachments.findFirst({
      where: (a, { eq }) => eq(a.proposalId, proposal.id),
    }))!
    screening.push({ id: proposal.id, attachmentId: attachment.id })
  }
  const consultation: string[] = []
  for (let i = 0; i < 6; i++) {
    const proposal = await createProposal(db, org.id, chief.id, { title: `Consultation ${i}` })
    await enterConsultation(db, { proposal, proposer: chief, reviewers })
    const opened = await openStaffConsultation(db, {
      user: chief,
      proposalId: proposal.id,
      closesOn: addDays(serviceDate(new Date()), 30),
      summary: 'Tell us',
      mail: TEST_MAIL,
    })
    if (!opened.ok) throw new Error(opened.message)
    consultation.push(proposal.id)
  }
  const monitoring: string[] = []
  for (let i = 0; i < 2; i++) {
    const proposal = await createProposal(db, org.id, chief.id, { title: `Monitored ${i}` })
    await startMonitoring(db, proposal, { chief, reviewers, signatory }, visaPlan(serviceDate(new Date())))
    monitoring.push(proposal.id)
  }
  // On a monitored proposal, which everyone in the service may see (a draft only its proposer may).
  const recorded = (await db.query.proposals.findFirst({
    where: (p, { eq }) => eq(p.id, monitoring[0]!),
  }))!
  const record = await issueDecisionRecord(db, signing, recorded)
  const drafts: LoadData['drafts'] = []
  const cookies: LoadData['cookies'] = { chief: [], reviewer: [], staff: [], admin: [], reader: [] }
  for (let c = 0; c < clients; c++) {
    const slot = slotOf(c)
    if (slot === 'chief') {
      drafts.push({
        id: (await createProposal(db, org.id, chief.id, { title: `Draft ${c}` })).id,
        version: 1,
      })
      cookies.chief.push(await session(db, chief.id))
    } else if (slot === 'reviewer')
      cookies.reviewer.push(await session(db, reviewers[c % reviewers.length]!.id))
    else if (slot === 'admin') cookies.admin.push(await session(db, byRole('admin')[0]!.id))
    else if (slot === 'reader')
      cookies.reader.push(await session(db, byRole('signatory').at(-1)!.id))
    else {
      // Each staff client has people enough for its concerns: five each, an hour.
      const mine: string[] = []
      for (let n = 0; n < Math.ceil(concernsPerClient / 5); n++)
        mine.push(await session(db, (await createUser(db, org.id, ['staff'])).id))
      cookies.staff.push(mine)
    }
  }
  const rubric = await rubricFor(db, { id: screening[0]!.id, organisationId: org.id }, 0)
  return {
    cookies,
    screening,
    consultation,
    monitoring,
    drafts,
    reviewerIds: reviewers.map((r) => r.id),
    criterionKey: rubric.content.criteria[0]!.key,
    record: { proposalId: recorded.id, id: record.id },
  }
}

type Slot = 'chief' | 'reviewer' | 'staff' | 'admin' | 'reader'
/** Of every ten clients: four staff, three reviewers, one chief librarian, one administrator, one signatory reading. */
function slotOf(client: number): Slot {
  return (
    [
      'staff',
      'reviewer',
      'staff',
      'chief',
      'reviewer',
      'staff',
      'admin',
      'reviewer',
      'staff',
      'reader',
    ] as const
  )[client % 10]!
}

// ---------------------------------------------------------------- HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })

type Answer = { status: number; location?: string; body: string }

/** One request on a kept-alive connection; the whole body is read, as a browser would. */
function send(
  base: string,
  path: string,
  { cookie, form }: { cookie?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(path, base)
  const body = form ? new URLSearchParams(form).toString() : undefined
  const headers: Record<string, string> = { Accept: 'text/html' }
  if (cookie) headers.Cookie = cookie
  if (body !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    headers['Content-Length'] = String(Buffer.byteLength(body))
    headers.Origin = url.origin
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: body === undefined ? 'GET' : 'POST', headers, agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')))
    req.end(body)
  })
}

// ---------------------------------------------------------------- ledger

/** Every write the app acknowledged (2xx, or 3xx not to sign-in), to look for afterwards. */
export type Ledger = {
  concerns: { proposalId: string; text: string }[]
  reviewSaves: Map<string, number>
  /** Per draft: the last title the app acknowledged, and how many saves it acknowledged. */
  drafts: Map<string, { title: string; saves: number; sequence: number }>
}

export const newLedger = (): Ledger => ({ concerns: [], reviewSaves: new Map(), drafts: new Map() })
export const acknowledgedCount = (l: Ledger) =>
  l.concerns.length +
  [...l.reviewSaves.values()].reduce((a, b) => a + b, 0) +
  [...l.drafts.values()].reduce((a, d) => a + d.saves, 0)

// ---------------------------------------------------------------- clients

export type Sample = { op: string; ms: number; status: number; error?: string }

type Op = {
  name: string
  write: boolean
  run: () => Promise<Answer>
  acknowledged?: (a: Answer) => void
  /** After a 409: catch up with what the server holds. */
  conflicted?: () => Promise<void>
}

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!
const ok = (a: Answer) =>
  (a.status >= 200 && a.status < 300) ||
  (a.status >= 300 && a.status < 400 && !a.location?.startsWith('/login'))

/** What client `c` does next, given its role slot: mostly reading, with its share of writes. */
function nextOp(
  c: number,
  bases: string[],
  data: LoadData,
  ledger: Ledger,
  state: ClientState,
): Op {
  const base = bases[c % bases.length]!
  const slot = slotOf(c)
  const get = (name: string, path: string, cookie: string): Op => ({
    name,
    write: false,
    run: () => send(base, path, { cookie }),
  })
  const cookie = state.cookie
  const browse = (): Op => {
    const s = pick(data.screening)
    const choices: Op[] = [
      get('GET /', '/', cookie),
      get('GET /proposals/:id', `/proposals/${s.id}`, cookie),
      get(
        'GET /proposals/:id/consultation',
        `/proposals/${pick(data.consultation)}/consultation`,
        cookie,
      ),
      get(
        'GET /proposals/:id/monitoring',
        `/proposals/${pick(data.monitoring)}/monitoring`,
        cookie,
      ),
      get('GET /notifications', '/notifications', cookie),
    ]
    if (slot !== 'staff')
      choices.push(
        get('GET /proposals', '/proposals', cookie),
        get('GET /proposals/:id/screening', `/proposals/${s.id}/screening`, cookie),
      )
    return pick(choices)
  }
  const writeShare = Math.random() < 0.3
  if (slot === 'staff' && writeShare && state.concernsLeft > 0) {
    const proposalId = pick(data.consultation)
    const text = `Load concern ${crypto.randomUUID()}`
    return {
      name: 'POST raise a concern',
      write: true,
      run: () =>
        send(base, `/proposals/${proposalId}/consultation?index`, {
          cookie,
          form: { intent: 'concern.raise', category: 'ethics', text, identity: 'named' },
        }),
      acknowledged: () => {
        ledger.concerns.push({ proposalId, text })
        state.spend()
      },
    }
  }
  if (slot === 'reviewer' && writeShare) {
    const proposalId = pick(data.screening).id
    const reviewerId = state.reviewerId!
    return {
      name: 'POST save a draft score',
      write: true,
      run: () =>
        send(base, `/proposals/${proposalId}/screening/review`, {
          cookie,
          form: {
            intent: 'save',
            reviewerId,
            [`scores.${data.criterionKey}.likelihood`]: String(1 + Math.floor(Math.random() * 5)),
            [`scores.${data.criterionKey}.impact`]: '2',
            [`scores.${data.criterionKey}.rationale`]: `Draft ${crypto.randomUUID()}`,
          },
        }),
      acknowledged: () =>
        ledger.reviewSaves.set(proposalId, (ledger.reviewSaves.get(proposalId) ?? 0) + 1),
    }
  }
  if (slot === 'chief' && writeShare) {
    const draft = state.draft!
    const sequence = ++state.sequence
    const title = `Draft ${c} save ${sequence}`
    return {
      name: 'POST save a proposal (transition)',
      write: true,
      run: () =>
        send(base, `/proposals/${draft.id}/edit`, {
          cookie,
          form: {
            intent: 'save',
            version: String(draft.version),
            title,
            partner: 'Load Partner Ltd',
          },
        }),
      acknowledged: () => {
        draft.version++
        const entry = ledger.drafts.get(draft.id) ?? { title, saves: 0, sequence }
        ledger.drafts.set(draft.id, { title, saves: entry.saves + 1, sequence })
      },
      // A save that went in unacknowledged (the app killed before it answered) moved the version on.
      conflicted: async () => {
        const page = await send(base, `/proposals/${draft.id}/edit`, { cookie })
        const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
        if (version) draft.version = Number(version)
      },
    }
  }
  if ((slot === 'reader' || slot === 'chief') && Math.random() < 0.25) {
    return Math.random() < 0.5
      ? get(
          'GET decision record (PDF)',
          `/proposals/${data.record.proposalId}/decision/records/${data.record.id}`,
          cookie,
        )
      : (() => {
          const s = pick(data.screening)
          return get('GET attachment', `/proposals/${s.id}/attachments/${s.attachmentId}`, cookie)
        })()
  }
  if (slot === 'admin' && Math.random() < 0.3)
    return get('GET /admin/users', '/admin/users', cookie)
  return browse()
}

type ClientState = {
  cookie: string
  reviewerId?: string
  draft?: { id: string; version: number }
  sequence: number
  concernsLeft: number
  spend: () => void
}

function clientStates(clients: number, data: LoadData): ClientState[] {
  const counters: Record<Slot, number> = { chief: 0, reviewer: 0, staff: 0, admin: 0, reader: 0 }
  return Array.from({ length: clients }, (_, c) => {
    const slot = slotOf(c)
    const n = counters[slot]++
    if (slot === 'staff') {
      const mine = data.cookies.staff[n]!
      const state: ClientState = {
        cookie: mine[0]!,
        sequence: 0,
        concernsLeft: mine.length * 5,
        spend: () => {
          state.concernsLeft--
          // Five concerns an hour a person: the next person takes over.
          if (state.concernsLeft % 5 === 0 && state.concernsLeft > 0)
            state.cookie = mine[mine.length - state.concernsLeft / 5]!
        },
      }
      return state
    }
    return {
      cookie: data.cookies[slot][n]!,
      reviewerId: slot === 'reviewer' ? data.reviewerIds[c % data.reviewerIds.length] : undefined,
      draft: slot === 'chief' ? data.drafts[n] : undefined,
      sequence: 0,
      concernsLeft: 0,
      spend: () => {},
    }
  })
}

export type RunResult = { samples: Sample[]; seconds: number }

/**
 * `clients` clients, each sending its next request as soon as the last is
 * answered, for `seconds` after a warm-up whose requests are not counted.
 * With `until` (a fault scenario's recovery), the run also goes on until it
 * settles and `thenSeconds` more. A client whose request found no server, or
 * a 503, waits a moment before the next, as a person would.
 */
export async function runMixed(
  /** Read before each request: a scenario may replace an address (a restarted app). */
  bases: string[],
  data: LoadData,
  ledger: Ledger,
  {
    clients,
    seconds,
    warmupSeconds = 0,
    onSample,
    until,
    thenSeconds = 0,
  }: {
    clients: number
    seconds: number
    warmupSeconds?: number
    onSample?: (s: Sample) => void
    until?: Promise<unknown>
    thenSeconds?: number
  },
): Promise<RunResult> {
  const states = clientStates(clients, data)
  const samples: Sample[] = []
  const start = performance.now()
  const measureFrom = start + warmupSeconds * 1000
  let end = measureFrom + seconds * 1000
  let waiting = Boolean(until)
  void until?.finally(() => {
    waiting = false
    end = Math.max(end, performance.now() + thenSeconds * 1000)
  })
  await Promise.all(
    states.map(async (state, c) => {
      while (waiting || performance.now() < end) {
        const op = nextOp(c, bases, data, ledger, state)
        const t0 = performance.now()
        let sample: Sample
        try {
          const answer = await op.run()
          if (op.write && ok(answer)) op.acknowledged?.(answer)
          if (answer.status === 409) await op.conflicted?.().catch(() => {})
          sample = { op: op.name, ms: performance.now() - t0, status: answer.status }
        } catch (error) {
          sample = {
            op: op.name,
            ms: performance.now() - t0,
            status: 0,
            error: (error as Error).message,
          }
        }
        if (t0 >= measureFrom) {
          samples.push(sample)
          onSample?.(sample)
        }
        if (sample.status === 0 || sample.status === 503)
          await new Promise((r) => setTimeout(r, 100))
      }
    }),
  )
  return { samples, seconds: (performance.now() - measureFrom) / 1000 }
}

/** The framework's ceiling on this machine: a page with no database work, signed out (GET /login). */
export async function runBaseline(
  bases: string[],
  {
    clients,
    seconds,
    warmupSeconds = 0,
  }: { clients: number; seconds: number; warmupSeconds?: number },
): Promise<RunResult> {
  const samples: Sample[] = []
  const start = performance.now()
  const measureFrom = start + warmupSeconds * 1000
  const end = measureFrom + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        const t0 = performance.now()
        let status = 0
        try {
          status = (await send(bases[c % bases.length]!, '/login')).status
        } catch {
          status = 0
        }
        if (t0 >= measureFrom)
          samples.push({ op: 'GET /login (signed out)', ms: performance.now() - t0, status })
      }
    }),
  )
  return { samples, seconds }
}

export function figures({ samples, seconds }: RunResult) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
  return {
    requests: samples.length,
    perSecond: samples.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    serverErrors: samples.filter((s) => s.status >= 500).length,
    failed: samples.filter((s) => s.status === 0).length,
    refused: samples.filter((s) => s.status >= 400 && s.status < 500).length,
    writes: samples.filter((s) => s.op.startsWith('POST')).length,
  }
}

export function perOperation({ samples }: RunResult) {
  const ops = new Map<string, Sample[]>()
  for (const s of samples) ops.set(s.op, [...(ops.get(s.op) ?? []), s])
  return [...ops].map(([op, list]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b)
    const statuses = new Map<number, number>()
    for (const s of list) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1)
    return {
      op,
      n: list.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      statuses: [...statuses].sort((a, b) => a[0] - b[0]),
    }
  })
}

// ---------------------------------------------------------------- checks

export type WriteCheck = { acknowledged: number; missing: string[] }

/** Every acknowledged write, looked for in the database. */
export async function checkLedger(
  db: Database,
  ledger: Ledger,
  baseline: Map<string, number>,
): Promise<WriteCheck> {
  const missing: string[] = []
  const stored = new Set(
    (await db.select({ text: staffConcerns.text }).from(staffConcerns)).map((r) => r.text),
  )
  for (const c of ledger.concerns)
    if (!stored.has(c.text)) missing.push(`concern "${c.text}" on ${c.proposalId}`)
  const counts = await auditCounts(db)
  for (const [proposalId, saves] of ledger.reviewSaves) {
    const have =
      (counts.get(`${proposalId}|review.save`) ?? 0) -
      (baseline.get(`${proposalId}|review.save`) ?? 0)
    if (have < saves) missing.push(`${saves - have} of ${saves} draft scores on ${proposalId}`)
  }
  for (const [proposalId, d] of ledger.drafts) {
    const have =
      (counts.get(`${proposalId}|proposal.update`) ?? 0) -
      (baseline.get(`${proposalId}|proposal.update`) ?? 0)
    if (have < d.saves) missing.push(`${d.saves - have} of ${d.saves} saves of draft ${proposalId}`)
    const [row] = await db
      .select({ title: proposals.title })
      .from(proposals)
      .where(eq(proposals.id, proposalId))
    // A save after the last acknowledged one may have landed unacknowledged; an earlier one may not have won.
    const sequence = Number(/save (\d+)$/.exec(row?.title ?? '')?.[1] ?? -1)
    if (sequence < d.sequence)
      missing.push(
        `draft ${proposalId} shows "${row?.title}", older than acknowledged "${d.title}"`,
      )
  }
  return { acknowledged: acknowledgedCount(ledger), missing }
}

/** Audit entries per proposal and event type, keyed "proposalId|eventType". */
export async function auditCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({
      proposalId: auditEntries.proposalId,
      eventType: auditEntries.eventType,
      n: sql<number>`count(*)::int`,
    })
    .from(auditEntries)
    .groupBy(auditEntries.proposalId, auditEntries.eventType)
  return new Map(rows.map((r) => [`${r.proposalId}|${r.eventType}`, Number(r.n)]))
}

export type IntegrityCheck = {
  proposals: number
  entries: number
  brokenChains: string[]
  halfApplied: string[]
}

/** Every chain verifies, and every proposal's version is its last audit entry: no transition half applied. */
export async function checkIntegrity(db: Database): Promise<IntegrityCheck> {
  const chains = await verifyAllChains(db)
  const rows = await db
    .select({
      id: proposals.id,
      version: proposals.version,
      lastSeq: sql<number>`max(${auditEntries.seq})::int`,
    })
    .from(proposals)
    .leftJoin(auditEntries, eq(auditEntries.proposalId, proposals.id))
    .groupBy(proposals.id, proposals.version)
  return {
    proposals: rows.length,
    entries: chains.reduce((n, c) => n + c.length, 0),
    brokenChains: chains.flatMap((c) => (c.ok ? [] : [`${c.proposalId} at ${c.brokenAtSeq}`])),
    halfApplied: rows
      .filter((r) => Number(r.lastSeq) !== r.version)
      .map((r) => `${r.id}: version ${r.version}, last entry ${r.lastSeq}`),
  }
}

/** Each draft's version as stored, for clients to go on from after a restart. */
export async function refreshDraftVersions(db: Database, data: LoadData) {
  for (const d of data.drafts) {
    const [row] = await db
      .select({ version: proposals.version })
      .from(proposals)
      .where(eq(proposals.id, d.id))
    d.version = row!.version
  }
}

// ---------------------------------------------------------------- busiest routes

const ORIGIN = 'http://localhost'

function documentRequest(path: string, cookie: string, form?: Record<string, string>): Request {
  const headers = new Headers({ Accept: 'text/html', Cookie: cookie, Origin: ORIGIN })
  if (!form) return new Request(`${ORIGIN}${path}`, { headers })
  headers.set('Content-Type', 'application/x-www-form-urlencoded')
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: new URLSearchParams(form) })
}

/**
 * The ten requests the mixed workload sends most (its browsing and its three
 * writes), as the first client in each role sends them; each call makes a
 * fresh one (a draft's version moves on with each save). For
 * bench/statements.ts and tests/integration/statement-budget.test.ts.
 */
export function busiestRequests(data: LoadData): { name: string; request: () => Request }[] {
  const reviewer = data.cookies.reviewer[0]!
  const staff = data.cookies.staff[0]![0]!
  const chief = data.cookies.chief[0]!
  const draft = data.drafts[0]!
  const screening = data.screening[0]!.id
  const consultation = data.consultation[0]!
  let sequence = 0
  return [
    { name: 'GET /', request: () => documentRequest('/', reviewer) },
    { name: 'GET /proposals', request: () => documentRequest('/proposals', reviewer) },
    { name: 'GET /notifications', request: () => documentRequest('/notifications', reviewer) },
    { name: 'GET /proposals/:id', request: () => documentRequest(`/proposals/${screening}`, reviewer) },
    {
      name: 'GET /proposals/:id/screening',
      request: () => documentRequest(`/proposals/${screening}/screening`, reviewer),
    },
    {
      name: 'GET /proposals/:id/consultation',
      request: () => documentRequest(`/proposals/${consultation}/consultation`, staff),
    },
    {
      name: 'GET /proposals/:id/monitoring',
      request: () => documentRequest(`/proposals/${data.monitoring[0]!}/monitoring`, reviewer),
    },
    {
      name: 'POST raise a concern',
      request: () =>
        documentRequest(`/proposals/${consultation}/consultation?index`, staff, {
          intent: 'concern.raise',
          category: 'ethics',
          text: `Budget concern ${crypto.randomUUID()}`,
          identity: 'named',
        }),
    },
    {
      name: 'POST save a draft score',
      request: () =>
        documentRequest(`/proposals/${screening}/screening/review`, reviewer, {
          intent: 'save',
          // The first reviewer client's, as clientStates gives it.
          reviewerId: data.reviewerIds[1 % data.reviewerIds.length]!,
          [`scores.${data.criterionKey}.likelihood`]: '3',
          [`scores.${data.criterionKey}.impact`]: '2',
          [`scores.${data.criterionKey}.rationale`]: `Draft ${crypto.randomUUID()}`,
        }),
    },
    {
      name: 'POST save a proposal (transition)',
      request: () =>
        documentRequest(`/proposals/${draft.id}/edit`, chief, {
          intent: 'save',
          version: String(draft.version++),
          title: `Draft save ${++sequence}`,
          partner: 'Load Partner Ltd',
        }),
    },
  ]
}
