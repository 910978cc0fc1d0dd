import { expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { DEMO_PASSWORD, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { serviceDate } from '~/utils/calendar'
import { createProposal } from '~/workflow/create-proposal.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { must } from '~/workflow/scenarios/consultation.server'
import { reachDecision, visaApproval } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * The visa-services case with its decision recorded, in a service that
 * requires a second signatory: the chief librarian finds the signature on
 * their home page, signs, and the governance officer then finds it on theirs
 * and among their notifications.
 */

let title = ''

async function decisionRecorded(db: Database, secret: string) {
  const settings = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: true }
  const { org, person } = await createDemoService(db, settings)
  const chief = person('chief@fairhaven.example')
  const proposal = await db.transaction((tx) =>
    createProposal(tx, { ...VISA_SERVICES_CASE, organisationId: org.id, proposerId: chief.id }, settings),
  )
  title = proposal.title
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
  must('decision.record', await recordDecision(db, { user: chief, proposalId: proposal.id, values: await visaApproval(db, proposal, serviceDate(new Date())) }))
}

const { server } = setupSeededServer('waiting', decisionRecorded)
const browser = setupBrowser(() => server().url)

it('the chief librarian and then the second signatory each find the signature waiting for them', async () => {
  const page = await browser.newPage()
  await signIn(page, 'governance@fairhaven.example')
  await visit(page, '/')
  const waiting = page.getByRole('region', { name: 'Waiting for you' })
  await waiting.getByText('Nothing is waiting for you.').waitFor()
  await signOut(page)

  await signIn(page, 'chief@fairhaven.example')
  await visit(page, '/')
  await page.getByRole('region', { name: 'Waiting for you' }).getByRole('link', { name: 'Sign the decision' }).click()
  await page.waitForURL(/\/decision$/)
  await checkA11y(page)
  await page.getByLabel('Your password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign the decision' }).click()
  await page.getByText(/Signed by Rhiannon Evans, Chief librarian/).waitFor()
  await checkA11y(page)
  await visit(page, '/')
  await page.getByRole('region', { name: 'Waiting for you' }).getByText('Nothing is waiting for you.').waitFor()
  await signOut(page)

  await signIn(page, 'governance@fairhaven.example')
  await visit(page, '/')
  const item = page.getByRole('region', { name: 'Waiting for you' }).getByRole('listitem')
  expect(await item.count()).toBe(1)
  expect(await item.textContent()).toContain(title)
  await visit(page, '/notifications')
  await page.getByRole('strong').filter({ hasText: `The decision on ${title} awaits your signature` }).waitFor()
  await visit(page, '/')
  await page.getByRole('region', { name: 'Waiting for you' }).getByRole('link', { name: 'Sign the decision' }).click()
  await page.waitForURL(/\/decision$/)
  await checkA11y(page)
  await page.getByLabel('Your password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign the decision' }).click()
  await page.getByRole('heading', { name: 'Signed decisions' }).waitFor()
  await checkA11y(page)
}, 300_000)
