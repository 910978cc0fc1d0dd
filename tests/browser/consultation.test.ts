import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { eq } from 'drizzle-orm'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPglite } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, users } from '#db/schema'
import { VISA_SERVICES_CASE } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { createProposal } from '~/workflow/create-proposal.server'
import { releaseDueContributions, serviceHour } from '~/workflow/consultation/release-anonymous.server'
import { enterConsultation } from '#tests/support/consultation'
import { pdfBytes } from '#tests/support/documents'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { startServer, type RunningServer } from './support/server'

/**
 * The visa-services case through both consultations. The proposal is put into
 * consultation by machine events before the server starts (screening is not
 * this flow's business). The staff consultation can only complete after its
 * closing date, so the last part runs on a second server over the same data,
 * started with its clock moved past that date.
 */

const CHIEF = 'chief@fairhaven.example'
const JORDAN = 'staff@fairhaven.example'
const BETHAN = 'staff2@fairhaven.example'
const KWAME = 'staff3@fairhaven.example'
const ADMIN = 'admin@fairhaven.example'
const TITLE = `${VISA_SERVICES_CASE.title} (consultation)`
const MIN_DAYS = DEFAULT_ORGANISATION_SETTINGS.minConsultationDays
// Each step signs people in and checks every page it shows: longer than one page's worth.
const LONG = 360_000

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-consultation-'))
const letter = path.join(dataDir, 'CILIP response.pdf')
const papers = path.join(dataDir, 'Proposal summary.pdf')
let proposalPath = ''
let server: RunningServer | undefined

beforeAll(async () => {
  fs.writeFileSync(letter, pdfBytes('CILIP letter on the visa-services proposal'))
  fs.writeFileSync(papers, pdfBytes('Summary sent to CILIP'))
  const handle = await openPglite(path.join(dataDir, 'pglite'))
  try {
    await seedDemo(handle.db)
    const db = handle.db
    const org = (await db.query.organisations.findFirst({
      where: eq(organisations.slug, 'fairhaven'),
    }))!
    const person = async (email: string) =>
      (await db.query.users.findFirst({ where: eq(users.email, email) }))!
    // Three staff are a small group: this service releases anonymous contributions once two have accumulated (ADR 023).
    await db.update(organisations).set({ settings: { ...org.settings, anonymitySeveral: 2 } }).where(eq(organisations.id, org.id))
    const chief = await person(CHIEF)
    const proposal = await db.transaction((tx) =>
      createProposal(
        tx,
        {
          ...VISA_SERVICES_CASE,
          reference: 'P-2026-905',
          title: TITLE,
          organisationId: org.id,
          proposerId: chief.id,
        },
        org.settings,
      ),
    )
    await enterConsultation(db, {
      proposal,
      proposer: { ...chief, organisationId: org.id },
      reviewers: [
        await person('reviewer@fairhaven.example'),
        await person('reviewer2@fairhaven.example'),
      ],
    })
    proposalPath = `/proposals/${proposal.id}`
  } finally {
    await handle.close()
  }
  server = await startServer({ dataDir })
}, 300_000)

