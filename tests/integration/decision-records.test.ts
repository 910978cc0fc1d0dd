import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { appendAuditEntry, verifyChain } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { decisionRecords, storedFiles } from '#db/schema'
import { renderDecisionRecord } from '~/pdf/render.server'
import { requireSigningIdentity, signingTrust, SigningUnavailableError, type SigningConfig } from '~/signing/certificates.server'
import { issueRecord, readRecordFile, RecordIssueError } from '~/signing/issue-record.server'
import { signPdf } from '~/signing/sign-pdf.server'
import { checkPdfSignature } from '~/signing/verify-pdf.server'
import { verifyRecordFile, verifyStoredRecord } from '~/signing/verify-record.server'
import { action as verifyAction } from '~/routes/verify._index'
import { loader as verifyKeyLoader } from '~/routes/verify.$key'
import { loader as caLoader } from '~/routes/verify.ca[.]pem'
import { MAX_VERIFY_BYTES } from '~/signing/verify-upload-schema'
import { addendumData, visaRecordData } from '#tests/support/decision-records'
import { createOrganisation, createProposal, createUser, statusOf } from '#tests/support/factories'
import { makePki } from '#tests/support/pki'
import { setupTestApp } from '#tests/support/test-app'
import { deadTsaUrl } from '#tests/support/tsa-server'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4200' })

// The first use generates the organisation CA and signing key; do it once, outside the tests' time limit.
beforeAll(async () => {
  await requireSigningIdentity(app().config)
})

/** A proposal with a few real audit entries, and the record data naming the chain's head. */
async function proposalWithHistory(db: Database, entries = 3) {
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian'])
  const proposal = await createProposal(db, org.id, chief.id, { title: 'Visa biometrics enrolment in branch libraries' })
  // Creating the proposal already started its chain.
  const start = await verifyChain(db, proposal.id)
  if (!start.ok) throw new Error('a new proposal’s chain should verify')
  let head = { hash: start.headHash, seq: start.headSeq }
  for (let seq = start.headSeq + 1; seq <= start.headSeq + entries; seq++) {
    const entry = await appendAuditEntry(db, {
      proposalId: proposal.id,
      seq,
      actorId: chief.id,
      actorKind: 'user',
      eventType: `test.step${seq}`,
      payload: { seq },
      summary: `Step ${seq}`,
      stateBefore: 'decision',
      stateAfter: 'decision',
      at: new Date(),
    })
    head = { hash: entry.hash, seq: entry.seq }
  }
  const { record: _record, ...base } = visaRecordData()
  const data = { ...base, proposal: { ...base.proposal, reference: proposal.reference }, audit: head }
  return { org, proposal, head, data }
}

const config = (): SigningConfig => app().config

async function storedFileCount(db: Database) {
  return (await db.select({ sha256: storedFiles.sha256 }).from(storedFiles)).length
}

async function rowsFor(db: Database, proposalId: string) {
  return db.select().from(decisionRecords).where(sql`${decisionRecords.proposalId} = ${proposalId}`)
}

