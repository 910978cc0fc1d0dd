import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { listDecisions, listSignatures } from '#db/decisions.server'
import { findRecord } from '#db/records.server'
import { readEmbeddedRecord } from '~/pdf/embedded-record.server'
import { recordJson }  from '~/pdf/record-json'
import { signingTrust } from '~/signing/certificates.server'
import { verifyRecordFile } from '~/signing/verify-record.server'
import { checkPdfSignature } from '~/signing/verify-pdf.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { recordBase } from '~/workflow/decision/decision.server'
import { signatoriesSection } from '~/workflow/decision/record-sections'
import { decideAndSign, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { writeStoredFile } from '#tests/support/stored-files'
import { opensslCmsVerify } from '#tests/support/openssl-verify'
import { pdfsig } from '#tests/support/poppler'
import { pdfdetachJson, schemaErrors } from '#tests/support/record-schema'
import { setupTestApp } from '#tests/support/test-app'
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { RecordPage } from '~/components/record-page'
import { recordContentFromJson } from '~/pdf/record-json'
import { loader as verifyKeyLoader } from '~/routes/verify.$key'
import { loader as recordPageLoader } from '~/routes/verify.$key_.record'
import { loader as recordJsonLoader } from '~/routes/verify.$key_.record[.]json'
import { pdftotext } from '#tests/support/poppler'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4700' })

/** A signed record issued by the real workflow, from the visa case's stored screening, consultation and decision. */
async function issuedRecord() {
  const { db } = app().database
  const c = await visaCaseAtDecision(db, { secret: app().secret })
  const recordId = await decideAndSign(db, {
    proposal: c.proposal,
    chief: c.chief,
    values: await visaApproval(db, c.proposal, '2026-09-01'),
    signing: app().config,
    secret: app().secret,
  })
  const row = (await findRecord(db, c.org.id, recordId))!
  return { c, row, file: await writeStoredFile(db, row.sha256, app().config.dataDir) }
}

/** The byte offsets of the embedded file's (compressed) data inside the PDF. */
function embeddedStream(pdf: Buffer): { start: number; end: number } {
  const at = pdf.indexOf('/Type /EmbeddedFile')
  const start = pdf.indexOf('stream\n', at) + 'stream\n'.length
  return { start, end: pdf.indexOf('\nendstream', start) }
}

describe(`the record data inside the signed PDF (${databaseKind()})`, () => {
  it('comes out with pdfdetach, valid against its published schema and equal to the decision data in the database', async () => {
    const { db } = app().database
    const { c, row, file } = await issuedRecord()
    const extracted = pdfdetachJson(file, 'decision-record.json')
    expect(extracted).not.toBeNull()
    expect(schemaErrors(extracted!.json)).toEqual([])

    // The same data assembled afresh from what is stored now.
    const proposal = (await loadProposal(db, c.org.id, c.proposal.id))!.row
    const [decision] = await listDecisions(db, c.org.id, c.proposal.id)
    const base = await recordBase(db, proposal, decision!.decision)
    const expected = recordJson({
      kind: 'decision',
      data: {
        ...base,
        record: {
          reference: row.reference,
          issuedAt: row.signedAt,
          verifyUrl: `http://localhost:4700/verify/${row.id}`,
          accessibleUrl: `http://localhost:4700/verify/${row.id}/record`,
        },
        signatories: signatoriesSection(await listSignatures(db, decision!.decision.id)),
        audit: { hash: row.auditHeadHash, seq: row.auditHeadSeq },
      },
    })
    expect(extracted!.json).toEqual(expected)
    expect(extracted!.json).toMatchObject({
      $schema: 'http://localhost:4700/schemas/decision-record/v1.json',
      decision: { outcome: 'approve_with_conditions' },
      privacy: { blockingIssues: [{ override: { by: 'Rhiannon Evans, Chief librarian' } }] },
    })
    // Probity's own reader finds the very same bytes.
    const pdf = fs.readFileSync(file)
    expect((await readEmbeddedRecord(pdf))!.bytes.equals(extracted!.bytes)).toBe(true)

    // The attachment changes nothing for independent verifiers.
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.')
    expect(pdfsig(file)).toContain('Total document signed')
    const trust = (await signingTrust(app().config))!
    const rootFile = path.join(app().config.dataDir, 'root-for-openssl.pem')
    fs.writeFileSync(rootFile, trust.caPem)
    const openssl = opensslCmsVerify(app().config.dataDir, pdf, rootFile)
    expect(openssl.output).toContain('Verification successful')
    expect(openssl.status).toBe(0)
  })

  it('is covered by the signature: one changed byte in it, and pdfsig and Probity both say the file changed', async () => {
    const { db } = app().database
    const { file } = await issuedRecord()
    const pdf = fs.readFileSync(file)
    const { start, end } = embeddedStream(pdf)
    const original = zlib.inflateSync(pdf.subarray(start, end)).toString('utf8')
    expect(JSON.parse(original)).toMatchObject({ kind: 'decision' })

    // Change one byte of the JSON itself, compress it again to no more than the original length and pad the
    // stream (inflating stops at the end of the data), so the signature's byte ranges still fit the file.
    const changed = original.replace('"outcome": "approve_with_conditions"', '"outcome": "approve_with_conditionz"')
    expect(changed.length).toBe(original.length)
    expect(changed).not.toBe(original)
    const stream = [9, 8, 7, 6, 5, 4, 3, 2, 1]
      .map((level) => zlib.deflateSync(Buffer.from(changed, 'utf8'), { level }))
      .find((s) => s.length <= end - start)!
    expect(stream).toBeDefined()
    const tampered = Buffer.concat([pdf.subarray(0, start), stream, Buffer.alloc(end - start - stream.length, 0), pdf.subarray(end)])
    expect(tampered.length).toBe(pdf.length)
    const tamperedFile = path.join(app().config.dataDir, 'tampered-data.pdf')
    fs.writeFileSync(tamperedFile, tampered)
    // Readers now see the changed data…
    expect(pdfdetachJson(tamperedFile, 'decision-record.json')!.json).toMatchObject({ decision: { outcome: 'approve_with_conditionz' } })
    expect((await readEmbeddedRecord(tampered))!.json).toMatchObject({ decision: { outcome: 'approve_with_conditionz' } })

    // …and the signature says so.
    const report = pdfsig(tamperedFile)
    expect(report).not.toContain('Signature is Valid')
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/)
    const trust = (await signingTrust(app().config))!
    expect(await checkPdfSignature(tampered, trust)).toMatchObject({ intact: false, problem: 'The file has changed since it was signed.' })
    const verification = await verifyRecordFile(db, app().config, tampered)
    expect(verification).toMatchObject({ record: null, signature: { intact: false } })
  })
})

const statusOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

/** Whitespace as single spaces: wrapped lines read as the sentences they are. */
const squash = (text: string) => text.replace(/\s+/g, ' ')

describe(`the record data on the public pages (${databaseKind()})`, () => {
  it('the verify page summarises the signed data and links the schema, the JSON and the accessible page', async () => {
    const { row } = await issuedRecord()
    const args = (key: string, url = `http://localhost:4700/verify/${key}`) => ({ request: new Request(url), context: {}, params: { key } })
    const { verification } = await verifyKeyLoader(args(row.id))
    expect(verification.data).toMatchObject({ name: 'decision-record.json', schemaPath: '/schemas/decision-record/v1.json', problem: null })
    const facts = Object.fromEntries(verification.data!.facts)
    expect(facts).toMatchObject({ 'Record reference': row.reference, Outcome: 'Approved with conditions', 'Blocking issues': '1, 1 overridden' })
    expect(facts['Audit chain head']).toBe(`entry ${row.auditHeadSeq}, ${row.auditHeadHash}`)

    const response = (await recordJsonLoader(args(row.id))) as Response
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    const downloaded = Buffer.from(await response.arrayBuffer())
    expect(downloaded.equals(pdfdetachJson(await writeStoredFile(app().database.db, row.sha256, app().config.dataDir), 'decision-record.json')!.bytes)).toBe(true)

    const page = await recordPageLoader(args(row.id))
    expect(page.json).toEqual(JSON.parse(downloaded.toString('utf8')))
    for (const key of ['00000000-0000-4000-8000-000000000000', 'not-a-record', row.sha256]) {
      expect(await statusOf(() => recordPageLoader(args(key)))).toBe(404)
      expect(await statusOf(() => recordJsonLoader(args(key)))).toBe(404)
    }
  })

  it('the accessible page says what the PDF says: every line of the printed record’s sections is on it', async () => {
    const { file } = await issuedRecord()
    const extracted = pdfdetachJson(file, 'decision-record.json')!
    const html = renderToStaticMarkup(createElement(RecordPage, { content: recordContentFromJson(extracted.json as never) }))
    const pageText = squash(html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    const pdfText = squash(pdftotext(file))
    // Headings, statements and the free text of every section, as the PDF prints them.
    const json = extracted.json as { proposal: { title: string; purpose: string }; screening: { criteria: { name: string }[] }; decision: { rationale: string; conditions: { text: string }[] }; audit: { hash: string }; record: { verifyUrl: string } }
    const expected = [
      '1. The proposal',
      '2. Ethics screening',
      '3. Privacy checklist and blocking issues',
      '5. Staff consultation',
      '6. Trade union consultation',
      '7. The decision',
      '8. Signatories',
      '9. Verifying this record',
      json.proposal.title,
      json.proposal.purpose,
      json.decision.rationale,
      json.audit.hash,
      json.record.verifyUrl,
      ...json.screening.criteria.map((c) => c.name),
      ...json.decision.conditions.map((c) => c.text),
    ]
    for (const line of expected) {
      expect(pdfText, `the PDF prints “${line}”`).toContain(squash(line))
      expect(pageText, `the page shows “${line}”`).toContain(squash(line))
    }
  })
})
