import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOrganisation } from '#db/users.server'
import { findRecord } from '#db/records.server'
import { updateOrganisationSettings } from '#db/settings.server'
import { type ServiceLanguages } from '#db/schema'
import { signingTrust } from '~/signing/certificates.server'
import { decideAndSign, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { writeStoredFile } from '#tests/support/stored-files'
import { opensslCmsVerify } from '#tests/support/openssl-verify'
import { pdfsig, pdftotext } from '#tests/support/poppler'
import { pdfdetachJson, schemaErrors } from '#tests/support/record-schema'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4700' })

/** The visa case decided and signed by a service working in the given languages. */
async function recordOfService(languages: ServiceLanguages) {
  const { db } = app().database
  const c = await visaCaseAtDecision(db, { secret: app().secret })
  const org = (await findOrganisation(db, c.org.id))!
  await updateOrganisationSettings(db, c.org.id, { ...org.settings, languages })
  const recordId = await decideAndSign(db, {
    proposal: c.proposal,
    chief: c.chief,
    values: await visaApproval(db, c.proposal, '2026-09-01'),
    signing: app().config,
    secret: app().secret,
  })
  const row = (await findRecord(db, c.org.id, recordId))!
  const file = await writeStoredFile(db, row.sha256, app().config.dataDir)
  return { file, pdf: fs.readFileSync(file), text: pdftotext(file) }
}

const WELSH_HEADINGS = ['Cofnod penderfyniad', '1. Y cynnig', '2. Sgrinio moesegol', '7. Y penderfyniad', '9. Dilysu’r cofnod hwn']
const ENGLISH_HEADINGS = ['Decision record', '1. The proposal', '2. Ethics screening', '7. The decision', '9. Verifying this record']

/** The document's /Lang, as react-pdf writes it into the catalogue. */
const documentLang = (pdf: Buffer) => /\/Lang \(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1]

async function expectSignedAndValid(file: string, pdf: Buffer) {
  expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.')
  expect(pdfsig(file)).toContain('Total document signed')
  const trust = (await signingTrust(app().config))!
  const rootFile = path.join(app().config.dataDir, 'root-for-openssl.pem')
  fs.writeFileSync(rootFile, trust.caPem)
  const openssl = opensslCmsVerify(app().config.dataDir, pdf, rootFile)
  expect(openssl.output).toContain('Verification successful')
  expect(openssl.status).toBe(0)
}

describe(`records in the service's languages (${databaseKind()})`, () => {
  it('a service working in both languages issues one signed file, Welsh first then English, with valid data naming both', async () => {
    const { file, pdf, text } = await recordOfService('both')
    for (const heading of [...WELSH_HEADINGS, ...ENGLISH_HEADINGS]) expect(text, heading).toContain(heading)
    // The Welsh part comes first, and each part is complete.
    expect(text.indexOf('9. Dilysu’r cofnod hwn')).toBeLessThan(text.indexOf('1. The proposal'))
    expect(text).toContain('Cymeradwywyd gydag amodau')
    expect(text).toContain('Approved with conditions')
    expect(text).toMatch(/Tudalen 1 o \d+/)
    expect(documentLang(pdf)).toBe('cy')
    const data = pdfdetachJson(file, 'decision-record.json')!
    expect(schemaErrors(data.json)).toEqual([])
    expect((data.json as { organisation: { languages?: string } }).organisation.languages).toBe('both')
    await expectSignedAndValid(file, pdf)
  })

  it('a Welsh-only service issues Welsh records', async () => {
    const { file, pdf, text } = await recordOfService('cy')
    for (const heading of WELSH_HEADINGS) expect(text, heading).toContain(heading)
    for (const heading of ENGLISH_HEADINGS.slice(1)) expect(text, heading).not.toContain(heading)
    expect(documentLang(pdf)).toBe('cy')
    expect(schemaErrors(pdfdetachJson(file, 'decision-record.json')!.json)).toEqual([])
    await expectSignedAndValid(file, pdf)
  })

  it('an English-only service issues English records with no languages field, as before', async () => {
    const { file, pdf, text } = await recordOfService('en')
    for (const heading of ENGLISH_HEADINGS) expect(text, heading).toContain(heading)
    expect(text).not.toContain('Cofnod penderfyniad')
    expect(documentLang(pdf)).toBe('en-GB')
    const data = pdfdetachJson(file, 'decision-record.json')!
    expect((data.json as { organisation: object }).organisation).not.toHaveProperty('languages')
    await expectSignedAndValid(file, pdf)
  })
})