describe(`issuing signed decision records (${databaseKind()})`, () => {
  it('renders, signs, stores the file and its row, and the file verifies with its chain', async () => {
    const { db } = app().database
    const { org, proposal, head, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })

    expect(record).toMatchObject({
      kind: 'decision',
      reference: `${proposal.reference}-R1`,
      outcome: 'approve_with_conditions',
      partner: 'UK Visas and Immigration (Home Office)',
      auditHeadHash: head.hash,
      auditHeadSeq: head.seq,
      parentRecordId: null,
      filePath: path.join(org.id, `${record.id}.pdf`),
    })
    const bytes = (await readRecordFile(db, record))!
    expect(bytes.length).toBe(record.byteSize)
    // Stored in the database, nothing under DATA_DIR.
    expect(fs.existsSync(path.join(app().config.dataDir, 'records'))).toBe(false)

    const result = await verifyRecordFile(db, config(), bytes)
    expect(result.sha256).toBe(record.sha256)
    expect(result.signature).toMatchObject({ found: true, intact: true, coversWholeFile: true, chainsToCa: true, problem: null })
    expect(result.record).toMatchObject({
      reference: record.reference,
      proposalReference: proposal.reference,
      proposalTitle: 'Visa biometrics enrolment in branch libraries',
      outcome: 'Approved with conditions',
      organisationName: org.name,
    })
    expect(result.chain).toEqual({
      verified: true,
      message: `The audit trail verifies from its first entry up to entry ${head.seq}, whose hash matches the record.`,
    })
    // The QR link names the record by id, the only thing known before signing.
    const byId = await verifyStoredRecord(db, config(), { id: record.id })
    expect(byId?.record?.sha256).toBe(record.sha256)
  })

  it('numbers records per proposal and links an addendum to its parent by id and hash', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const first = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    const { record: _r, parent: _p, ...addendum } = addendumData(first.sha256)
    const second = await issueRecord(db, config(), {
      kind: 'addendum',
      organisationId: org.id,
      proposalId: proposal.id,
      parentRecordId: first.id,
      data: { ...addendum, proposal: { ...addendum.proposal, reference: proposal.reference }, audit: data.audit },
    })
    expect(second).toMatchObject({ kind: 'addendum', parentRecordId: first.id, reference: `${proposal.reference}-R2`, outcome: 'add_conditions' })
    const verified = await verifyRecordFile(db, config(), (await readRecordFile(db, second))!)
    expect(verified.record).toMatchObject({
      kind: 'addendum',
      outcome: 'Continue with added conditions',
      parent: { reference: first.reference, sha256: first.sha256 },
    })
  })

  it('refuses an addendum to another proposal’s record, writing nothing', async () => {
    const { db } = app().database
    const a = await proposalWithHistory(db)
    const original = await issueRecord(db, config(), { kind: 'decision', organisationId: a.org.id, proposalId: a.proposal.id, data: a.data })
    const b = await proposalWithHistory(db)
    const { record: _r, parent: _p, ...addendum } = addendumData(original.sha256)
    const before = await storedFileCount(db)
    await expect(
      issueRecord(db, config(), { kind: 'addendum', organisationId: b.org.id, proposalId: b.proposal.id, parentRecordId: original.id, data: addendum }),
    ).rejects.toThrow(RecordIssueError)
    expect(await rowsFor(db, b.proposal.id)).toEqual([])
    expect(await storedFileCount(db)).toBe(before)
  })

  it('never lets a stored record be changed or removed', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    await expect(db.execute(sql`update decision_records set outcome = 'reject' where id = ${record.id}`)).rejects.toThrow()
    await expect(db.execute(sql`delete from decision_records where id = ${record.id}`)).rejects.toThrow()
    await expect(db.execute(sql`truncate decision_records`)).rejects.toThrow()
    expect((await rowsFor(db, proposal.id))[0]!.outcome).toBe('approve_with_conditions')
  })

  it('keeps no file when the transaction that records it fails', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const before = await storedFileCount(db)
    await expect(
      issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data }, {
        alsoInTransaction: async () => {
          throw new Error('the audit entry could not be written')
        },
      }),
    ).rejects.toThrow('the audit entry could not be written')
    expect(await rowsFor(db, proposal.id)).toEqual([])
    expect(await storedFileCount(db)).toBe(before)
  })

  it('refuses to sign without a usable certificate, and says why', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const before = await storedFileCount(db)
    const missing = { ...config(), SIGNING_P12_PATH: path.join(app().config.dataDir, 'absent.p12'), SIGNING_P12_PASSPHRASE: 'x' }
    const error = await issueRecord(db, missing, { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SigningUnavailableError)
    expect((error as SigningUnavailableError).check.status).toBe('missing')
    expect(await rowsFor(db, proposal.id)).toEqual([])
    expect(await storedFileCount(db)).toBe(before)
  })
})

