import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { pdfBytes } from '#tests/support/documents'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupServer } from './support/server'

// The flow moves a proposal through screening: a server of its own.
const server = setupServer()
const browser = setupBrowser(() => server().url)

const TITLE = 'Visa biometrics enrolment in branch libraries'
const CHIEF = 'chief@fairhaven.example'
const SAM = 'reviewer@fairhaven.example' // Sam Patel: declares a conflict
const ZOE = 'reviewer2@fairhaven.example' // Zoë Müller
const TOMASZ = 'reviewer3@fairhaven.example' // Tomasz Nowak: the replacement

const contract = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'probity-screening-')), 'Draft contract.pdf')
fs.writeFileSync(contract, pdfBytes('UKVI host agreement'))
afterAll(() => fs.rmSync(path.dirname(contract), { recursive: true, force: true }))

/** Every step of one flow shares this page; each sign-in replaces the last. */
let page: Page
let proposalPath = ''

async function openScreening(email: string) {
  await signIn(page, email)
  await visit(page, `${proposalPath}/screening`)
}

const NO_NOTICE = { leaving_privacy_protection: 'No notice to users is planned' }

/**
 * Scores every criterion the same way, answering "no" to the privacy items in
 * `failing` (with their evidence) and "yes" to the rest. The selects are found by name: there
 * are ten identically labelled groups, one per criterion fieldset.
 */
