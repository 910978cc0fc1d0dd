// Transitions per second and latency of the full apply-event path (lock, restore,
// guard, next snapshot, optimistic write, audit append, commit) with 1,000
// proposals × 20 events already in the database, on PGlite and PostgreSQL.
//
//   npx tsx bench/transitions.ts [--proposals 1000] [--events 20] [--samples 2000] [--db pglite,postgres]
import crypto from 'node:crypto'
import { parseArgs } from 'node:util'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, users } from '#db/schema'
import { applyEvent } from '~/workflow/apply-event.server'
import { createProposal } from '~/workflow/create-proposal.server'
import { ms, startPostgres, summarise } from './support'

const { values } = parseArgs({
  options: {
    proposals: { type: 'string', default: '1000' },
    events: { type: 'string', default: '20' },
    samples: { type: 'string', default: '2000' },
    db: { type: 'string', default: 'pglite,postgres' },
  },
})
const PROPOSALS = Number(values.proposals)
const EVENTS = Number(values.events)
const SAMPLES = Number(values.samples)

async function run(handle: DatabaseHandle) {
  const { db } = handle
  const orgId = crypto.randomUUID()
  const proposerId = crypto.randomUUID()
  await db.insert(organisations).values({ id: orgId, name: 'Bench', slug: `bench-${orgId}`, settings: DEFAULT_ORGANISATION_SETTINGS })
  await db.insert(users).values({ id: proposerId, organisationId: orgId, email: `${proposerId}@bench.example`, name: 'Bench', passwordHash: 'x', roles: ['chief_librarian'] })
  const actor = { id: proposerId, roles: ['chief_librarian' as const], organisationId: orgId }
  const ids: string[] = []
  const seedStart = performance.now()
  for (let i = 0; i < PROPOSALS; i++) {
    const p = await db.transaction((tx) =>
      createProposal(tx, { organisationId: orgId, proposerId, reference: `B-${i}`, title: `Proposal ${i}`, partner: 'Partner' }, DEFAULT_ORGANISATION_SETTINGS),
    )
    ids.push(p.id)
    for (let e = 1; e < EVENTS; e++) {
      await applyEvent(db, { organisationId: orgId, proposalId: p.id, event: { type: 'proposal.update', actor } })
    }
  }
  const seedSeconds = (performance.now() - seedStart) / 1000
  const samples: number[] = []
  const start = performance.now()
  for (let i = 0; i < SAMPLES; i++) {
    const proposalId = ids[Math.floor(Math.random() * ids.length)]!
    const t0 = performance.now()
    const result = await applyEvent(db, { organisationId: orgId, proposalId, event: { type: 'proposal.update', actor }, audit: { kind: 'draft.saved' } })
    samples.push(performance.now() - t0)
    if (!result.ok) throw new Error(`refused: ${result.message}`)
  }
  const seconds = (performance.now() - start) / 1000
  return { seedSeconds, perSecond: SAMPLES / seconds, ...summarise(samples) }
}

const rows: string[] = []
for (const kind of values.db.split(',')) {
  let handle: DatabaseHandle
  let stop = () => {}
  if (kind === 'pglite') handle = await openPglite()
  else {
    const pg = startPostgres()
    stop = pg.stop
    handle = await openPostgres(pg.url)
  }
  try {
    const r = await run(handle)
    rows.push(
      `${kind.padEnd(9)} ${String(PROPOSALS * EVENTS).padStart(7)} entries seeded in ${r.seedSeconds.toFixed(1)} s | ` +
        `${r.perSecond.toFixed(0)} transitions/s | p50 ${ms(r.p50)} | p95 ${ms(r.p95)} | p99 ${ms(r.p99)} | n=${r.n}`,
    )
    console.log(rows.at(-1))
  } finally {
    await handle.close()
    stop()
  }
}
console.log('\nbench/transitions — full apply-event path, sequential, one client')
for (const r of rows) console.log(r)
