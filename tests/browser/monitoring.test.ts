import path from 'node:path'
import { eq } from 'drizzle-orm'
import { type Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { decisionRecords, DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { DEMO_PASSWORD, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { addMonths } from '~/utils/review-schedule'
import { formatDate, serviceDate } from '~/utils/calendar'
import { createProposal } from '~/workflow/create-proposal.server'
import { decideAndSign, reachDecision, visaApproval } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { pdfsig, pdftotext } from '#tests/support/poppler'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * The approved visa-services partnership at its first quarterly review:
 * visits fall 15% against a 10% threshold, reassessment starts by itself, the
 * chief librarian adds conditions, both signatories sign, the signed addendum
 * names the original record, and monitoring resumes a quarter on.
 */

// Review 1 falls due about now: the plan started a quarter ago.
const today = serviceDate(new Date())
const startsOn = addMonths(today, -3)
let proposalId = ''
let original = { reference: '', sha256: '' }

/** The demo service (two signatures required) and the visa-services case, approved with its plan and monitored. */
async function monitoredVisaCase(db: Database, secret: string, dataDir: string) {
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
  })
  // The record is signed with the identity the server will find in the same data directory.
  const recordId = await decideAndSign(db, {
    proposal,
    chief,
    signatory: person('governance@fairhaven.example'),
    values: await visaApproval(db, proposal, startsOn),
    signing: { dataDir, publicUrl: 'http://127.0.0.1' },
    secret,
    password: DEMO_PASSWORD,
  })
  // Monitoring is started in the browser, from the Monitoring tab.
  const [record] = await db.select().from(decisionRecords).where(eq(decisionRecords.id, recordId))
  return { proposalId: proposal.id, original: { reference: record!.reference, sha256: record!.sha256 } }
}

const { dataDir, server } = setupSeededServer('monitoring', async (db, secret, dir) => {
  ;({ proposalId, original } = await monitoredVisaCase(db, secret, dir))
})
const browser = setupBrowser(() => server().url)

const monitoringPage = () => `/proposals/${proposalId}/monitoring`

async function sign(page: Page) {
  await page.getByLabel('Your password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign with my password' }).click()
}