async function score(likelihood: number, impact: number, residual: [number, number], rationale: string, failing: Record<string, string> = NO_NOTICE) {
  for (const c of DEFAULT_RUBRIC.criteria) {
    const group = page.getByRole('group', { name: c.name, exact: true })
    await group.getByLabel('Likelihood', { exact: true }).selectOption(String(likelihood))
    await group.getByLabel('Impact', { exact: true }).selectOption(String(impact))
    await group.getByLabel('Rationale').fill(`${rationale} (${c.name})`)
    await group.getByLabel('Proposed mitigations').fill('Signage saying the booth is run for the Home Office, not the library')
    await group.getByLabel('Likelihood after mitigation').selectOption(String(residual[0]))
    await group.getByLabel('Impact after mitigation').selectOption(String(residual[1]))
  }
  for (const item of DEFAULT_RUBRIC.privacyItems) {
    const group = page.getByRole('group', { name: new RegExp(`^${item.question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    const evidence = failing[item.key]
    await group.getByRole('radio', { name: evidence ? 'No' : 'Yes', exact: true }).check()
    if (evidence) await group.getByLabel('Evidence').fill(evidence)
  }
}

describe('intake and blind multi-reviewer screening of the visa-services case', () => {
  it('the chief librarian enters the case, two reviewers score it after one recusal, and screening completes', async () => {
    page = await browser.newPage()

    // 1. The chief librarian proposes the partnership and saves a draft.
    await signIn(page, CHIEF)
    await visit(page, '/proposals/new')
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Partner organisation').fill('UK Visas and Immigration (Home Office)')
    await page.getByLabel('Contractor delivering for the partner (if any)').fill('Sopra Steria')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/\/edit\?saved=1$/)
    await checkA11y(page)
    proposalPath = new URL(page.url()).pathname.replace(/\/edit$/, '')

    // Submitting too early is refused next to the fields, in the browser.
    await page.getByRole('button', { name: 'Submit for ethics screening' }).click()
    await page.getByText('List at least one site').first().waitFor()
    await checkA11y(page)

    await page.getByLabel('Attach a paper').setInputFiles(contract)
    // What is typed survives attaching a paper.
    await page.getByLabel('Summary').fill('Typed before attaching')
    await page.getByRole('button', { name: 'Attach', exact: true }).click()
    await page.getByRole('link', { name: 'Draft contract.pdf' }).waitFor()
    expect(await page.getByLabel('Summary').inputValue()).toBe('Typed before attaching')
    await checkA11y(page)

    await page.getByLabel('Summary').fill('Host biometric enrolment appointments for visa and immigration applicants at three branches.')
    await page.getByLabel('The service offered').fill('Fingerprints and photographs for visa applicants, by appointment')
    await page.getByRole('radio', { name: 'The partner’s (or contractor’s) staff' }).check()
    await page.getByLabel('Sites affected').fill('Central Library\nNorthgate\nHarbourside')
    await page.getByLabel('Start date').fill('2026-09-01')
    await page.getByLabel('Income to the service').fill('£18,500 a year')
    await page.getByLabel('Costs to the service').fill('Booth space and two hours of staff time a week')
    await page.getByLabel('Why the service wants this partnership').fill('Income keeps Saturday opening; applicants travel less.')
    await page.getByRole('group', { name: 'Is any personal data of users involved?' }).getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('checkbox', { name: 'Biometric data (fingerprints, facial images)' }).check()
    await page.getByRole('group', { name: 'Is it shared with the partner or its contractor?' }).getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('group', { name: 'Is it shared with any government body?' }).getByRole('radio', { name: 'Yes' }).check()
    await page.getByLabel('How long it is kept').fill('Under the Home Office retention policy')
    await page.getByLabel('Where it is processed').fill('Contractor equipment, then Home Office systems')
    await page.getByLabel('User groups affected').fill('Visa applicants\nAll users of the three branches')
    await page.getByRole('checkbox', { name: 'Migrants, refugees and asylum seekers' }).check()
    await page.getByRole('group', { name: 'Was the professional body engaged before this proposal?' }).getByRole('radio', { name: 'No' }).check()
    await page.getByRole('checkbox', { name: 'Sam Patel' }).check()
    await page.getByRole('checkbox', { name: 'Zoë Müller' }).check()
    await page.getByRole('button', { name: 'Submit for ethics screening' }).click()
    await page.waitForURL((url) => url.pathname === `${proposalPath}/screening`)
    await checkA11y(page)
    expect(await page.getByText('Rubric version 1. 0 of at least 2 reviews submitted.').count()).toBe(1)
    await signOut(page)

    // 2. Sam sees only the title, partner and contractor, and declares a conflict.
    await signIn(page, SAM)
    await visit(page, proposalPath)
    expect(await page.getByText('Host biometric enrolment appointments').count()).toBe(0)
    await visit(page, `${proposalPath}/screening`)
    await page.getByRole('radio', { name: 'Yes, I have a conflict and should be recused' }).check()
    await page.getByLabel('If so, what is the conflict?').fill('My partner works for Sopra Steria')
    await page.getByRole('button', { name: 'Record my declaration' }).click()
    await page.getByText('You are recused from this proposal.').waitFor()
    await checkA11y(page)
    await signOut(page)

    // 3. The chief librarian assigns Tomasz in Sam's place.
    await openScreening(CHIEF)
    expect(await page.getByText('Recused: My partner works for Sopra Steria').count()).toBe(1)
    await page.getByRole('checkbox', { name: 'Tomasz Nowak' }).check()
    await page.getByRole('button', { name: 'Assign' }).click()
    await page.getByRole('row', { name: /Tomasz Nowak/ }).waitFor()
    await checkA11y(page)
    await signOut(page)

    // 4. Zoë declares no conflict, scores low and submits; she sees no results yet.
    await openScreening(ZOE)
    await page.getByRole('radio', { name: 'No, I have no conflict of interest' }).check()
    await page.getByRole('button', { name: 'Record my declaration' }).click()
    await page.waitForURL(/\/screening\/review$/)
    await checkA11y(page)
    await score(1, 2, [1, 1], 'Appointments only; little contact with other users')
    await page.getByRole('button', { name: 'Submit my review' }).click()
    await page.waitForURL((url) => url.pathname === `${proposalPath}/screening`)
    await checkA11y(page)
    expect(await page.getByText(/Results appear here once at least 2 reviewers have submitted/).count()).toBe(1)
    await signOut(page)

    // 5. Tomasz saves a draft without seeing Zoë's scores, then submits high scores.
    await openScreening(TOMASZ)
    await page.getByRole('radio', { name: 'No, I have no conflict of interest' }).check()
    await page.getByRole('button', { name: 'Record my declaration' }).click()
    await page.waitForURL(/\/screening\/review$/)
    await checkA11y(page)
    expect(await page.getByText('Appointments only; little contact').count()).toBe(0)
    // Tomasz finds the booking platform forces sign-in: anonymous use is required in the default checklist.
    await score(4, 5, [3, 4], 'Migrants who fear enforcement may stop coming', {
      ...NO_NOTICE,
      anonymous_use: 'Booking needs an account; search logs kept two years',
    })
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/saved=1$/)
    await checkA11y(page)
    await page.getByRole('button', { name: 'Submit my review' }).click()
    await page.waitForURL((url) => url.pathname === `${proposalPath}/screening`)
    await checkA11y(page)

    // Both submitted: the heatmaps, disagreement flags and blocking issue show.
    // Two reviewers are not a median: each one's score shows, and no median does.
    expect(await page.getByRole('img', { name: /Inherent risk \(each reviewer\)/ }).count()).toBe(1)
    expect(await page.getByRole('img', { name: /Residual risk after mitigations \(each reviewer\)/ }).count()).toBe(1)
    expect(await page.getByRole('columnheader', { name: 'Each reviewer’s score' }).count()).toBe(1)
    expect(await page.getByRole('columnheader', { name: 'Median' }).count()).toBe(0)
    expect(await page.getByText(/Highest median risk/).count()).toBe(0)
    expect(await page.getByText(/Fewer than three reviewers: each reviewer’s score is shown/).count()).toBe(1)
    const trustRow = page.getByRole('row', { name: /^Public trust and perceived neutrality/ })
    expect(await trustRow.getByText(/2, low; L 1, I 2\..*20, very high; L 4, I 5/).count()).toBe(1)
    expect(await page.getByText(/\b11, high/).count()).toBe(0)
    expect(await page.getByText('Yes: two or more bands apart').count()).toBe(DEFAULT_RUBRIC.criteria.length)
    expect(await page.getByText(/Reviewers disagree \(two or more bands apart\) on 10 criteria/).count()).toBe(1)
    // Each blocking issue reads as a problem, in the checklist's order; anonymous use is one of them.
    expect(await page.locator('ul.blocking > li').allInnerTexts()).toEqual([
      'Blocking: Users cannot use the service anonymously, or must give more identification than it needs',
      'Blocking: Users are not told plainly when they leave the library’s privacy protection',
    ])
    expect(await page.getByText('Appointments only; little contact with other users (Public trust and perceived neutrality)').count()).toBe(1)
    await signOut(page)

    // 6. The chief librarian completes screening; consultation opens.
    await openScreening(CHIEF)
    await page.getByRole('button', { name: 'Complete ethics screening' }).click()
    await page.getByRole('button', { name: 'Complete ethics screening' }).waitFor({ state: 'detached' })
    await checkA11y(page)
    await visit(page, proposalPath)
    expect(await page.locator('.tag').first().textContent()).toBe('Consultation')
  }, 600_000)
})