describe(`issuing with a timestamp authority (${databaseKind()})`, () => {
  it('refuses to sign when the authority is down, leaving no row and no file', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const before = await storedFileCount(db)
    const down = { ...config(), SIGNING_TSA_URL: await deadTsaUrl() }
    const error = await issueRecord(db, down, { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SigningUnavailableError)
    expect((error as SigningUnavailableError).check.status).toBe('timestamp_unavailable')
    expect(await rowsFor(db, proposal.id)).toEqual([])
    expect(await storedFileCount(db)).toBe(before)
  })
})

describe(`verifying a file (${databaseKind()})`, () => {
  it('reports a tampered copy as changed and matching no record', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    const bytes = Buffer.from((await readRecordFile(db, record))!)
    bytes[1000] = bytes[1000]! ^ 0x01
    const result = await verifyRecordFile(db, config(), bytes)
    expect(result.signature).toMatchObject({ intact: false, problem: 'The file has changed since it was signed.' })
    expect(result.record).toBeNull()
    expect(result.chain).toBeNull()
  })

  it('tells a validly signed file that Probity never issued from a record', async () => {
    const { db } = app().database
    const pdf = await renderDecisionRecord(visaRecordData())
    const signed = await signPdf(pdf, await requireSigningIdentity(config()), {
      name: 'Someone',
      reason: 'test',
      location: 'here',
      contactInfo: 'x',
      signingTime: new Date(),
    })
    const result = await verifyRecordFile(db, config(), signed)
    expect(result.signature.problem).toBeNull()
    expect(result.record).toBeNull()
  })

  it('reports an audit trail that no longer ends where the record says', async () => {
    const { db } = app().database
    const { org, proposal, data, head } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), {
      kind: 'decision',
      organisationId: org.id,
      proposalId: proposal.id,
      data: { ...data, audit: { hash: 'f'.repeat(64), seq: head.seq } },
    })
    const result = await verifyStoredRecord(db, config(), { sha256: record.sha256 })
    expect(result?.chain).toEqual({
      verified: false,
      message: `The audit trail no longer holds entry ${head.seq} with the hash this record prints.`,
    })
  })

  it('notices when the stored copy was altered in the database', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    await db.execute(sql`update file_chunks set data = data || '\x0a25'::bytea where sha256 = ${record.sha256} and seq = 0`)
    await db.execute(sql`update stored_files set byte_size = byte_size + 2 where sha256 = ${record.sha256}`)
    const result = await verifyStoredRecord(db, config(), { id: record.id })
    expect(result?.signature.problem).toBe('The stored copy no longer matches the hash recorded when it was signed.')
  })
})

function upload(file: Blob, name = 'record.pdf', headers: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', file, name)
  return new Request('http://localhost:4200/verify', { method: 'POST', body: form, headers: { Origin: 'http://localhost:4200', ...headers } })
}

type ActionResult = { lastResult: { error?: Record<string, string[] | null> }; verification: Awaited<ReturnType<typeof verifyRecordFile>> | null }
async function runAction(request: Request): Promise<{ status: number; body: ActionResult }> {
  const result = (await verifyAction({ request, context: {}, params: {} })) as ActionResult | { data: ActionResult; init: { status: number } }
  return 'init' in result ? { status: result.init.status, body: result.data } : { status: 200, body: result }
}

