// Server time of the dashboards and the partnership register with 5,000
// proposals and 100,000 audit entries, on PGlite and PostgreSQL. The data is
// bulk-inserted (valid machine snapshots for each stage, valid audit chains,
// screening scores, decisions, monitoring plans, reviews, reassessments and
// concerns), then each loader is called with a signed-in Request, as Remix
// would call it, and timed.
//
//   npx tsx bench/dashboards.ts [--proposals 5000] [--entries 100000] [--samples 200] [--db pglite,postgres]
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { count, sql } from 'drizzle-orm'
import { entryHash, GENESIS_HASH, payloadDigest } from '#db/audit.server'
import { openPglite, openPostgres, type Database, type DatabaseHandle } from '#db/client.server'
import { auditEntries, decisionRecords, decisions, DEFAULT_ORGANISATION_SETTINGS, monitoringConditions, monitoringIndicators, monitoringPlans, monitoringReviews, organisations, privacyAnswers, proposals, reassessments, reviewReadings, reviewScores, rubrics, screeningReviewers, screenings, staffConcerns, users } from '#db/schema'
import { type Role } from '#machines/vocabulary/roles'
import {
  countByStage,
  listAwaitingReviewer,
  listBlockingIssues,
  listInReassessment,
  listNamedConcerns,
  listOpenConsultations,
  listProposerInProgress,
  listReviewsDue,
} from '#db/dashboards.server'
import { hasUnnotifiedOverdue } from '#db/monitoring.server'
import { countRegister, fillRiskBands, listRegister } from '#db/register.server'
import { findSessionUser, insertSession } from '#db/sessions.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { PROPOSAL_MACHINE_VERSION } from '#machines/proposal-machine'
import { can, describeState, initialSnapshot, next, restore, stageOf, type PersistedSnapshot } from '#machines/proposal-workflow'
import { loader as publicRegisterLoader } from '~/routes/public.$org.register'
import { loader as csvLoader } from '~/routes/register[.]csv'
import { loader as registerLoader } from '~/routes/register._index'
import { loader as homeLoader } from '~/routes/_index'
import { setAppContext } from '~/utils/app-context.server'
import { parseConfig } from '~/utils/config.server'
import { addDays, addMonths, dueOn } from '~/utils/review-schedule'
import { sha256 } from '~/utils/secrets.server'
import { parseRegisterQuery, registerFilter } from '~/workflow/register/register-query'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { ms, startPostgres, summarise } from './support'

const { values } = parseArgs({
  options: {
    proposals: { type: 'string', default: '5000' },
    entries: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '200' },
    db: { type: 'string', default: 'pglite,postgres' },
    /** Also time each query the loaders make, to see where the time goes. */
    queries: { type: 'boolean', default: false },
    /** Keep the seeded PGlite database in this directory and reuse it on the next run. */
    keep: { type: 'string' },
  },
})
const PROPOSALS = Number(values.proposals)
const ENTRIES_PER_PROPOSAL = Math.max(1, Math.round(Number(values.entries) / PROPOSALS))
const SAMPLES = Number(values.samples)
const TODAY = new Date().toISOString().slice(0, 10)

/** Roughly how a service's proposals spread over the stages after a few years. */
const STAGE_MIX: [stage: string, share: number][] = [
  ['draft', 0.08],
  ['screening', 0.12],
  ['consultation', 0.12],
  ['decision', 0.05],
  ['approved', 0.03],
  ['monitoring', 0.3],
  ['reassessment', 0.03],
  ['suspended', 0.01],
  ['rejected', 0.1],
  ['withdrawn', 0.06],
  ['terminated', 0.03],
  ['concluded', 0.07],
]

const uuid = () => crypto.randomUUID()

type Cast = { orgId: string; chief: string; signatory: string; reviewers: string[]; staff: string[] }

function actor(id: string | null, roles: Role[] | ['system'], orgId: string): ProposalEvent['actor'] {
  return { id, roles: roles as ProposalEvent['actor']['roles'], organisationId: orgId }
}