it('a 15% fall in visits sends the partnership into reassessment; added conditions are signed into an addendum and monitoring resumes a quarter on', async () => {
  const page = await browser.newPage()
  await signIn(page, 'chief@fairhaven.example')

  // Approved and signed: the Monitoring tab offers the start itself, and does
  // not speak of reviews resuming before monitoring has ever started.
  await visit(page, monitoringPage())
  expect(await page.getByText('(reviews begin once monitoring starts)').count()).toBe(1)
  expect(await page.getByText(/resume when monitoring does/).count()).toBe(0)
  await page.getByRole('button', { name: 'Start monitoring' }).click()
  await page.waitForURL((url) => url.pathname === monitoringPage())
  await page.getByRole('button', { name: 'Start monitoring' }).waitFor({ state: 'detached' })
  await checkA11y(page)
  expect(await page.getByText(/reviews begin once monitoring starts/).count()).toBe(0)
  await visit(page, '/')

  // The home page shows the review falling due, and who is responsible for it.
  const due = page.getByRole('region', { name: 'Reviews due and overdue' }).getByRole('row', { name: new RegExp(VISA_SERVICES_CASE.title) })
  await due.waitFor()
  expect(await due.textContent()).toContain('Rhiannon Evans')
  await due.getByRole('link', { name: VISA_SERVICES_CASE.title }).click()
  await page.waitForURL((url) => url.pathname === monitoringPage())
  await checkA11y(page)
  expect(await page.getByText(`Review 1, due ${formatDate(addMonths(startsOn, 3))}`).count()).toBe(1)

  // The quarterly review: visits 10,540 against a baseline of 12,400.
  await page.getByRole('link', { name: 'Record review 1' }).click()
  await page.waitForURL((url) => url.pathname === `${monitoringPage()}/review`)
  await checkA11y(page)
  await page.getByLabel('Visits at affected branches (visits a month)').fill('10540')
  await page.getByLabel('Complaints about the service (complaints a quarter)').fill('2')
  // Every condition from the decision is being kept.
  const met = await page.getByRole('radio', { name: 'Met', exact: true }).all()
  expect(met.length).toBeGreaterThan(0)
  for (const radio of met) await radio.check()
  await page.getByLabel('What the review found').fill('Branch managers report fewer visits since the booth opened; some regulars say they stay away.')
  await page.getByRole('button', { name: 'Save review 1' }).click()

  // Saving it is enough: the partnership is back for reassessment.
  await page.waitForURL((url) => url.pathname === monitoringPage())
  await page.getByRole('heading', { name: 'Being reassessed' }).waitFor()
  await checkA11y(page)
  const notice = (await page.getByRole('region', { name: 'Being reassessed' }).textContent()) ?? ''
  expect(notice).toContain('An indicator went beyond its threshold')
  expect(notice).toContain('Visits at affected branches fell 15% against a 10% threshold')

  // The chief librarian proposes added conditions and signs first.
  await page.getByRole('link', { name: 'Decide and sign the outcome' }).click()
  await page.waitForURL((url) => url.pathname === `${monitoringPage()}/reassessment`)
  await checkA11y(page)
  await page.getByLabel('Continue with added conditions').check()
  await page.getByLabel('Reasons').fill('Keep the service, but move it to quieter hours and ask users what they think.')
  await page.getByLabel('Conditions to add').fill('Appointments only on weekday mornings.\nA user perception survey before the next review.')
  await page.getByRole('button', { name: 'Propose this outcome' }).click()
  await page.getByRole('heading', { name: 'Proposed outcome', exact: true }).waitFor()
  await checkA11y(page)
  await sign(page)
  await page.getByText(/1 of 2: Rhiannon Evans/).waitFor()
  await checkA11y(page)
  await signOut(page)

  // The second signatory's signature carries it out.
  await signIn(page, 'governance@fairhaven.example')
  await visit(page, `${monitoringPage()}/reassessment`)
  await sign(page)
  await page.waitForURL((url) => url.pathname === monitoringPage())
  await page.getByRole('heading', { name: 'Reassessments and suspensions' }).waitFor()
  await checkA11y(page)
  expect(await page.getByRole('heading', { name: 'Being reassessed' }).count()).toBe(0)

  // Monitoring resumes: review 2 is due a quarter after review 1, and the new conditions are checked from now on.
  expect(await page.getByText(`Review 2, due ${formatDate(addMonths(startsOn, 6))}`).count()).toBe(1)
  const conditions = (await page.getByRole('table', { name: 'Conditions and their status at the latest review' }).textContent()) ?? ''
  expect(conditions).toContain('Appointments only on weekday mornings.')
  expect(conditions).toContain('A user perception survey before the next review.')
  const round = (await page.getByRole('region', { name: 'Reassessments and suspensions' }).textContent()) ?? ''
  expect(round).toContain('Continue with added conditions')
  expect(round).toContain('Rhiannon Evans and Dafydd Jones')

  // The signed addendum: valid, and tied to the original record by its reference and hash.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the signed addendum (PDF)' }).click()])
  const file = path.join(dataDir, 'addendum.pdf')
  await download.saveAs(file)
  const report = pdfsig(file)
  expect(report).toContain('Signature Validation: Signature is Valid.')
  expect(report).toContain('Total document signed')
  const text = pdftotext(file).replace(/\s+/g, ' ')
  expect(text).toContain(original.reference)
  // The hash may wrap; its first characters are enough to tell it from any other.
  expect(text).toContain(original.sha256.slice(0, 16))
  expect(text).toContain('Appointments only on weekday mornings.')
  expect(text).toContain('Visits at affected branches')

  // Its verify page finds it too.
  await page.getByRole('link', { name: 'verify it' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/verify/'))
  await checkA11y(page)
}, 300_000)
