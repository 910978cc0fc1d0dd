import fs from 'node:fs'
import { sql } from 'drizzle-orm'
import { getShortestPaths } from 'xstate/graph'
import { type AnyStateNode } from 'xstate'
import { beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries, verifyAllChains, verifyChain } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, proposals, users } from '#db/schema'
import { type ProposalEvent } from '#machines/proposal-events'
import { proposalMachine } from '#machines/proposal-machine'
import { restore } from '#machines/proposal-workflow'
import { UnknownSnapshotVersionError } from '#machines/snapshot-migrations'
import { applyEvent, CONFLICT_MESSAGE } from '~/workflow/apply-event.server'
import { createProposal } from '~/workflow/create-proposal.server'
import { CAST, candidateEvents, modelInput, ORG, serializeForGraph } from '#tests/support/proposal-model'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const SETTINGS = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: true }

async function newProposal(db: Database) {
  return db.transaction((tx) =>
    createProposal(
      tx,
      { organisationId: ORG, proposerId: CAST.proposer.id, reference: `L-${crypto.randomUUID().slice(0, 8)}`, title: 'Visa biometrics', partner: 'UKVI' },
      SETTINGS,
    ),
  )
}

beforeAll(async () => {
  const { db } = app().database
  // The model's cast, as real rows, so that the same paths run through the database.
  await db.insert(organisations).values({ id: ORG, name: 'Model Library Service', slug: 'model', settings: SETTINGS })
  await db.insert(users).values({
    id: CAST.proposer.id,
    organisationId: ORG,
    email: 'proposer@model.example',
    name: 'Proposer',
    passwordHash: 'x',
    roles: ['chief_librarian', 'signatory'],
  })
})

describe(`the transition service (${databaseKind()})`, () => {
  it('replays a generated path to every state through the database, restoring the stored snapshot before each event', async () => {
    const { db } = app().database
    const paths = getShortestPaths(proposalMachine, {
      input: modelInput(),
      events: (s) => candidateEvents(s),
      serializeState: (s) => serializeForGraph(s),
    })
    // One shortest path per state node: every state is reached through the database.
    const byNode = new Map<string, (typeof paths)[number]>()
    for (const path of [...paths].sort((a, b) => a.steps.length - b.steps.length)) {
      for (const node of path.state._nodes as AnyStateNode[]) if (!byNode.has(node.id)) byNode.set(node.id, path)
    }
    const chosen = [...new Set(byNode.values())]
    let events = 0
    for (const path of chosen) {
      const proposal = await newProposal(db)
      let version = proposal.version
      for (const step of path.steps) {
        if ((step.event as { type: string }).type === 'xstate.init') continue
        const result = await applyEvent(db, {
          organisationId: ORG,
          proposalId: proposal.id,
          event: step.event as ProposalEvent,
          expectedVersion: version,
        })
        expect(result.ok, `${step.event.type}: ${result.ok ? '' : result.message}`).toBe(true)
        const [row] = await db.select().from(proposals).where(sql`${proposals.id} = ${proposal.id}`)
        expect(serializeForGraph(restore(row!.snapshot, row!.machineVersion))).toBe(serializeForGraph(step.state))
        version = row!.version
        events++
      }
      expect((await verifyChain(db, proposal.id)).ok).toBe(true)
    }
    console.log(`lifecycle (${databaseKind()}): ${chosen.length} paths, ${events} events through the database, ${byNode.size} state nodes reached`)
    expect(byNode.size).toBe(28)
    // postgres-js has double-encoded jsonb before (drizzle-orm#5139): stored snapshots must be objects.
    const kinds = await db.selectDistinct({ kind: sql<string>`jsonb_typeof(${proposals.snapshot})` }).from(proposals)
    expect(kinds).toEqual([{ kind: 'object' }])
  })

  it('applies exactly one of 20 concurrent conflicting events; the rest are conflicts and the chain is intact', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        applyEvent(db, {
          organisationId: ORG,
          proposalId: proposal.id,
          event: { type: 'proposal.update', actor: CAST.proposer },
          expectedVersion: proposal.version,
          audit: { kind: 'draft.saved' },
        }),
      ),
    )
    const applied = results.filter((r) => r.ok)
    const conflicts = results.filter((r) => !r.ok && r.status === 409 && r.message === CONFLICT_MESSAGE)
    expect(applied).toHaveLength(1)
    expect(conflicts).toHaveLength(19)
    const chain = await verifyChain(db, proposal.id)
    expect(chain).toMatchObject({ ok: true, length: 2 })
  })

  it('queues 20 concurrent independent events without losing any', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.proposer } }),
      ),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: true, length: 21 })
  })

  it('refuses events from another organisation as not found, and unknown events as malformed', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    const other = { ...CAST.proposer, organisationId: '00000000-0000-4000-8000-0000000000ff' }
    const foreign = await applyEvent(db, { organisationId: other.organisationId, proposalId: proposal.id, event: { type: 'proposal.update', actor: other } })
    expect(foreign).toMatchObject({ ok: false, status: 404 })
    const malformed = await applyEvent(db, {
      organisationId: ORG,
      proposalId: proposal.id,
      event: { type: 'proposal.explode', actor: CAST.proposer } as unknown as ProposalEvent,
    })
    expect(malformed).toMatchObject({ ok: false, status: 400 })
    const wrongRole = await applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.staff } })
    expect(wrongRole).toMatchObject({ ok: false, status: 403 })
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: true, length: 1 })
  })

  it('the database refuses to update or delete audit entries', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    await expect(db.execute(sql`update audit_entries set summary = 'rewritten' where proposal_id = ${proposal.id}`)).rejects.toThrow()
    await expect(db.execute(sql`delete from audit_entries where proposal_id = ${proposal.id}`)).rejects.toThrow()
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: true, length: 1 })
  })

  it('audit verification reports an entry altered behind the trigger’s back', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    await applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.proposer } })
    await applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.proposer } })
    // As the superuser, disable the trigger, rewrite history, and put the trigger back.
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`)
      await tx.execute(sql`update audit_entries set event_type = 'proposal.withdraw' where proposal_id = ${proposal.id} and seq = 2`)
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`)
    })
    const chain = await verifyChain(db, proposal.id)
    expect(chain).toMatchObject({ ok: false, brokenAtSeq: 2 })
    const all = await verifyAllChains(db)
    expect(all.filter((c) => !c.ok).map((c) => c.proposalId)).toEqual([proposal.id])
  })
})