/** A real machine snapshot for each stage, reached by sending the events that lead there. */
function stageSnapshots(cast: Cast): Map<string, PersistedSnapshot> {
  const P = actor(cast.chief, ['chief_librarian', 'signatory'], cast.orgId)
  const [r1, r2] = cast.reviewers.map((id) => actor(id, ['reviewer'], cast.orgId))
  const anonymous = actor(null, ['staff'], cast.orgId)
  const at = `${addDays(TODAY, -60)}T09:00:00.000Z`
  const closing = `${addDays(TODAY, 30)}T09:00:00.000Z`
  const start = initialSnapshot({
    proposalId: uuid(),
    organisationId: cast.orgId,
    proposerId: cast.chief,
    minReviewers: 2,
    requiredSignatures: 1,
    minConsultationDays: 14,
    unionRequired: true,
  })
  type State = { snapshot: ReturnType<typeof restore>; persisted: PersistedSnapshot }
  let current: State = { snapshot: restore(start, PROPOSAL_MACHINE_VERSION), persisted: start }
  const out = new Map<string, PersistedSnapshot>()
  const send = (...events: ProposalEvent[]) => {
    for (const e of events) {
      if (!can(current.snapshot, e)) throw new Error(`the machine refuses ${e.type} in ${describeState(current.snapshot.value)}`)
      const n = next(current.snapshot, e)
      current = { snapshot: n.snapshot, persisted: n.persisted }
    }
    return current
  }
  const save = (stage: string) => out.set(stage, structuredClone(current.persisted))
  const from = (state: State) => (current = state)

  const initial = current
  save('draft')
  send({ type: 'reviewers.assign', reviewerIds: cast.reviewers.slice(0, 2), actor: P }, { type: 'proposal.withdraw', reason: 'The partner withdrew', actor: P })
  save('withdrawn')
  from(initial)
  // Reviewer 1 still has to declare; reviewer 2 to score.
  send(
    { type: 'reviewers.assign', reviewerIds: cast.reviewers.slice(0, 2), actor: P },
    { type: 'proposal.submit', intakeComplete: true, actor: P },
    { type: 'review.declare', conflict: false, actor: r2! },
  )
  save('screening')
  send({ type: 'review.declare', conflict: false, actor: r1! }, { type: 'review.submit', actor: r1! }, { type: 'review.submit', actor: r2! }, { type: 'screening.complete', actor: P })
  // An open staff consultation with an unanswered concern.
  const concernId = uuid()
  send({ type: 'pb.request', deadline: closing, actor: P }, { type: 'staff.open', closingDate: closing, at, actor: P }, { type: 'concern.raise', concernId, at, actor: anonymous })
  save('consultation')
  send(
    { type: 'pb.respond', recommendationIds: [], actor: P },
    { type: 'pb.complete', actor: P },
    { type: 'concern.respond', concernId, actor: P },
    { type: 'union.record', actor: P },
    { type: 'staff.complete', at: `${addDays(TODAY, 31)}T09:00:00.000Z`, actor: P },
  )
  save('decision')
  const decision = current
  send({ type: 'decision.record', outcome: 'reject', actor: P }, { type: 'decision.sign', stepUpVerified: true, actor: P })
  save('rejected')
  from(decision)
  send({ type: 'decision.record', outcome: 'approve_with_conditions', actor: P }, { type: 'decision.sign', stepUpVerified: true, actor: P })
  save('approved')
  const monitoring = send({ type: 'monitoring.start', actor: P })
  save('monitoring')
  send({ type: 'contract.end', actor: P })
  save('concluded')
  from(monitoring)
  const reassessment = send({ type: 'monitoring.review', breach: true, actor: P })
  save('reassessment')
  send({ type: 'reassessment.record', outcome: 'suspend', actor: P }, { type: 'reassessment.sign', stepUpVerified: true, actor: P })
  save('suspended')
  from(reassessment)
  send({ type: 'reassessment.record', outcome: 'terminate', actor: P }, { type: 'reassessment.sign', stepUpVerified: true, actor: P })
  save('terminated')
  for (const [stage, snap] of out) {
    const restored = restore(snap, PROPOSAL_MACHINE_VERSION)
    if (stageOf(restored.value) !== stage) throw new Error(`the template for ${stage} is in ${describeState(restored.value)}`)
  }
  return out
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) {
    // Drizzle's error quotes the whole statement; the database's reason is what matters.
    await insert(rows.slice(i, i + size)).catch((error: Error & { cause?: Error }) => {
      throw new Error(error.cause?.message ?? error.message)
    })
  }
}

