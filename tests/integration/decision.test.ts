import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listAuditEntries, verifyChain } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { listDecisions, listSignatures } from '#db/decisions.server'
import { findRecord, listRecordsForProposal } from '#db/records.server'
import { decisions, decisionSignatures, monitoringPlans, type OrganisationSettings, type Proposal } from '#db/schema'
import { type SigningConfig } from '~/signing/certificates.server'
import { verifyStoredRecord } from '~/signing/verify-record.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { type Person } from '~/workflow/person'
import { recordBase, recordDecision, signDecision } from '~/workflow/decision/decision.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { OUTBOX_ONLY_MAIL } from '~/workflow/scenarios/consultation.server'
import { decideAndSign, OVERRIDE_RATIONALE, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { TEST_PASSWORD } from '#tests/support/factories'
import { pdfsig, pdftotext } from '#tests/support/poppler'
import { reviewAll, submitProposal } from '#tests/support/screening'
import { makePki } from '#tests/support/pki'
import { refuseFileWrites, writeStoredFile } from '#tests/support/stored-files'
import { deadTsaUrl } from '#tests/support/tsa-server'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4600' })
const signing = (): SigningConfig => app().config

const ANONYMOUS_TEXT = 'Some colleagues would not feel safe beside this service.'

function atDecision(db: Database, settings: Partial<OrganisationSettings> = {}) {
  return visaCaseAtDecision(db, { secret: app().secret, settings })
}

function sign(db: Database, user: Person, proposal: Proposal, options: { password?: string; signing?: SigningConfig } = {}) {
  return signDecision(db, {
    user,
    proposalId: proposal.id,
    password: options.password ?? TEST_PASSWORD,
    signing: options.signing ?? signing(),
    secret: app().secret,
    mail: OUTBOX_ONLY_MAIL,
    clientAddress: '192.0.2.10',
  })
}

async function stateOf(db: Database, proposal: Proposal) {
  const loaded = (await loadProposal(db, proposal.organisationId, proposal.id))!
  return { stage: loaded.row.stage, version: loaded.row.version, snapshot: loaded.snapshot }
}

/** The decision of the proposal's first round. */
async function firstDecision(db: Database, c: { org: { id: string }; proposal: Proposal }) {
  const [first] = await listDecisions(db, c.org.id, c.proposal.id)
  return first!.decision
}

const textOf = (file: string) => pdftotext(file).replace(/\s+/g, ' ')

const recordOnDisk = (db: Database, record: { sha256: string }) => writeStoredFile(db, record.sha256, app().config.dataDir)

describe(`the decision, signed by two signatories (${databaseKind()})`, () => {
  it('approves with conditions: the last signature issues the record pinned to its own audit entry, and sets up monitoring', async () => {
    const { db } = app().database
    const c = await atDecision(db, { secondSignatoryRequired: true })
    const values = await visaApproval(db, c.proposal, '2026-09-01')
    expect(values.conditions.map((x) => x.source)).toEqual(['professional_body', 'staff', 'decision'])

    const refused = await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: { ...values, overrides: [] } })
    expect(refused).toMatchObject({ ok: false, status: 400, field: 'overrides[0].rationale' })
    expect(await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: { ...values, rationale: 'A first draft.' } })).toMatchObject({ ok: true })
    // Until someone signs, recording again replaces the decision.
    expect(await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values })).toMatchObject({ ok: true })
    const [only, ...none] = await listDecisions(db, c.org.id, c.proposal.id)
    expect(none).toEqual([])
    expect(only!.decision.rationale).toBe(values.rationale)

    // The chief librarian signs first; the governance officer cannot go before.
    expect(await sign(db, c.signatory, c.proposal)).toMatchObject({ ok: false, status: 403 })
    expect(await sign(db, c.chief, c.proposal)).toEqual({ ok: true, complete: false, recordId: null })
    expect((await stateOf(db, c.proposal)).stage).toBe('decision')
    expect(await listRecordsForProposal(db, c.org.id, c.proposal.id)).toEqual([])
    expect(await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values })).toMatchObject({ ok: false, status: 403 })
    expect(await sign(db, c.chief, c.proposal)).toMatchObject({ ok: false, status: 403 })

    const last = await sign(db, c.signatory, c.proposal)
    expect(last).toMatchObject({ ok: true, complete: true })
    const recordId = (last as { recordId: string }).recordId
    expect((await stateOf(db, c.proposal)).stage).toBe('approved')

    const record = (await findRecord(db, c.org.id, recordId))!
    expect(record).toMatchObject({ kind: 'decision', outcome: 'approve_with_conditions', reference: `${c.proposal.reference}-R1` })
    const entries = await listAuditEntries(db, c.proposal.id)
    const head = entries.at(-1)!
    expect(head).toMatchObject({ eventType: 'decision.sign', seq: record.auditHeadSeq, hash: record.auditHeadHash })
    expect(entries.filter((e) => e.eventType === 'decision.sign').map((e) => e.actorId)).toEqual([c.chief.id, c.signatory.id])
    expect(await verifyChain(db, c.proposal.id)).toMatchObject({ ok: true, headSeq: record.auditHeadSeq })
    expect(await verifyStoredRecord(db, signing(), { id: recordId })).toMatchObject({
      signature: { intact: true, coversWholeFile: true, problem: null },
      chain: { verified: true },
    })

    const [decision] = await listDecisions(db, c.org.id, c.proposal.id)
    expect(decision!.decision).toMatchObject({ recordId, signedAt: record.signedAt })
    expect((await listSignatures(db, decision!.decision.id)).map((s) => [s.name, s.signedAs])).toEqual([
      ['Rhiannon Evans', 'chief_librarian'],
      ['Dafydd Jones', 'signatory'],
    ])
    const plan = (await loadPlan(db, c.proposal.id))!
    expect(plan.plan).toMatchObject({ intervalMonths: 3, startsOn: '2026-09-01', responsibleId: c.chief.id })
    expect(plan.indicators.map((i) => i.name)).toEqual(values.monitoring!.indicators.map((i) => i.name))
    expect(plan.conditions.map((x) => x.text)).toEqual(values.conditions.map((x) => x.text))

    const file = await recordOnDisk(db, record)
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.')
    const text = textOf(file)
    for (const expected of [
      'UK Visas and Immigration (Home Office)',
      ANONYMOUS_TEXT,
      // The override sits in a table cell beside its issue, so only its last words read as one run.
      'checked before opening.',
      'Rhiannon Evans, Chief librarian',
      'Dafydd Jones',
      'Signatory',
      record.auditHeadHash,
      'Approved with conditions',
      ...values.conditions.map((x) => x.text),
    ]) {
      expect(text).toContain(expected)
    }
    for (const criterion of (await getScreeningResult(db, c.proposal))!.criteria) expect(text).toContain(criterion.name)
    // The anonymous concern's author appears nowhere on the record.
    expect(text).not.toContain('Bethan Hughes')
  })

  it('keeps a signed decision, its signatures and its record as they are, in the database itself', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    await decideAndSign(db, { proposal: c.proposal, chief: c.chief, values: await visaApproval(db, c.proposal, '2026-09-01'), signing: signing(), secret: app().secret })
    const decision = await firstDecision(db, c)
    const where = eq(decisions.id, decision.id)
    await expect(db.update(decisions).set({ rationale: 'Rewritten later' }).where(where)).rejects.toThrow()
    await expect(db.update(decisions).set({ signedAt: new Date() }).where(where)).rejects.toThrow()
    await expect(db.delete(decisionSignatures).where(eq(decisionSignatures.decisionId, decision.id))).rejects.toThrow()
    await expect(db.delete(decisions).where(where)).rejects.toThrow()
    const [row] = await db.select().from(decisions).where(where)
    expect(row!.rationale).not.toBe('Rewritten later')
  })

  it('freezes the decision’s content from its first signature, even against a direct update', async () => {
    const { db } = app().database
    const c = await atDecision(db, { secondSignatoryRequired: true })
    await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: await visaApproval(db, c.proposal, '2026-09-01') })
    expect(await sign(db, c.chief, c.proposal)).toMatchObject({ ok: true })
    const where = and(eq(decisions.proposalId, c.proposal.id), eq(decisions.round, 0))
    await expect(db.update(decisions).set({ outcome: 'reject' }).where(where)).rejects.toThrow()
  })
})