describe(`the public verify pages (${databaseKind()})`, () => {
  it.each(['rsa', 'p256'] as const)('accepts a record signed through a council’s three-level %s chain, and names the chain', async (kind) => {
    const pki = makePki(path.join(app().config.dataDir, `pki-${kind}`), kind)
    const leaf = pki.issueSigner(`Council Records ${kind}`)
    Object.assign(app().config, { SIGNING_P12_PATH: leaf.p12, SIGNING_P12_PASSPHRASE: leaf.passphrase })
    try {
      const { db } = app().database
      const { org, proposal, data } = await proposalWithHistory(db)
      const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
      const { body } = await runAction(upload(new Blob([new Uint8Array((await readRecordFile(db, record))!)], { type: 'application/pdf' })))
      expect(body.verification?.signature).toMatchObject({ problem: null, chainsToCa: true })
      expect(body.verification?.signature.chain).toEqual([`Council Records ${kind}`, `Test Council Issuing CA (${kind})`, `Test Council Root CA (${kind})`])
      expect(body.verification?.record?.reference).toBe(record.reference)
    } finally {
      Object.assign(app().config, { SIGNING_P12_PATH: undefined, SIGNING_P12_PASSPHRASE: undefined })
    }
  }, 60_000)

  it('checks an uploaded record for someone who is not signed in', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    const bytes = (await readRecordFile(db, record))!
    const { status, body } = await runAction(upload(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' })))
    expect(status).toBe(200)
    expect(body.verification?.record?.reference).toBe(record.reference)
    expect(body.verification?.chain?.verified).toBe(true)
    expect(body.verification?.signature.problem).toBeNull()
  })

  it('refuses what is not a PDF, an empty file and no file, with the reason next to the field', async () => {
    const notPdf = await runAction(upload(new Blob(['<script>alert(1)</script>'], { type: 'application/pdf' })))
    expect(notPdf.status).toBe(400)
    expect(notPdf.body.lastResult.error?.file).toEqual(['That file is not a PDF'])
    const empty = await runAction(upload(new Blob([]), ''))
    expect(empty.status).toBe(400)
    expect(empty.body.lastResult.error?.file?.[0]).toMatch(/Choose the PDF record|empty/)
    const nothing = await runAction(
      new Request('http://localhost:4200/verify', { method: 'POST', body: new URLSearchParams({ file: 'x' }) }),
    )
    expect(nothing.status).toBe(400)
    expect(nothing.body.verification).toBeNull()
  })

  it('refuses a file over the size limit, by its declared length and by its actual size', async () => {
    const declared = await runAction(upload(new Blob(['%PDF-']), 'r.pdf', { 'Content-Length': String(MAX_VERIFY_BYTES * 2) }))
    expect(declared.status).toBe(413)
    const big = Buffer.alloc(MAX_VERIFY_BYTES + 1, 0x20)
    big.write('%PDF-')
    const actual = await runAction(upload(new Blob([big])))
    expect(actual.status).toBe(413)
    expect(actual.body.lastResult.error?.file?.[0]).toMatch(/at most 20 MB/)
  })

  it('opens a record from its QR link or its hash, and answers 404 for anything else', async () => {
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    const load = (key: string) => verifyKeyLoader({ request: new Request(`http://localhost:4200/verify/${key}`), context: {}, params: { key } })
    expect((await load(record.id)).verification.record?.reference).toBe(record.reference)
    expect((await load(record.sha256.toUpperCase())).verification.record?.id).toBe(record.id)
    expect(await statusOf(() => load('00000000-0000-4000-8000-000000000000'))).toBe(404)
    expect(await statusOf(() => load('a'.repeat(64)))).toBe(404)
    expect(await statusOf(() => load("'; drop table decision_records; --"))).toBe(404)
  })

  it('serves the CA certificate the records chain to', async () => {
    const response = (await caLoader()) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/x-pem-file')
    const pem = await response.text()
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/)
    const { db } = app().database
    const { org, proposal, data } = await proposalWithHistory(db)
    const record = await issueRecord(db, config(), { kind: 'decision', organisationId: org.id, proposalId: proposal.id, data })
    const trust = (await signingTrust(config()))!
    expect(trust.caPem).toBe(pem)
    expect((await checkPdfSignature((await readRecordFile(db, record))!, trust)).chainsToCa).toBe(true)
  })
})