async function seed(db: Database) {
  const orgId = uuid()
  const slug = `bench-${orgId.slice(0, 8)}`
  await db.insert(organisations).values({ id: orgId, name: 'Bench Library Service', slug, settings: { ...DEFAULT_ORGANISATION_SETTINGS, publicRegister: true } })
  const person = (roles: Role[], n: string) => ({ id: uuid(), organisationId: orgId, email: `${n}-${orgId}@bench.example`, name: `Bench ${n}`, passwordHash: 'x', roles })
  const chief = person(['chief_librarian', 'signatory'], 'chief')
  const signatory = person(['signatory'], 'signatory')
  const reviewerRows = [1, 2, 3].map((n) => person(['reviewer'], `reviewer${n}`))
  const staffRows = [1, 2, 3, 4, 5].map((n) => person(['staff'], `staff${n}`))
  await db.insert(users).values([chief, signatory, ...reviewerRows, ...staffRows])
  const cast: Cast = { orgId, chief: chief.id, signatory: signatory.id, reviewers: reviewerRows.map((r) => r.id), staff: staffRows.map((r) => r.id) }
  const [rubric] = await db.insert(rubrics).values({ organisationId: orgId, version: 1, content: DEFAULT_RUBRIC }).returning()
  const templates = stageSnapshots(cast)

  const stages: string[] = []
  for (const [stage, share] of STAGE_MIX) for (let i = 0; i < Math.round(share * PROPOSALS); i++) stages.push(stage)
  while (stages.length < PROPOSALS) stages.push('monitoring')
  stages.length = PROPOSALS

  const proposalRows = stages.map((stage, i) => {
    const id = uuid()
    const snapshot = structuredClone(templates.get(stage)!) as { context: { proposalId: string; staff: { concerns: Record<string, boolean> } } }
    snapshot.context.proposalId = id
    // Each consultation's unanswered concern is its own.
    if (stage === 'consultation') snapshot.context.staff.concerns = { [uuid()]: false }
    const updatedAt = new Date(Date.now() - (PROPOSALS - i) * 3_600_000)
    return {
      id,
      organisationId: orgId,
      reference: `B-${String(i + 1).padStart(5, '0')}`,
      title: `${['Coffee concession', 'Visa biometrics', 'Police drop-in', 'E-resource', 'Bodycam contract', 'Analytics partnership'][i % 6]} ${i + 1}`,
      partner: `Partner ${i % 97}`,
      contractor: i % 5 === 0 ? `Contractor ${i % 13}` : null,
      proposerId: chief.id,
      stage,
      machineVersion: PROPOSAL_MACHINE_VERSION,
      snapshot: snapshot as unknown as PersistedSnapshot,
      version: ENTRIES_PER_PROPOSAL,
      createdAt: updatedAt,
      updatedAt,
    }
  })
  await insertChunks(proposalRows, 500, (chunk) => db.insert(proposals).values(chunk))

  // Audit chains, hashed as the transition service hashes them.
  let entries = 0
  const auditRows: (typeof auditEntries.$inferInsert)[] = []
  for (const p of proposalRows) {
    let prevHash = GENESIS_HASH
    for (let seq = 1; seq <= ENTRIES_PER_PROPOSAL; seq++) {
      const fields = {
        proposalId: p.id,
        seq,
        actorId: chief.id,
        actorKind: 'user' as const,
        eventType: seq === 1 ? 'proposal.create' : 'proposal.update',
        payloadDigest: payloadDigest({ seq }),
        summary: seq === 1 ? 'Proposal created' : 'Proposal updated',
        stateBefore: seq === 1 ? '' : p.stage,
        stateAfter: p.stage,
        at: new Date(p.createdAt.getTime() + seq * 60_000),
        prevHash,
      }
      const hash = entryHash(fields)
      auditRows.push({ ...fields, hash })
      prevHash = hash
      entries++
    }
  }
  await insertChunks(auditRows, 1000, (chunk) => db.insert(auditEntries).values(chunk))

  // Screening: two submitted reviewers scoring every criterion; a required privacy "no" on one in twenty.
  const screened = proposalRows.filter((p) => !['draft', 'screening'].includes(p.stage) && !(p.stage === 'withdrawn'))
  const inScreening = proposalRows.filter((p) => p.stage === 'screening')
  const now = new Date()
  await insertChunks([...screened, ...inScreening], 500, (chunk) =>
    db.insert(screenings).values(chunk.map((p) => ({ proposalId: p.id, round: 0, rubricId: rubric!.id, startedAt: now }))),
  )
  const reviewerRowsFor = (p: (typeof proposalRows)[number], submitted: boolean) =>
    cast.reviewers.slice(0, 2).map((reviewerId) => ({ proposalId: p.id, round: 0, reviewerId, assignedAt: now, declaredAt: now, conflict: false, submittedAt: submitted ? now : null }))
  await insertChunks([...screened.flatMap((p) => reviewerRowsFor(p, true)), ...inScreening.flatMap((p) => reviewerRowsFor(p, false))], 1000, (chunk) =>
    db.insert(screeningReviewers).values(chunk),
  )
  const scoreRows = screened.flatMap((p, i) =>
    cast.reviewers.slice(0, 2).flatMap((reviewerId, r) =>
      DEFAULT_RUBRIC.criteria.map((c, k) => ({
        proposalId: p.id,
        round: 0,
        reviewerId,
        criterionKey: c.key,
        likelihood: ((i + k + r) % 5) + 1,
        impact: ((i * 3 + k) % 5) + 1,
        residualLikelihood: 1,
        residualImpact: 1,
        updatedAt: now,
      })),
    ),
  )
  await insertChunks(scoreRows, 1000, (chunk) => db.insert(reviewScores).values(chunk))
  // Every reviewer answers every privacy item; one pre-decision proposal in twenty has a required protection missing.
  const requiredItem = DEFAULT_RUBRIC.privacyItems.find((i) => i.required)!
  const blocked = new Set(proposalRows.filter((p) => ['consultation', 'decision'].includes(p.stage)).filter((_, i) => i % 20 === 0).map((p) => p.id))
  await insertChunks(
    screened.flatMap((p) =>
      cast.reviewers.slice(0, 2).flatMap((reviewerId) =>
        DEFAULT_RUBRIC.privacyItems.map((item) => ({
          proposalId: p.id,
          round: 0,
          reviewerId,
          itemKey: item.key,
          answer: blocked.has(p.id) && item.key === requiredItem.key ? ('no' as const) : ('yes' as const),
          evidence: '',
          updatedAt: now,
        })),
      ),
    ),
    1000,
    (chunk) => db.insert(privacyAnswers).values(chunk),
  )

  // Signed decisions and their records, for everything decided.
  const decided = proposalRows.filter((p) => ['approved', 'monitoring', 'reassessment', 'suspended', 'terminated', 'concluded', 'rejected'].includes(p.stage))
  const recordRows = decided.map((p) => ({
    id: uuid(),
    organisationId: orgId,
    proposalId: p.id,
    kind: 'decision' as const,
    parentRecordId: null,
    reference: `${p.reference}-R1`,
    proposalTitle: p.title,
    partner: p.partner,
    outcome: p.stage === 'rejected' ? 'reject' : 'approve_with_conditions',
    sha256: crypto.createHash('sha256').update(p.id).digest('hex'),
    filePath: `${orgId}/${p.id}.pdf`,
    byteSize: 1,
    auditHeadHash: GENESIS_HASH,
    auditHeadSeq: 1,
    signedAt: p.createdAt,
  }))
  await insertChunks(recordRows, 500, (chunk) => db.insert(decisionRecords).values(chunk))
  await insertChunks(
    recordRows.map((r) => ({
      organisationId: orgId,
      proposalId: r.proposalId,
      round: 0,
      outcome: r.outcome as 'reject' | 'approve_with_conditions',
      rationale: 'The benefits outweigh the risks, with the conditions set.',
      conditions: [{ text: 'No partner branding in public areas.', source: 'decision' as const }],
      recordedBy: chief.id,
      recordedAt: r.signedAt,
      signedAt: r.signedAt,
      recordId: r.id,
    })),
    500,
    (chunk) => db.insert(decisions).values(chunk),
  )

  // Monitoring plans, spread so that some reviews are overdue and some due soon; two reviews each.
  const monitored = decided.filter((p) => p.stage !== 'rejected')
  const planRows = monitored.map((p, i) => {
    const startsOn = addMonths(TODAY, -((i % 9) + 1))
    const nextSlot = i % 4 === 0 ? 1 : 3
    return { proposalId: p.id, intervalMonths: 3, startsOn, responsibleId: chief.id, nextSlot, nextDueOn: dueOn({ startsOn, intervalMonths: 3 }, nextSlot), overdueNotifiedSlot: nextSlot }
  })
  await insertChunks(planRows, 500, (chunk) => db.insert(monitoringPlans).values(chunk))
  const indicatorRows = monitored.flatMap((p) => [
    { id: uuid(), proposalId: p.id, position: 1, name: 'Visits', unit: 'visits a month', baseline: 10000, direction: 'higher_is_better' as const, thresholdKind: 'percent' as const, thresholdValue: 10, measure: 'manual' as const },
    { id: uuid(), proposalId: p.id, position: 2, name: 'Complaints', unit: 'complaints', baseline: 2, direction: 'lower_is_better' as const, thresholdKind: 'absolute' as const, thresholdValue: 5, measure: 'manual' as const },
  ])
  await insertChunks(indicatorRows, 1000, (chunk) => db.insert(monitoringIndicators).values(chunk))
  await insertChunks(
    monitored.map((p) => ({ proposalId: p.id, position: 1, text: 'No partner branding in public areas.', source: 'decision' as const })),
    1000,
    (chunk) => db.insert(monitoringConditions).values(chunk),
  )
  const reviewRows = planRows.flatMap((plan) =>
    Array.from({ length: plan.nextSlot - 1 }, (_, n) => ({
      id: uuid(),
      proposalId: plan.proposalId,
      slot: n + 1,
      dueOn: dueOn(plan, n + 1),
      reviewedOn: dueOn(plan, n + 1),
      narrative: 'Quarterly review.',
      status: 'green' as const,
      escalation: null,
      recordedBy: chief.id,
      recordedAt: now,
    })),
  )
  await insertChunks(reviewRows, 1000, (chunk) => db.insert(monitoringReviews).values(chunk))
  const indicatorsOf = new Map<string, string[]>()
  for (const i of indicatorRows) indicatorsOf.set(i.proposalId, [...(indicatorsOf.get(i.proposalId) ?? []), i.id])
  await insertChunks(
    reviewRows.flatMap((r) => indicatorsOf.get(r.proposalId)!.map((indicatorId) => ({ reviewId: r.id, indicatorId, value: 9800, status: 'green' as const, breached: false }))),
    1000,
    (chunk) => db.insert(reviewReadings).values(chunk),
  )
  await insertChunks(
    proposalRows
      .filter((p) => p.stage === 'reassessment' || p.stage === 'suspended')
      .map((p) => ({ proposalId: p.id, phase: p.stage === 'suspended' ? ('suspension' as const) : ('reassessment' as const), trigger: 'threshold' as const, triggerSummary: 'Visits fell 15% against a 10% threshold.', openedAt: now })),
    500,
    (chunk) => db.insert(reassessments).values(chunk),
  )

  // Staff concerns: the consultations' anonymous ones, and named ones by one member of staff across the service.
  const concernRows = proposalRows
    .filter((p) => p.stage === 'consultation')
    .flatMap((p) =>
      Object.keys((p.snapshot as unknown as { context: { staff: { concerns: Record<string, boolean> } } }).context.staff.concerns).map((id) => ({
        id,
        proposalId: p.id,
        round: 0,
        phase: 'consultation',
        category: 'ethics' as const,
        text: 'A concern about this partnership.',
        anonymous: true,
        authorId: null,
        authorTag: crypto.randomBytes(16).toString('base64url'),
        receiptHash: crypto.randomBytes(32).toString('hex'),
        raisedOn: TODAY,
      })),
    )
  const named = proposalRows.filter((p) => p.stage === 'monitoring').slice(0, 300).map((p) => ({
    id: uuid(),
    proposalId: p.id,
    round: 0,
    phase: 'monitoring',
    category: 'reputation' as const,
    text: 'Users ask about this partnership.',
    anonymous: false,
    authorId: cast.staff[0]!,
    authorTag: crypto.randomBytes(16).toString('base64url'),
    receiptHash: null,
    raisedOn: TODAY,
    response: 'Answered at the staff meeting.',
    respondedOn: TODAY,
    respondedBy: chief.id,
  }))
  await insertChunks([...concernRows, ...named], 1000, (chunk) => db.insert(staffConcerns).values(chunk))
  return { cast, slug, entries, screened: screened.length }
}