describe(`rejection and return for revision (${databaseKind()})`, () => {
  it('rejects: a signed record of the rejection, no conditions kept and no monitoring', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    const values = await visaApproval(db, c.proposal, '2026-09-01')
    const recordId = await decideAndSign(db, {
      proposal: c.proposal,
      chief: c.chief,
      values: { ...values, outcome: 'reject', overrides: [], rationale: 'The risk to vulnerable users is too high.' },
      signing: signing(),
      secret: app().secret,
    })
    expect((await stateOf(db, c.proposal)).stage).toBe('rejected')
    expect(await findRecord(db, c.org.id, recordId)).toMatchObject({ outcome: 'reject' })
    const decision = await firstDecision(db, c)
    expect(decision).toMatchObject({ conditions: [], monitoringPlan: null })
    expect(await db.select().from(monitoringPlans).where(eq(monitoringPlans.proposalId, c.proposal.id))).toEqual([])
    const text = textOf(await recordOnDisk(db, (await findRecord(db, c.org.id, recordId))!))
    expect(text).toContain('Rejected')
    expect(text).toContain('The risk to vulnerable users is too high.')
  })

  it('returns for revision: back to draft with its history and record kept, then screened afresh in a new round', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    const before = await listAuditEntries(db, c.proposal.id)
    const values = await visaApproval(db, c.proposal, '2026-09-01')
    const recordId = await decideAndSign(db, {
      proposal: c.proposal,
      chief: c.chief,
      values: { ...values, outcome: 'return_for_revision', overrides: [], rationale: 'Come back with a privacy notice.' },
      signing: signing(),
      secret: app().secret,
    })
    const after = await stateOf(db, c.proposal)
    expect(after.stage).toBe('draft')
    expect(after.snapshot.context.revisions).toBe(1)
    const entries = await listAuditEntries(db, c.proposal.id)
    expect(entries.slice(0, before.length)).toEqual(before)
    expect(await verifyChain(db, c.proposal.id)).toMatchObject({ ok: true })
    expect(await findRecord(db, c.org.id, recordId)).toMatchObject({ outcome: 'return_for_revision', reference: `${c.proposal.reference}-R1` })

    // The revised proposal goes through screening again, as round 1, by the same reviewers.
    const row = (await loadProposal(db, c.org.id, c.proposal.id))!.row
    await submitProposal(db, { proposal: row, proposer: c.chief, reviewers: c.reviewers })
    await reviewAll(db, { proposal: row, reviewers: c.reviewers })
    const screening = (await getScreeningResult(db, row))!
    expect(screening).toMatchObject({ round: 1, submittedReviews: 2 })
    expect((await stateOf(db, c.proposal)).stage).toBe('screening')
    // The first round's decision stays on the page's history with its record.
    const history = await listDecisions(db, c.org.id, c.proposal.id)
    expect(history.map((h) => [h.decision.round, h.decision.outcome, h.record?.id])).toEqual([[0, 'return_for_revision', recordId]])
  })
})

