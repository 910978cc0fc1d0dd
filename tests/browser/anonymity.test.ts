import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPglite } from '#db/client.server'
import { organisations, users } from '#db/schema'
import { setUserActive } from '#db/users.server'
import { VISA_SERVICES_CASE } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { createProposal } from '~/workflow/create-proposal.server'
import { releaseDueContributions, serviceHour } from '~/workflow/consultation/release-anonymous.server'
import { enterConsultation } from '#tests/support/consultation'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { startServer, type RunningServer } from './support/server'

/**
 * A service with two eligible members of staff (the demo's third is
 * deactivated): the small-group rule is stated to the chief librarian and to
 * staff, and the administrator's chosen hold (until two have accumulated)
 * keeps a lone anonymous concern back from the daily release. The release job
 * runs in this process between server runs (PGlite belongs to one process).
 */

const CHIEF = 'chief@fairhaven.example'
const JORDAN = 'staff@fairhaven.example'
const BETHAN = 'staff2@fairhaven.example'
const ADMIN = 'admin@fairhaven.example'
const TITLE = `${VISA_SERVICES_CASE.title} (small group)`
const LONG = 360_000
const FIRST = 'Asylum seekers use our computers; a Home Office kiosk beside them would keep them away.'
const SECOND = 'I was not asked whether I am willing to work next to the enrolment booth.'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-anonymity-'))
let proposalPath = ''
let server: RunningServer | undefined

async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openPglite>>['db']) => Promise<T>) {
  const handle = await openPglite(path.join(dataDir, 'pglite'))
  try {
    return await run(handle.db)
  } finally {
    await handle.close()
  }
}

/** Stops the server, runs the release job at the organisation's release hour tomorrow, and starts it again. */
async function runReleaseJob() {
  const port = server!.port
  await server!.stop()
  const released = await withDatabase(async (db) => {
    const at = new Date(Date.now() + 86_400_000)
    at.setUTCMinutes(0, 0, 0)
    while (serviceHour(at) !== 18) at.setTime(at.getTime() + 3_600_000)
    return releaseDueContributions(db, at)
  })
  server = await startServer({ dataDir, port })
  return released
}

beforeAll(async () => {
  await withDatabase(async (db) => {
    await seedDemo(db)
    const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, 'fairhaven') }))!
    const person = async (email: string) => (await db.query.users.findFirst({ where: eq(users.email, email) }))!
    await setUserActive(db, org.id, (await person('staff3@fairhaven.example')).id, false)
    const chief = await person(CHIEF)
    const proposal = await db.transaction((tx) =>
      createProposal(tx, { ...VISA_SERVICES_CASE, reference: 'FH-2026-907', title: TITLE, organisationId: org.id, proposerId: chief.id }, org.settings),
    )
    await enterConsultation(db, {
      proposal,
      proposer: { ...chief, organisationId: org.id },
      reviewers: [await person('reviewer@fairhaven.example'), await person('reviewer2@fairhaven.example')],
    })
    proposalPath = `/proposals/${proposal.id}`
  })
  server = await startServer({ dataDir })
}, 300_000)

afterAll(async () => {
  await server?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
}

const SMALL_GROUP = /Small group: only 2 members of staff can take part, fewer than 5/

describe('anonymous concerns in a group of two', () => {
  const browser = setupBrowser(() => server!.url)

  it(
    'the administrator chooses to hold until two have accumulated; the chief is told of the small group when opening',
    async () => {
      const page = await browser.newPage()
      await signIn(page, ADMIN)
      await visit(page, '/admin/settings')
      await page.getByLabel('until several have accumulated', { exact: false }).check()
      await page.getByLabel('How many is several').fill('2')
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.getByText('Settings saved.').waitFor()
      await settle(page)
      await signOut(page)

      await signIn(page, CHIEF)
      await visit(page, `${proposalPath}/consultation/staff`)
      expect(await page.getByRole('note').getByText(SMALL_GROUP).count()).toBe(1)
      await page.getByLabel('Summary for staff').fill('A Home Office visa enrolment point in the central library.')
      await page.getByRole('button', { name: 'Open the consultation and notify staff' }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      // And on the consultation page while it is open.
      expect(await page.getByRole('note').getByText(SMALL_GROUP).count()).toBe(1)
      await signOut(page)
    },
    LONG,
  )

  it(
    'a member of staff reads the rule before writing, and a lone anonymous concern stays held at the daily release',
    async () => {
      const page = await browser.newPage()
      await signIn(page, JORDAN)
      await visit(page, `${proposalPath}/consultation`)
      const form = page.getByRole('form', { name: 'Raise a concern' }).or(page.locator('#raise-concern'))
      expect(await form.getByRole('note').getByText(SMALL_GROUP).count()).toBe(1)
      expect(await form.getByText('held until at least 2 have accumulated', { exact: false }).count()).toBe(1)
      await page.getByLabel('What is your concern about?').selectOption({ label: 'Safety' })
      await page.getByLabel('Your concern', { exact: true }).fill(FIRST)
      await page.getByLabel(/^Anonymously/).check()
      await page.getByRole('button', { name: 'Raise concern' }).click()
      await page.locator('.receipt-code').waitFor()
      await settle(page)
      expect(await page.getByText(FIRST).count()).toBe(0)
      await page.getByRole('link', { name: 'What anonymity guarantees, and what it cannot' }).first().click()
      await page.waitForURL(/\/anonymity$/)
      await settle(page)
      expect(await page.getByRole('heading', { name: 'What Probity cannot protect' }).count()).toBe(1)
      await signOut(page)

      expect(await runReleaseJob()).toEqual({ concerns: 0, endorsements: 0 })
    },
    LONG,
  )

  it(
    'with a second anonymous concern the daily release brings both, and the chief sees them with one history entry',
    async () => {
      const page = await browser.newPage()
      await signIn(page, BETHAN)
      await visit(page, `${proposalPath}/consultation`)
      await page.getByLabel('What is your concern about?').selectOption({ label: 'Workload' })
      await page.getByLabel('Your concern', { exact: true }).fill(SECOND)
      await page.getByLabel(/^Anonymously/).check()
      await page.getByRole('button', { name: 'Raise concern' }).click()
      await page.locator('.receipt-code').waitFor()
      await settle(page)
      await signOut(page)

      expect(await runReleaseJob()).toEqual({ concerns: 2, endorsements: 0 })

      const chief = await browser.newPage()
      await signIn(chief, CHIEF)
      await visit(chief, `${proposalPath}/consultation`)
      for (const text of [FIRST, SECOND]) expect(await chief.getByText(text).count()).toBe(1)
      await settle(chief)
      await visit(chief, proposalPath)
      expect(await chief.getByText('2 anonymous concerns released').count()).toBe(1)
      expect(await chief.getByText('Concern raised anonymously').count()).toBe(0)
      await settle(chief)
    },
    LONG,
  )
})