/** A service seeded by an earlier run with --keep. */
async function reuse(db: Database) {
  const org = await db.query.organisations.findFirst({ where: sql`${organisations.name} = 'Bench Library Service'` })
  if (!org) return undefined
  const people = await db.select().from(users).where(sql`${users.organisationId} = ${org.id}`).orderBy(users.email)
  const id = (prefix: string) => people.filter((u) => u.email.startsWith(prefix)).map((u) => u.id)
  const cast: Cast = { orgId: org.id, chief: id('chief')[0]!, signatory: id('signatory')[0]!, reviewers: id('reviewer'), staff: id('staff') }
  const [{ n }] = (await db.select({ n: count() }).from(screenings)) as [{ n: number }]
  return { cast, slug: org.slug, entries: 0, screened: n }
}

async function cookieFor(db: Database, userId: string) {
  const token = crypto.randomBytes(32).toString('base64url')
  await insertSession(db, sha256(token), userId, new Date(Date.now() + 3_600_000))
  return `probity_session=${encodeURIComponent(Buffer.from(JSON.stringify(token)).toString('base64'))}`
}

const request = (pathname: string, cookie?: string) =>
  new Request(`http://localhost:3000${pathname}`, { headers: cookie ? { Cookie: cookie } : {} })

/**
 * Wall time of each call, and this process's CPU time for it: on a machine
 * other work keeps busy, wall time counts the waits for a core too, while CPU
 * time is the work itself (with PGlite the database runs in this process, so
 * it is counted; a PostgreSQL server's own work is not).
 */
