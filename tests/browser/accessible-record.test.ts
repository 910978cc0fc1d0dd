import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { decisionRecords, DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { DEMO_PASSWORD, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { createProposal } from '~/workflow/create-proposal.server'
import { decideAndSign, reachDecision, visaApproval } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { writeStoredFile } from '#tests/support/stored-files'
import { pdftotext } from '#tests/support/poppler'
import { schemaErrors, SCHEMA_FILE } from '#tests/support/record-schema'
import { setupBrowser } from './support/browser'
import { checkA11y, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * A signed visa-services record, opened by someone with no account: its
 * verify page shows the data signed into the file and links its accessible
 * page, which axe finds clean and which says what the embedded JSON and the
 * PDF's text say.
 */

let recordId = ''
let recordFile = ''

async function signedVisaRecord(db: Database, secret: string, dataDir: string) {
  const settings = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: true }
  const { org, person } = await createDemoService(db, settings)
  const chief = person('chief@fairhaven.example')
  const proposal = await db.transaction((tx) => createProposal(tx, { ...VISA_SERVICES_CASE, organisationId: org.id, proposerId: chief.id }, settings))
  await reachDecision(db, {
    proposal,
    chief,
    reviewers: [person('reviewer@fairhaven.example'), person('reviewer2@fairhaven.example')],
    staff: [person('staff@fairhaven.example'), person('staff2@fairhaven.example')],
    secret,
    blockingOn: ['leaving_privacy_protection'],
  })
  // Signed with the identity the server will find in the same data directory.
  const id = await decideAndSign(db, {
    proposal,
    chief,
    signatory: person('governance@fairhaven.example'),
    values: await visaApproval(db, proposal, '2026-09-01'),
    signing: { dataDir, publicUrl: 'http://127.0.0.1' },
    secret,
    password: DEMO_PASSWORD,
  })
  const [row] = await db.select().from(decisionRecords).where(eq(decisionRecords.id, id))
  return { id, file: await writeStoredFile(db, row!.sha256, dataDir) }
}

const { server } = setupSeededServer('accessible-record', async (db, secret, dir) => {
  ;({ id: recordId, file: recordFile } = await signedVisaRecord(db, secret, dir))
})
const browser = setupBrowser(() => server().url)

/** Whitespace as single spaces, so wrapped lines read as the sentences they are. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

type Json = {
  proposal: { title: string; purpose: string; partner: string }
  screening: { criteria: { name: string; reviews: { rationale: string }[] }[] }
  staff: { concerns: { text: string; hidden: unknown }[] }
  decision: { rationale: string; conditions: { text: string }[]; monitoring: { indicators: { name: string }[] } | null }
  signatories: { name: string }[]
  audit: { hash: string }
  record: { reference: string; verifyUrl: string; accessibleUrl: string }
}

it('the verify page shows the signed data and links the accessible page, which axe finds clean and which says what the JSON and the PDF say', async () => {
  const page = await browser.newPage()
  await visit(page, `/verify/${recordId}`)
  await page.getByRole('heading', { name: 'Data in the file' }).waitFor()
  const schemaLink = page.getByRole('link', { name: 'the record data schema (JSON Schema)' })
  expect(await schemaLink.getAttribute('href')).toBe('/schemas/decision-record/v1.json')

  // The schema is served as the repository holds it.
  const served = await fetch(`${server().url}/schemas/decision-record/v1.json`)
  expect(served.status).toBe(200)
  expect(await served.json()).toEqual(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')))

  // The data downloads as the file carries it, and fits the schema.
  const json = (await (await fetch(`${server().url}/verify/${recordId}/record.json`)).json()) as Json
  expect(schemaErrors(json)).toEqual([])
  expect(json.record.accessibleUrl).toBe(`http://127.0.0.1/verify/${recordId}/record`)

  // The PDF prints and links the accessible page's address.
  const pdfText = squash(pdftotext(recordFile))
  expect(pdfText).toContain(json.record.accessibleUrl)
  expect(fs.readFileSync(recordFile).toString('latin1')).toContain(`/URI (${json.record.accessibleUrl})`)

  await page.getByRole('link', { name: 'Read this record as an accessible web page' }).click()
  await page.waitForURL((url) => url.pathname === `/verify/${recordId}/record`)
  await page.getByRole('heading', { level: 1, name: /Decision record/ }).waitFor()
  await checkA11y(page)

  const pageText = squash((await page.locator('main').textContent()) ?? '')
  const headings = (await page.getByRole('heading', { level: 2 }).allTextContents()).map(squash)
  expect(headings).toEqual([
    '1. The proposal',
    '2. Ethics screening',
    '3. Privacy checklist and blocking issues',
    '4. Consultation with CILIP',
    '5. Staff consultation',
    '6. Trade union consultation',
    '7. The decision',
    '8. Signatories',
    '9. Verifying this record',
  ])
  // The PDF has the same sections, in the same order.
  const positions = headings.map((h) => pdfText.indexOf(h))
  expect(positions.every((p) => p >= 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)

  // Every piece of free text the JSON holds is on the page, as the PDF prints it.
  const texts = [
    json.record.reference,
    json.proposal.title,
    json.proposal.partner,
    json.proposal.purpose,
    ...json.screening.criteria.map((c) => c.name),
    ...json.screening.criteria.flatMap((c) => c.reviews.map((r) => r.rationale)).filter((t) => t.trim()),
    ...json.staff.concerns.filter((c) => !c.hidden).map((c) => c.text),
    json.decision.rationale,
    ...json.decision.conditions.map((c) => c.text),
    ...(json.decision.monitoring?.indicators.map((i) => i.name) ?? []),
    ...json.signatories.map((s) => s.name),
    json.audit.hash,
  ]
  for (const text of texts) expect(pageText, `the page shows “${text}”`).toContain(squash(text))
  for (const text of [json.record.reference, json.proposal.title, json.decision.rationale, json.audit.hash, ...json.screening.criteria.map((c) => c.name)]) {
    expect(pdfText, `the PDF prints “${text}”`).toContain(squash(text))
  }

  // Tables have header cells, and the heatmaps a text alternative.
  expect(await page.locator('table th[scope="col"]').count()).toBeGreaterThan(10)
  expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(2)
}, 300_000)

// A date and time as the calendar writes them in Welsh: CLDR's months, and "GMT+1" for British Summer Time.
const WELSH_DATE_TIME = /^\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}, \d{2}:\d{2} GMT(\+1)?$/

it('keeps the verify page’s dates in Welsh once the page is hydrated, though Chromium’s Intl knows no Welsh', async () => {
  const page = await browser.newPage()
  await visit(page, `/verify/${recordId}`)
  await page.getByRole('button', { name: 'Cymraeg' }).click()
  await page.getByRole('heading', { level: 1, name: /^Cofnod / }).waitFor()
  await page.waitForLoadState('networkidle')
  expect(await page.locator('html').getAttribute('lang')).toBe('cy')
  const signed = page.locator('.verify-result dt').filter({ hasText: /^Llofnodwyd$/ }).locator('xpath=following-sibling::dd[1]')
  expect(squash((await signed.textContent()) ?? '')).toMatch(WELSH_DATE_TIME)
  await checkA11y(page)
})

it('answers a clear 404 for a record that does not exist', async () => {
  const page = await browser.newPage()
  await visit(page, '/verify/00000000-0000-4000-8000-000000000000/record', { status: 404 })
  expect(await page.getByText('No record has that link.').count()).toBeGreaterThan(0)
})