describe(`signing that cannot produce the record (${databaseKind()})`, () => {
  async function nothingSigned(db: Database, c: Awaited<ReturnType<typeof atDecision>>, version: number) {
    const state = await stateOf(db, c.proposal)
    expect(state).toMatchObject({ stage: 'decision', version })
    expect(state.snapshot.context.pending?.signedBy).toEqual([])
    expect(await listRecordsForProposal(db, c.org.id, c.proposal.id)).toEqual([])
    const decision = await firstDecision(db, c)
    expect(decision.signedAt).toBeNull()
    expect(await listSignatures(db, decision.id)).toEqual([])
    expect(await loadPlan(db, c.proposal.id)).toBeUndefined()
  }

  it('leaves nothing signed with a missing or locked certificate, says why, and succeeds once it is fixed', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: await visaApproval(db, c.proposal, '2026-09-01') })
    const { version } = await stateOf(db, c.proposal)

    const missing = await sign(db, c.chief, c.proposal, {
      signing: { ...signing(), SIGNING_P12_PATH: path.join(app().config.dataDir, 'nowhere.p12'), SIGNING_P12_PASSPHRASE: 'x' },
    })
    expect(missing).toMatchObject({ ok: false, status: 503 })
    expect((missing as { message: string }).message).toMatch(/your signature has not been recorded.*does not exist/)
    await nothingSigned(db, c, version)

    const generated = makePki(path.join(app().config.dataDir, 'pki'), 'p256').issueSigner('Records Signing')
    const p12 = generated.p12
    const locked = await sign(db, c.chief, c.proposal, { signing: { ...signing(), SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: 'not it' } })
    expect(locked).toMatchObject({ ok: false, status: 503 })
    expect((locked as { message: string }).message).toContain('passphrase does not open the signing certificate')
    await nothingSigned(db, c, version)

    const down = await sign(db, c.chief, c.proposal, {
      signing: { ...signing(), SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: generated.passphrase, SIGNING_TSA_URL: await deadTsaUrl() },
    })
    expect(down).toMatchObject({ ok: false, status: 503 })
    expect((down as { message: string }).message).toMatch(/your signature has not been recorded\. The record could not be timestamped: The timestamp authority at .* did not give a timestamp/)
    await nothingSigned(db, c, version)

    const fixed = await sign(db, c.chief, c.proposal, {
      signing: { ...signing(), SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: generated.passphrase },
    })
    expect(fixed).toMatchObject({ ok: true, complete: true })
    expect((await stateOf(db, c.proposal)).stage).toBe('approved')
  })

  it('leaves nothing signed when the database refuses the record file, and succeeds once it accepts it', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: await visaApproval(db, c.proposal, '2026-09-01') })
    const { version } = await stateOf(db, c.proposal)
    const accept = await refuseFileWrites(db)
    try {
      const refused = await sign(db, c.chief, c.proposal)
      expect(refused).toMatchObject({ ok: false, status: 503 })
      expect((refused as { message: string }).message).toMatch(/your signature has not been recorded.*record file could not be stored/)
    } finally {
      await accept()
    }
    await nothingSigned(db, c, version)

    expect(await sign(db, c.chief, c.proposal)).toMatchObject({ ok: true, complete: true })
  })
})