describe('typed audit entries', () => {
  it('hash an entry’s detail: rewriting a new entry’s detail behind the trigger’s back breaks the chain', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    await applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.proposer }, audit: { kind: 'draft.saved' } })
    await applyEvent(db, {
      organisationId: ORG,
      proposalId: proposal.id,
      event: { type: 'proposal.update', actor: CAST.proposer },
      audit: { kind: 'attachment.added', filename: 'Contract.pdf' },
    })
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: true, length: 3 })
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`)
      await tx.execute(
        sql`update audit_entries set detail = '{"kind":"attachment.added","filename":"Other.pdf"}'::jsonb where proposal_id = ${proposal.id} and seq = 3`,
      )
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`)
    })
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: false, brokenAtSeq: 3 })
  })

  it('an entry written before details existed (detail null) still verifies', async () => {
    const { db } = app().database
    const proposal = await newProposal(db)
    await applyEvent(db, { organisationId: ORG, proposalId: proposal.id, event: { type: 'proposal.update', actor: CAST.proposer } })
    const entries = await listAuditEntries(db, proposal.id)
    expect(entries.map((e) => e.detail)).toEqual([{ kind: 'proposal.created' }, null])
    expect(await verifyChain(db, proposal.id)).toMatchObject({ ok: true, length: 2 })
  })
})

describe('stored snapshots', () => {
  it('restores a version-1 snapshot fixture and carries on from it', () => {
    const fixture = JSON.parse(fs.readFileSync('tests/fixtures/proposal-snapshot-v1-consultation.json', 'utf8'))
    const snapshot = restore(fixture, 1)
    expect(snapshot.matches({ consultation: { staff: 'open' } })).toBe(true)
    expect(snapshot.can({ type: 'concern.respond', concernId: 'c1', actor: CAST.proposer })).toBe(true)
  })

  it('refuses a snapshot from an unknown machine version rather than resetting it', () => {
    const fixture = JSON.parse(fs.readFileSync('tests/fixtures/proposal-snapshot-v1-consultation.json', 'utf8'))
    expect(() => restore(fixture, 99)).toThrow(UnknownSnapshotVersionError)
  })
})
