import fs from 'node:fs'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { DEMO_PASSWORD, DEMO_USERS, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { createProposal } from '~/workflow/create-proposal.server'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { reachDecision } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { nssDatabaseTrusting, pdfsig, pdftotext } from '#tests/support/poppler'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * The visa-services case after consultation, approved with conditions by the
 * chief librarian and the governance officer (the demo service here requires
 * a second signatory), then its signed record downloaded and checked with
 * poppler and on the verify page.
 */

const ANONYMOUS_CONCERN = 'Some colleagues would not feel safe beside this service.'
/** Who raised it (completeConsultation's second member of staff): a name the record must not hold. */
const ANONYMOUS_AUTHOR = DEMO_USERS.find((u) => u.email === 'staff2@fairhaven.example')!.name
let proposalId = ''

/** The demo service and its people, and the visa-services case taken through screening and consultation. */
async function visaCaseAtDecision(db: Database, secret: string) {
  const settings = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: true }
  const { org, person } = await createDemoService(db, settings)
  const chief = person('chief@fairhaven.example')
  const proposal = await db.transaction((tx) =>
    createProposal(tx, { ...VISA_SERVICES_CASE, organisationId: org.id, proposerId: chief.id }, settings),
  )
  await reachDecision(db, {
    proposal,
    chief,
    reviewers: [person('reviewer@fairhaven.example'), person('reviewer2@fairhaven.example')],
    staff: [person('staff@fairhaven.example'), person('staff2@fairhaven.example')],
    secret,
    ratings: [
      [4, 5, 3, 3],
      [2, 2, 1, 1],
    ],
    blockingOn: ['leaving_privacy_protection'],
  })
  return proposal.id
}

const { dataDir, server } = setupSeededServer('decision', async (db, secret) => {
  proposalId = await visaCaseAtDecision(db, secret)
})
const browser = setupBrowser(() => server().url)

const decisionPage = () => `/proposals/${proposalId}/decision`

async function sign(page: Page, password: string) {
  await page.getByLabel('Your password').fill(password)
  await page.getByRole('button', { name: 'Sign the decision' }).click()
}

it('approves the visa-services case with conditions by two signatories; the signed record downloads and verifies', async () => {
  const page = await browser.newPage()
  await signIn(page, 'chief@fairhaven.example')
  await visit(page, decisionPage())

  // The form starts from what consultation and screening found.
  await expect.poll(() => page.getByLabel('Condition 1', { exact: true }).inputValue()).toBe('Consult affected staff openly before launch.')
  await expect.poll(() => page.getByLabel('Condition 2', { exact: true }).inputValue()).toBe('No Home Office branding in public areas.')
  expect(await page.getByLabel('View 1', { exact: true }).inputValue()).toContain('Reviewers disagreed on')

  await page.getByLabel('Approve with conditions').check()
  await page.getByLabel('Rationale').fill('A real local need, met with the safeguards staff and CILIP asked for.')
  await page.getByRole('button', { name: 'Add a condition' }).click()
  await page.getByLabel('Condition 3', { exact: true }).fill('Signage tells users the service is outside the library’s privacy protection.')
  await page.getByLabel('Review every (months)').fill('3')
  await page.getByLabel('Name', { exact: true }).fill('Visits at affected branches')
  await page.getByLabel('Unit', { exact: true }).fill('visits a month')
  await page.getByLabel('Baseline', { exact: true }).fill('12400')
  await page.getByLabel('Direction', { exact: true }).selectOption({ label: 'Higher is better' })
  await page.getByLabel('Threshold measured as').selectOption({ label: 'Percentage change from the baseline' })
  await page.getByLabel('Threshold', { exact: true }).fill('10')

  // Approving despite the blocking privacy issue needs an override for it.
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await page.getByText('To approve despite this blocking issue, record why').waitFor()
  await checkA11y(page)
  await page.getByLabel(/^Override for:/).fill('Signage and a leaflet will tell users before they book.')
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await page.getByRole('heading', { name: 'Decision awaiting signature' }).waitFor()
  await checkA11y(page)

  // Step-up: a wrong password is refused beside the field; the right one signs.
  await sign(page, 'not my password')
  await page.getByText('That password is not right.').waitFor()
  await checkA11y(page)
  await sign(page, DEMO_PASSWORD)
  await page.getByText(/Signed by Rhiannon Evans, Chief librarian/).waitFor()
  await checkA11y(page)
  expect(await page.getByText('1 of 2 signatures').count()).toBe(1)
  await signOut(page)

  await signIn(page, 'governance@fairhaven.example')
  await visit(page, decisionPage())
  await sign(page, DEMO_PASSWORD)
  await page.getByRole('heading', { name: 'Signed decisions' }).waitFor()
  await checkA11y(page)
  expect(await page.getByText(/Signed by Dafydd Jones, Signatory/).count()).toBe(1)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download record .* \(PDF\)$/ }).click(),
  ])
  const file = path.join(dataDir, 'downloaded.pdf')
  await download.saveAs(file)
  const bytes = fs.readFileSync(file)

  const report = pdfsig(file)
  expect(report).toContain('Signature Validation: Signature is Valid.')
  expect(report).toContain('Total document signed')
  const ca = await (await fetch(`${server().url}/verify/ca.pem`)).text()
  expect(pdfsig(file, nssDatabaseTrusting(path.join(dataDir, 'nss'), ca))).toContain('Certificate is Trusted')

  const text = pdftotext(file).replace(/\s+/g, ' ')
  expect(text).toContain(VISA_SERVICES_CASE.partner)
  for (const criterion of DEFAULT_RUBRIC.criteria) expect(text).toContain(criterion.name)
  expect(text).toContain(ANONYMOUS_CONCERN)
  expect(text).not.toContain(ANONYMOUS_AUTHOR)
  expect(text).toContain('Signage tells users the service is outside the library’s privacy protection.')

  // The verify page accepts the record, and names the chain head it printed.
  await visit(page, '/verify')
  await page.getByLabel('Decision record (PDF)').setInputFiles(file)
  await page.getByRole('button', { name: 'Check the record' }).click()
  await page.getByText('Authentic.').waitFor()
  await checkA11y(page)
  const result = (await page.locator('.verify-result').textContent()) ?? ''
  const [, seq, head] = /Verifies\..*entry (\d+),\s*([0-9a-f]{64})/s.exec(result) ?? []
  expect(head, 'the verify page names the chain head').toBeDefined()
  expect(text).toContain(head!)
  expect(text).toContain(`Audit entry number ${seq}`)

  // A copy with one byte changed is refused.
  const tampered = Buffer.from(bytes)
  const at = tampered.indexOf('/Lang (en-GB)') + '/Lang (en-G'.length
  tampered[at] = 'C'.charCodeAt(0)
  await page.getByLabel('Decision record (PDF)').setInputFiles({ name: 'tampered.pdf', mimeType: 'application/pdf', buffer: tampered })
  await page.getByRole('button', { name: 'Check the record' }).click()
  await page.getByText('Not confirmed.').waitFor()
  await checkA11y(page)
}, 300_000)
