import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fontCacheStats } from '~/pdf/pdfkit-font-cache.server'
import { renderAddendum, renderDecisionRecord } from '~/pdf/render.server'
import { requireSigningIdentity, signingTrust, type SigningIdentity, type SigningTrust } from '~/signing/certificates.server'
import { signPdf } from '~/signing/sign-pdf.server'
import { checkPdfSignature } from '~/signing/verify-pdf.server'
import { addendumData, ANONYMOUS_CONCERN, largeRecordData, visaRecordData } from '#tests/support/decision-records'
import { recordJson } from '~/pdf/record-json'
import { pdfdetachJson, schemaErrors } from '#tests/support/record-schema'
import { nssDatabaseTrusting, pageCount, pdffonts, pdfinfo, pdfinfoMeta, pdfsig, pdftotext } from '#tests/support/poppler'

/** The text with every run of whitespace as one space: wrapped lines read as the sentence they are. */
const textOf = (file: string) => pdftotext(file).replace(/\s+/g, ' ')

let dir: string
let identity: SigningIdentity
let caPem: string
let trust: SigningTrust
let visaFile: string
let nssDir: string
const visa = visaRecordData()

async function signedFile(name: string, pdf: Buffer) {
  const signed = await signPdf(pdf, identity, {
    name: visa.organisation.name,
    reason: 'Decision record',
    location: 'Rhuthun',
    contactInfo: 'http://localhost:4200/verify',
    signingTime: new Date(),
  })
  const file = path.join(dir, name)
  fs.writeFileSync(file, signed)
  return file
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-pdf-'))
  const config = { dataDir: dir, publicUrl: 'http://localhost:4200' }
  identity = await requireSigningIdentity(config)
  trust = (await signingTrust(config))!
  caPem = trust.caPem
  nssDir = nssDatabaseTrusting(path.join(dir, 'nss'), caPem)
  visaFile = await signedFile('visa.pdf', await renderDecisionRecord(visa))
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the signed visa-services record, checked with poppler and NSS', () => {
  it('has a valid PAdES signature over the whole document', () => {
    const report = pdfsig(visaFile)
    expect(report).toContain('Signature Type: ETSI.CAdES.detached')
    expect(report).toContain('Signature Validation: Signature is Valid.')
    expect(report).toContain('Total document signed')
    // Without the CA the signer is unknown to NSS; that is what importing it fixes.
    expect(report).not.toContain('Certificate is Trusted')
  })

  it('is trusted once the organisation CA is imported', () => {
    const report = pdfsig(visaFile, nssDir)
    expect(report).toContain('Signature is Valid.')
    expect(report).toContain('Certificate Validation: Certificate is Trusted.')
    expect(report).toContain('Signer Certificate Common Name: Probity decision-record signing (localhost:4200)')
  })

  it('is reported invalid, by pdfsig and by Probity’s verifier, with one byte changed', async () => {
    const bytes = fs.readFileSync(visaFile)
    expect(await checkPdfSignature(bytes, trust)).toMatchObject({ intact: true, coversWholeFile: true, chainsToCa: true, problem: null })
    const at = bytes.indexOf('/Lang (en-GB)') + '/Lang (en-G'.length
    const tampered = Buffer.from(bytes)
    tampered[at] = 'C'.charCodeAt(0)
    const file = path.join(dir, 'tampered.pdf')
    fs.writeFileSync(file, tampered)
    const report = pdfsig(file, nssDir)
    expect(report).not.toContain('Signature is Valid')
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/)
    expect(await checkPdfSignature(tampered, trust)).toMatchObject({ intact: false, problem: 'The file has changed since it was signed.' })
  })

  it('carries real text: partner, every criterion, the anonymous concern without an author, Welsh names and the chain head', () => {
    const text = textOf(visaFile)
    expect(text).toContain('UK Visas and Immigration (Home Office)')
    expect(text).toContain('Sopra Steria')
    for (const c of visa.screening.criteria) expect(text).toContain(c.name)
    expect(text).toContain(ANONYMOUS_CONCERN)
    expect(text).toContain('Concern 2 · Safety · Anonymous · 6 May 2025 · 27 endorsements')
    for (const name of ['Ysbyty Ystwyth', 'Llanfairpwllgwyngyll', 'Zoë Müller', 'Dafydd Ŵyn', 'Siân Llŷr', 'Rhiannon Ŷr']) {
      expect(text).toContain(name)
    }
    expect(text).toContain(visa.audit.hash)
    expect(text).toContain('CILIP made 3 recommendations; 2 accepted, 1 not accepted.')
    expect(text).toContain(visa.record.verifyUrl)
  })

  it('has page numbers and a running header on every page', () => {
    const pages = pageCount(visaFile)
    const text = pdftotext(visaFile)
    expect(pages).toBeGreaterThanOrEqual(4)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`)
    expect(text.split('Decision record LLS-2025-014-R1').length - 1).toBeGreaterThanOrEqual(pages)
  })

  it('reuses each embedded font for every run of text instead of rebuilding it', async () => {
    const before = fontCacheStats.hits
    const pdf = await renderDecisionRecord(visa)
    expect(fontCacheStats.hits - before).toBeGreaterThan(100)
    // Still one subset per face, as pdfkit would have made without the cache.
    const file = path.join(dir, 'fonts.pdf')
    fs.writeFileSync(file, pdf)
    const faces = pdffonts(file).split('\n').filter((l) => /\+DejaVu/.test(l))
    expect(faces.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono'])
  })

  it('carries a CMS signature that names its signing certificate (PAdES signing-certificate-v2)', () => {
    const bytes = fs.readFileSync(visaFile)
    // id-aa-signingCertificateV2, 1.2.840.113549.1.9.16.2.47, DER-encoded, inside the hex signature.
    const contents = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(bytes.toString('latin1'))![1]!
    expect(contents.toLowerCase()).toContain('060b2a864886f70d010910022f')
    expect(pdfsig(visaFile)).toContain('Signing Hash Algorithm: SHA-256')
  })

  it('declares title, author, subject and language, and embeds its Unicode fonts', () => {
    const info = pdfinfo(visaFile)
    expect(info).toMatch(/^Title:\s+Decision record LLS-2025-014-R1: Visa biometrics enrolment in branch libraries$/m)
    expect(info).toMatch(/^Author:\s+Llyfrgelloedd Sir Ddinbych – Denbighshire Libraries$/m)
    expect(info).toMatch(/^Subject:\s+Approved with conditions: partnership with UK Visas and Immigration \(Home Office\)$/m)
    expect(fs.readFileSync(visaFile).includes('/Lang (en-GB)')).toBe(true)
    const fonts = pdffonts(visaFile)
    expect(fonts).toMatch(/\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(fonts).not.toMatch(/Helvetica/)
  })
})

describe('PDF/A-3b, as far as poppler and the file’s own structure show it', () => {
  it('declares PDF/A-3 level B in its XMP metadata, at PDF 1.7, with an sRGB output intent and every font embedded', () => {
    const info = pdfinfo(visaFile)
    expect(info).toMatch(/^PDF version:\s+1\.7$/m)
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m)
    const xmp = pdfinfoMeta(visaFile)
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/)
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    expect(xmp).toContain('Decision record LLS-2025-014-R1')
    const raw = fs.readFileSync(visaFile).toString('latin1')
    expect(raw).toMatch(/\/Type \/OutputIntent[\s\S]{0,200}\/S \/GTS_PDFA1/)
    expect(raw).toContain('(sRGB IEC61966-2.1)')
    // pdffonts' "emb" column: every font in the file is embedded.
    const rows = pdffonts(visaFile).split('\n').slice(2).filter((l) => l.trim())
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/)
  })
})

describe('a large record', () => {
  it('renders 15 criteria × 5 reviewers, 200 concerns and 12 indicators across pages without losing a row', async () => {
    const large = largeRecordData()
    const file = await signedFile('large.pdf', await renderDecisionRecord(large))
    expect(pdfsig(file)).toContain('Signature is Valid.')
    const pages = pageCount(file)
    expect(pages).toBeGreaterThanOrEqual(30)
    expect(pages).toBeLessThanOrEqual(90)
    const text = pdftotext(file)
    const distinct = (pattern: RegExp) => new Set(text.match(pattern)).size
    expect(distinct(/Concern row \d+:/g)).toBe(200)
    expect(distinct(/Response to concern \d+:/g)).toBe(200)
    expect(distinct(/Rationale \d+:/g)).toBe(75)
    expect(distinct(/Indicator row \d+\b/g)).toBe(12)
    for (const c of large.screening.criteria) expect(text).toContain(c.name)
    expect(text).toContain(`Page ${pages} of ${pages}`)
    // Several seconds on a busy two-core machine; a generous limit keeps the suite from flaking.
  }, 120_000)
})

describe('an addendum', () => {
  it('is signed and names the original record by reference and SHA-256', async () => {
    const parentSha = 'c0ffee'.padEnd(64, '0')
    const file = await signedFile('addendum.pdf', await renderAddendum(addendumData(parentSha)))
    expect(pdfsig(file, nssDir)).toContain('Certificate is Trusted.')
    const text = textOf(file)
    expect(text).toContain('Decision record addendum')
    expect(text).toContain(parentSha)
    expect(text).toContain('LLS-2025-014-R1')
    expect(text).toContain('Visits at affected branches fell 15% against a 10% threshold.')
    expect(text).toContain('Appointments only on weekday mornings.')
    expect(pdfinfo(file)).toMatch(/^Title:\s+Addendum LLS-2025-014-R2 to decision record LLS-2025-014-R1/m)
  })

  it('carries its own data as addendum.json, valid against the published schema', async () => {
    const data = addendumData('ab'.repeat(32))
    const file = await signedFile('addendum-data.pdf', await renderAddendum(data))
    const extracted = pdfdetachJson(file, 'addendum.json')!
    expect(schemaErrors(extracted.json)).toEqual([])
    expect(extracted.json).toEqual(recordJson({ kind: 'addendum', data }))
    expect(pdfsig(file)).toContain('Total document signed')
  })
})

describe('the record data and its schema', () => {
  it('embeds the decision record’s data, as a PDF/A-3 associated file with the relationship Data', () => {
    const extracted = pdfdetachJson(visaFile, 'decision-record.json')!
    expect(extracted.json).toEqual(recordJson({ kind: 'decision', data: visa }))
    expect(schemaErrors(extracted.json)).toEqual([])
    const raw = fs.readFileSync(visaFile).toString('latin1')
    expect(raw).toMatch(/\/AFRelationship \/Data/)
    expect(raw).toMatch(/\/Type \/Catalog[^]*?\/AF \[\d+ 0 R\]/)
    expect(raw).toMatch(/\/Subtype \/application#2Fjson/)
  })

  it('the schema refuses data that does not fit it, saying where', () => {
    const good = recordJson({ kind: 'decision', data: visa }) as unknown as Record<string, Record<string, unknown>>
    expect(schemaErrors({ ...good, decision: { ...good.decision, outcome: 'maybe' } }).join('\n')).toContain('/decision/outcome')
    expect(schemaErrors({ ...good, audit: { hash: 'not a hash', seq: 3 } }).join('\n')).toContain('/audit/hash')
    expect(schemaErrors({ ...good, unexpected: true }).length).toBeGreaterThan(0)
    const { staff: _staff, ...withoutStaff } = good
    expect(schemaErrors(withoutStaff).length).toBeGreaterThan(0)
    // The printed text and the data agree: the accessible page's address is in both.
    expect(textOf(visaFile)).toContain(visa.record.accessibleUrl)
  })
})