async function time(run: () => Promise<unknown>, samples = SAMPLES) {
  for (let i = 0; i < 10; i++) await run()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < samples; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await run()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { ...summarise(wall), cpu: summarise(cpu) }
}

async function bench(kind: string, handle: DatabaseHandle) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-dash-'))
  setAppContext({ config: parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false' }), database: handle, secret: 'bench-secret-bench-secret-bench-secret' })
  const { db } = handle
  const seedStart = performance.now()
  const seeded = (await reuse(db)) ?? (await seed(db))
  const seedSeconds = (performance.now() - seedStart) / 1000
  const [{ n: proposalCount }] = (await db.select({ n: count() }).from(proposals)) as [{ n: number }]
  const [{ n: entryCount }] = (await db.select({ n: count() }).from(auditEntries)) as [{ n: number }]
  console.log(`${kind}: seeded ${proposalCount} proposals, ${entryCount} audit entries in ${seedSeconds.toFixed(1)} s`)
  // What autovacuum does on PostgreSQL after a bulk load; PGlite has no autovacuum, so the bench does it.
  await db.execute(sql`analyze`)

  const chief = await cookieFor(db, seeded.cast.chief)
  const reviewer = await cookieFor(db, seeded.cast.reviewers[1]!)
  const staff = await cookieFor(db, seeded.cast.staff[0]!)
  const args = (pathname: string, cookie?: string, params: Record<string, string> = {}) => ({ request: request(pathname, cookie), context: {}, params })

  const fillStart = performance.now()
  // Sorting by risk needs every band, so the first such view fills them all in.
  await registerLoader(args('/register?sort=risk', chief))
  const fillMs = performance.now() - fillStart
  console.log(`${kind}: first register load, filling the risk bands of ${seeded.screened} screened rounds: ${ms(fillMs)}`)

  const cases: [string, () => Promise<unknown>][] = [
    ['home: chief librarian', () => homeLoader(args('/', chief))],
    ['home: reviewer', () => homeLoader(args('/', reviewer))],
    ['home: staff', () => homeLoader(args('/', staff))],
    ['register: first page', () => registerLoader(args('/register', chief))],
    ['register: by risk band', () => registerLoader(args('/register?sort=risk&dir=desc', chief))],
    ['register: high risk, by next review', () => registerLoader(args('/register?risk=high&sort=next_review', chief))],
    ['register: search, page 3', () => registerLoader(args('/register?q=visa&page=3', chief))],
    ['register: due or overdue', () => registerLoader(args('/register?due=due&sort=next_review', chief))],
    ['public register', () => publicRegisterLoader(args(`/public/${seeded.slug}/register`, undefined, { org: seeded.slug }))],
    ['register CSV (every row)', () => csvLoader(args('/register.csv', chief)).then((r) => r.text())],
  ]
  if (values.queries) {
    const org = seeded.cast.orgId
    const filter = registerFilter(parseRegisterQuery(new URLSearchParams()), TODAY)
    cases.unshift(
      ['  countByStage', () => countByStage(db, org)],
      ['  listProposerInProgress', () => listProposerInProgress(db, org, seeded.cast.chief, 10)],
      ['  listReviewsDue', () => listReviewsDue(db, org, addDays(TODAY, 30), 20)],
      ['  listInReassessment', () => listInReassessment(db, org, 20)],
      ['  listBlockingIssues', () => listBlockingIssues(db, org, 20)],
      ['  listAwaitingReviewer', () => listAwaitingReviewer(db, org, seeded.cast.reviewers[1]!)],
      ['  listOpenConsultations', () => listOpenConsultations(db, org)],
      ['  listNamedConcerns', () => listNamedConcerns(db, org, seeded.cast.staff[0]!, 10)],
      ['  hasUnnotifiedOverdue', () => hasUnnotifiedOverdue(db, org, TODAY)],
      ['  fillRiskBands (nothing to fill)', () => fillRiskBands(db, org)],
      ['  listRegister (page)', () => listRegister(db, org, { filter, sort: 'reference', dir: 'asc', limit: 50, offset: 0 })],
      ['  countRegister', () => countRegister(db, org, filter)],
      ['  findSessionUser', () => findSessionUser(db, sha256('x'))],
    )
  }
  const rows: string[] = []
  for (const [name, run] of cases) {
    // The export of every row is a download, not a page: fewer samples of it.
    const r = await time(run, name.startsWith('register CSV') ? Math.max(20, Math.round(SAMPLES / 10)) : SAMPLES)
    rows.push(
      `${kind.padEnd(9)} ${name.padEnd(38)} p50 ${ms(r.p50).padStart(10)} | p95 ${ms(r.p95).padStart(10)} | max ${ms(r.max).padStart(10)} | cpu p50 ${ms(r.cpu.p50).padStart(9)} p95 ${ms(r.cpu.p95).padStart(9)} | n=${r.n}`,
    )
    console.log(rows.at(-1))
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  return rows
}

const all: string[] = []
for (const kind of values.db.split(',')) {
  let handle: DatabaseHandle
  let stop = () => {}
  if (kind === 'pglite') handle = await openPglite(values.keep)
  else {
    const pg = startPostgres()
    stop = pg.stop
    handle = await openPostgres(pg.url)
  }
  try {
    all.push(...(await bench(kind, handle)))
  } finally {
    await handle.close()
    stop()
  }
}
const load = os.loadavg().map((n) => n.toFixed(1)).join(' ')
console.log(`\nbench/dashboards — loader server time, ${PROPOSALS} proposals, ${PROPOSALS * ENTRIES_PER_PROPOSAL} audit entries, sequential; ${os.cpus().length} cores, load average ${load}`)
for (const r of all) console.log(r)