describe(`step-up signing (${databaseKind()})`, () => {
  it('refuses a wrong password beside the field, records nothing, and throttles like sign-in', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: await visaApproval(db, c.proposal, '2026-09-01') })
    const { version } = await stateOf(db, c.proposal)
    const wrong = await sign(db, c.chief, c.proposal, { password: 'guess' })
    expect(wrong).toEqual({ ok: false, status: 400, message: 'That password is not right. Enter the password you sign in with.', field: 'password' })
    expect(await stateOf(db, c.proposal)).toMatchObject({ stage: 'decision', version })
    for (let n = 0; n < 4; n++) await sign(db, c.chief, c.proposal, { password: `guess ${n}` })
    // Five failures: even the right password waits now.
    expect(await sign(db, c.chief, c.proposal)).toMatchObject({ ok: false, status: 429, field: 'password' })
    expect(await stateOf(db, c.proposal)).toMatchObject({ stage: 'decision', version })
    const decision = await firstDecision(db, c)
    expect(await listSignatures(db, decision.id)).toEqual([])
  })
})

describe(`the record data, assembled from what is stored (${databaseKind()})`, () => {
  it('fills every section from the proposal’s screening, consultation and decision', async () => {
    const { db } = app().database
    const c = await atDecision(db)
    await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values: await visaApproval(db, c.proposal, '2026-09-01') })
    const loaded = (await loadProposal(db, c.org.id, c.proposal.id))!
    const decision = await firstDecision(db, c)
    const base = await recordBase(db, loaded.row, decision)
    expect(base.organisation).toEqual({ name: c.org.name, professionalBodyName: 'CILIP' })
    expect(base.proposal).toMatchObject({ reference: c.proposal.reference, partner: 'UK Visas and Immigration (Home Office)', contractor: 'Sopra Steria' })
    expect(base.screening.criteria).toHaveLength(10)
    expect(base.screening.criteria.every((x) => x.disagreement && x.reviews.length === 2)).toBe(true)
    expect(base.privacy.blockingIssues).toEqual([
      { issue: 'Users are not told plainly when they leave the library’s privacy protection', override: { rationale: OVERRIDE_RATIONALE, by: 'Rhiannon Evans, Chief librarian' } },
    ])
    expect(base.professionalBody.response).toMatchObject({ received: true, recommendations: [{ answer: 'accepted' }, { answer: 'not_accepted' }] })
    expect(base.staff.concerns.map((x) => [x.text, x.raisedBy]).sort()).toEqual([
      [ANONYMOUS_TEXT, { anonymous: true }],
      ['This sits badly with our promise of a welcome to everyone.', { anonymous: false, name: 'Jordan Lee' }],
    ])
    expect(base.union).toMatchObject({ recognised: true, union: 'UNISON' })
    expect(base.decision).toMatchObject({ outcome: 'approve_with_conditions', decidedBy: 'Rhiannon Evans, Chief librarian' })
    expect(base.decision.monitoring?.indicators).toHaveLength(3)
  })
})