afterAll(async () => {
  await server?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Stops the server, runs the release job at tomorrow's release hour in this process, and starts it again on the same port. */
async function runReleaseJob() {
  const port = server!.port
  await server!.stop()
  const handle = await openPglite(path.join(dataDir, 'pglite'))
  let released
  try {
    const at = new Date(Date.now() + 86_400_000)
    at.setUTCMinutes(0, 0, 0)
    while (serviceHour(at) !== DEFAULT_ORGANISATION_SETTINGS.anonymityReleaseHour) at.setTime(at.getTime() + 3_600_000)
    released = await releaseDueContributions(handle.db, at)
  } finally {
    await handle.close()
  }
  server = await startServer({ dataDir, port })
  return released
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
}

function concern(page: Page, text: string) {
  return page.getByRole('article').filter({ hasText: text })
}

const ETHICS =
  'Hosting immigration enrolment sits badly with a library that promises a welcome to everyone.'
const SAFETY =
  'Colleagues who came to this country as refugees would not feel safe working beside this service.'
const WORKLOAD =
  'Desk staff already cover two roles; appointment queries will land on us. I <3 this service & "its" users.'

describe('before the staff consultation closes', () => {
  const browser = setupBrowser(() => server!.url)
  // Each test opens its own page (the harness closes them after each); the flow's state is in the server.
  let page: Page
  let receipt = ''

  it(
    'the chief librarian records the CILIP request and a response with three recommendations, and answers each',
    async () => {
      page = await browser.newPage()
      await signIn(page, CHIEF)
      await visit(page, `${proposalPath}/consultation`)
      await page.getByRole('link', { name: 'Record the CILIP consultation' }).click()
      await page.waitForURL(/professional-body$/)
      await settle(page)

      await page.getByLabel('Sent to').fill('CILIP Policy and Advocacy team')
      await page
        .getByLabel('What was shared with them')
        .fill('The proposal summary, the draft contract and the screening results.')
      await page.getByLabel('Papers sent').setInputFiles(papers)
      const deadline = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10)
      await page.getByLabel('Response due by').fill(deadline)
      await page.getByRole('button', { name: 'Record the request' }).click()
      await page.getByRole('heading', { name: 'Record CILIP’s response' }).waitFor()
      await settle(page)
      expect(await page.getByRole('link', { name: 'Proposal summary.pdf' }).count()).toBe(1)

      await page
        .getByLabel('Summary of the response')
        .fill('CILIP questions the fit with library values and asks for openness and monitoring.')
      await page.getByLabel('Their letter').setInputFiles(letter)
      const recommendations = [
        'Consult affected staff openly before any launch.',
        'Monitor usage and perception at the affected branches and act on any fall.',
        'Do not proceed until national guidance on commercial partnerships exists.',
      ]
      for (const [i, text] of recommendations.entries()) {
        await page.getByRole('button', { name: 'Add a recommendation' }).click()
        await page.getByLabel(`Recommendation ${i + 1}`, { exact: true }).fill(text)
      }
      await page.getByRole('button', { name: 'Record the response' }).click()
      await page.getByRole('heading', { name: /^Response received/ }).waitFor()
      await settle(page)

      const answer = (n: number) => page.getByRole('article', { name: `Recommendation ${n}` })
      // Declining without a reason is refused beside the field.
      await answer(3).getByLabel('Not accepted', { exact: true }).check()
      await answer(3).getByRole('button', { name: 'Record the answer to recommendation 3' }).click()
      await answer(3).getByText('Explain why the service does not accept it').waitFor()
      await checkA11y(page)
      await answer(3)
        .getByLabel('Why not (required if not accepted)')
        .fill('No date is set for that guidance; monitoring answers the risk meanwhile.')
      await answer(3).getByRole('button', { name: 'Record the answer to recommendation 3' }).click()
      await answer(3)
        .getByText(/^Not accepted: No date is set/)
        .waitFor()
      await settle(page)
      for (const n of [1, 2]) {
        await answer(n).getByLabel('Accepted: it becomes a condition of the decision').check()
        await answer(n)
          .getByRole('button', { name: `Record the answer to recommendation ${n}` })
          .click()
        await answer(n).getByText('it becomes a condition of the decision.').waitFor()
        await settle(page)
      }
      await page.getByRole('button', { name: 'Complete the CILIP consultation' }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      const body = page.getByRole('region', { name: 'CILIP, the professional body' })
      expect(await body.getByText('Complete', { exact: true }).count()).toBe(1)
      expect(
        await body
          .getByText('Not accepted: No date is set for that guidance', { exact: false })
          .count(),
      ).toBe(1)
    },
    LONG,
  )

  it(
    'the chief librarian opens the staff consultation, and every member of staff is notified',
    async () => {
      page = await browser.newPage()
      await signIn(page, CHIEF)
      await visit(page, `${proposalPath}/consultation`)
      await page.getByRole('link', { name: 'Manage the staff consultation' }).click()
      await page.waitForURL(/consultation\/staff$/)
      await settle(page)
      await page
        .getByLabel('Summary for staff')
        .fill(
          'The service proposes hosting biometric enrolment for visa applicants at three branches. Tell us what worries you.',
        )
      await page.getByRole('button', { name: 'Open the consultation and notify staff' }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      await signOut(page)

      await signIn(page, ADMIN)
      await visit(page, '/dev/outbox')
      expect(
        await page.getByRole('heading', { name: `Staff consultation open: ${TITLE}` }).count(),
      ).toBe(3)
      await signOut(page)
    },
    LONG,
  )

  it(
    'three members of staff raise concerns, one anonymously, and endorse each other’s',
    async () => {
      page = await browser.newPage()
      await signIn(page, JORDAN)
      expect(await page.getByRole('link', { name: /Notifications 1 unread/ }).count()).toBe(1)
      await page
        .getByRole('region', { name: 'Open staff consultations' })
        .getByRole('link', { name: TITLE })
        .click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      await raise('Ethics', ETHICS, 'named')
      await page.getByText('Your concern is recorded with your name.').waitFor()
      await signOut(page)

      await signIn(page, BETHAN)
      await visit(page, `${proposalPath}/consultation`)
      await raise('Safety', SAFETY, 'anonymous')
      receipt = (await page.locator('.receipt-code').textContent()) ?? ''
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
      // Held for the next release: not listed yet, not even to its author.
      expect(await concern(page, SAFETY).count()).toBe(0)
      await concern(page, ETHICS).getByRole('button', { name: 'Endorse anonymously' }).click()
      await concern(page, ETHICS).getByText('you have endorsed it', { exact: false }).waitFor()
      // Held too: the count moves only when the batch is released.
      expect(await concern(page, ETHICS).getByText('1 endorsement').count()).toBe(0)
      await settle(page)
      await signOut(page)

      // The daily release: the concern and the endorsement go out together.
      expect(await runReleaseJob()).toEqual({ concerns: 1, endorsements: 1 })
      await signIn(page, BETHAN)
      await visit(page, `${proposalPath}/consultation`)
      // Released, it shows only to its author that it is theirs, with no way to endorse it too.
      expect(
        await concern(page, SAFETY).getByText('Raised anonymously', { exact: false }).count(),
      ).toBe(1)
      expect(await concern(page, SAFETY).getByRole('button').count()).toBe(0)
      expect(await concern(page, ETHICS).getByText('1 endorsement').count()).toBe(1)
      await settle(page)
      await signOut(page)

      await signIn(page, KWAME)
      await visit(page, `${proposalPath}/consultation`)
      await raise('Workload', WORKLOAD, 'named')
      // Typed characters are shown as text, never as markup.
      expect(
        await concern(page, 'Desk staff already cover').locator('.concern-text').textContent(),
      ).toBe(WORKLOAD)
      for (const text of [ETHICS, SAFETY]) {
        await concern(page, text).getByRole('button', { name: 'Endorse with my name' }).click()
        await concern(page, text).getByText('you have endorsed it', { exact: false }).waitFor()
        await settle(page)
      }
      expect(
        await concern(page, ETHICS)
          .getByText('2 endorsements: Kwame Mensah and 1 anonymously')
          .count(),
      ).toBe(1)
      await signOut(page)

      await signIn(page, JORDAN)
      await visit(page, `${proposalPath}/consultation`)
      await concern(page, SAFETY).getByRole('button', { name: 'Endorse with my name' }).click()
      await concern(page, SAFETY).getByText('2 endorsements', { exact: false }).waitFor()
      await settle(page)
      expect(await concern(page, ETHICS).getByRole('button').count()).toBe(0)
      await signOut(page)
    },
    LONG,
  )

  it(
    'the chief librarian answers each concern and records the union’s response; completing waits for the closing date',
    async () => {
      page = await browser.newPage()
      await signIn(page, CHIEF)
      await visit(page, `${proposalPath}/consultation`)
      const answers: [string, string, string][] = [
        [
          ETHICS,
          'The service will not display Home Office branding in public areas.',
          'No Home Office branding in public areas.',
        ],
        [
          SAFETY,
          'No member of library staff will be asked to work in or beside the booth; rotas are voluntary.',
          '',
        ],
        [
          WORKLOAD,
          'Sopra Steria will run its own appointment line; desk staff will direct callers to it.',
          '',
        ],
      ]
      for (const [text, response, condition] of answers) {
        await concern(page, text)
          .getByRole('link', { name: /^Respond to concern \d/ })
          .click()
        await page.waitForURL(/concerns\//)
        await settle(page)
        await page.getByLabel(/^Response to concern/).fill(response)
        if (condition)
          await page.getByLabel('Condition the response commits to (optional)').fill(condition)
        await page.getByRole('button', { name: 'Publish the response' }).click()
        await page.waitForURL(/\/consultation(#concern-[0-9a-f-]+)?$/)
        await settle(page)
        expect(await concern(page, text).getByText(response).count()).toBe(1)
      }
      await page.getByRole('link', { name: 'Manage the staff consultation' }).click()
      await page.waitForURL(/consultation\/staff$/)
      await settle(page)
      await page.getByLabel('Union', { exact: true }).fill('UNISON Fairhaven branch')
      await page
        .getByLabel('Their response', { exact: true })
        .fill('Opposes the proposal; asks that no member be required to staff it.')
      await page.getByRole('button', { name: 'Record the union’s response' }).click()
      await page.getByText('UNISON Fairhaven branch', { exact: true }).waitFor()
      await settle(page)
      // Closing early is refused by design; the page says from which day it can be done.
      const text = await page.locator('main').innerText()
      const closesOn = /Closes at the end of (\d{1,2} [A-Z][a-z]+ \d{4})\./.exec(text)?.[1]
      expect(closesOn).toBeDefined()
      const dayAfter = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
        new Date(Date.parse(`${closesOn} 12:00 UTC`) + 86_400_000),
      )
      expect(
        await page
          .getByText(`The consultation is open until the end of ${closesOn}, so staff have the full period to respond: it can be completed from ${dayAfter}.`)
          .count(),
      ).toBe(1)
      expect(
        await page.getByRole('button', { name: 'Complete the staff consultation' }).count(),
      ).toBe(0)
      await signOut(page)
    },
    LONG,
  )

  it(
    'the anonymous author finds the concern and its response again with the receipt',
    async () => {
      page = await browser.newPage()
      await signIn(page, BETHAN)
      await visit(page, '/concerns/receipt')
      await page.getByLabel('Receipt code').fill(receipt.toLowerCase())
      await page.getByRole('button', { name: 'Look up' }).click()
      await page.getByRole('heading', { name: `Your concern about ${TITLE}` }).waitFor()
      await checkA11y(page)
      expect(await page.getByText('rotas are voluntary', { exact: false }).count()).toBe(1)
    },
    LONG,
  )

  async function raise(category: string, text: string, identity: 'named' | 'anonymous') {
    await page.getByLabel('What is your concern about?').selectOption({ label: category })
    await page.getByLabel('Your concern', { exact: true }).fill(text)
    await page.getByLabel(identity === 'named' ? /^With my name/ : /^Anonymously/).check()
    await page.getByRole('button', { name: 'Raise concern' }).click()
    if (identity === 'named') await concern(page, text.slice(0, 30)).waitFor()
    else await page.locator('.receipt-code').waitFor()
    await checkA11y(page)
  }
})

describe(`${MIN_DAYS + 1} days later, after the closing date`, () => {
  beforeAll(async () => {
    await server?.stop()
    const shift = pathToFileURL(path.resolve(import.meta.dirname, 'support/shift-clock.mjs')).href
    server = await startServer({
      dataDir,
      env: {
        NODE_OPTIONS: `--import=${shift}`,
        PROBITY_TEST_CLOCK_OFFSET_DAYS: String(MIN_DAYS + 1),
      },
    })
  }, 300_000)
  const browser = setupBrowser(() => server!.url)

  it(
    'the chief librarian completes the staff consultation and the decision opens',
    async () => {
      const page = await browser.newPage()
      await signIn(page, CHIEF)
      await visit(page, `${proposalPath}/consultation/staff`)
      await page.getByRole('button', { name: 'Complete the staff consultation' }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      for (const region of ['CILIP, the professional body', 'Staff']) {
        expect(
          await page
            .getByRole('region', { name: region })
            .getByText('Complete', { exact: true })
            .count(),
        ).toBe(1)
      }
      expect(await page.getByText('Awaiting decision').count()).toBeGreaterThan(0)

      // The decision is open, with what consultation committed to carried in as conditions.
      await page.getByRole('link', { name: 'Decision', exact: true }).click()
      await page.getByRole('heading', { name: 'Record the decision' }).waitFor()
      await settle(page)
      const conditions = page.getByRole('group', { name: 'Conditions' }).getByRole('textbox')
      const filledIn = await Promise.all((await conditions.all()).map((box) => box.inputValue()))
      expect(filledIn.sort()).toEqual(
        [
          'Consult affected staff openly before any launch.',
          'Monitor usage and perception at the affected branches and act on any fall.',
          'No Home Office branding in public areas.',
        ].sort(),
      )
    },
    LONG,
  )
})
