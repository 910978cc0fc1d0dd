import { type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, type Proposal } from '#db/schema'
import { DEMO_PASSWORD, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { formatDate } from '~/utils/calendar'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { createProposal, type NewProposal } from '~/workflow/create-proposal.server'
import { declareInterest } from '~/workflow/screening/screening.server'
import { decideAndSign, reachDecision } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { submitProposal, visaIntake } from '#tests/support/screening'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * What a proposal's pages offer follows the machine and the proposal: stage
 * tabs and addresses only for stages it has been in or can still reach;
 * vulnerable people named where nobody can miss them; a decision form whose
 * spare indicator row is no trap.
 */

const ids = { rejected: '', withdrawn: '', deciding: '', screening: '' }

const { server } = setupSeededServer('proposal-stages', async (db: Database, secret: string, dataDir: string) => {
  const { org, person } = await createDemoService(db, DEFAULT_ORGANISATION_SETTINGS)
  const chief = person('chief@fairhaven.example')
  const reviewers = [person('reviewer@fairhaven.example'), person('reviewer2@fairhaven.example')]
  const staff = [person('staff@fairhaven.example'), person('staff2@fairhaven.example')]
  const propose = (values: Omit<NewProposal, 'organisationId' | 'proposerId'>): Promise<Proposal> =>
    db.transaction((tx) => createProposal(tx, { ...values, organisationId: org.id, proposerId: chief.id }, org.settings))
  const intake = (p: Proposal, vulnerableGroups: ('minors' | 'migrants' | 'homelessness')[]) => ({
    ...visaIntake(reviewers.map((r) => r.id)),
    title: p.title,
    partner: p.partner,
    contractor: p.contractor ?? '',
    description: p.description,
    vulnerableGroups,
  })

  // Rejected: screened, consulted on and decided; never monitored. Children are affected.
  const rejected = await propose({
    reference: 'FH-2026-101',
    title: 'Summer Reading Challenge sponsorship by a payday lender',
    partner: 'QuickCash Loans plc',
    description: 'Sponsorship of the children’s Summer Reading Challenge in exchange for logo placement.',
  })
  await reachDecision(db, { proposal: rejected, chief, reviewers, staff, secret, values: intake(rejected, ['minors']) })
  await decideAndSign(db, {
    proposal: rejected,
    chief,
    values: { outcome: 'reject', rationale: 'Advertising credit to children conflicts with our duty of care.', conditions: [], overrides: [], dissent: [] },
    signing: { dataDir, publicUrl: 'http://127.0.0.1' },
    secret,
    password: DEMO_PASSWORD,
  })

  // Withdrawn during screening: never consulted on, never decided. Nobody vulnerable is affected.
  const withdrawn = await propose({
    reference: 'FH-2026-102',
    title: 'Coffee-chain concession in the Central Library foyer',
    partner: 'Bean & Leaf Coffee Ltd',
    description: 'A franchised coffee counter in the foyer.',
  })
  await submitProposal(db, { proposal: withdrawn, proposer: chief, reviewers, values: intake(withdrawn, []) })
  const out = await applyEvent(db, {
    organisationId: org.id,
    proposalId: withdrawn.id,
    event: { type: 'proposal.withdraw', reason: 'The partner withdrew its offer.', actor: actorFor(chief) },
    audit: { kind: 'proposal.withdrawn' },
  })
  if (!out.ok) throw new Error(out.message)

  // Awaiting the decision: the visa-services case, which affects migrants.
  const deciding = await propose(VISA_SERVICES_CASE)
  await reachDecision(db, { proposal: deciding, chief, reviewers, staff, secret })

  // In screening, the first reviewer cleared to score: affects children and people experiencing homelessness.
  const screening = await propose({
    reference: 'FH-2026-103',
    title: 'Homework club run by a tutoring company',
    partner: 'BrightPath Tutors Ltd',
    description: 'After-school homework help in two branches, with places kept for children in temporary accommodation.',
  })
  await submitProposal(db, { proposal: screening, proposer: chief, reviewers, values: intake(screening, ['minors', 'homelessness']) })
  const declared = await declareInterest(db, { actor: actorFor(reviewers[0]!), organisationId: org.id, proposalId: screening.id, conflict: false })
  if (!declared.ok) throw new Error(declared.message)

  Object.assign(ids, { rejected: rejected.id, withdrawn: withdrawn.id, deciding: deciding.id, screening: screening.id })
})
const browser = setupBrowser(() => server().url)

async function sectionTabs(page: Page) {
  return page.getByRole('navigation', { name: 'Proposal sections' }).getByRole('link').allTextContents()
}

const today = () => formatDate(new Date())

describe('stages follow the machine', () => {
  it('a rejected proposal has no Monitoring tab, and its monitoring addresses say plainly that it is not monitored and why', async () => {
    const page = await browser.newPage()
    await signIn(page, 'chief@fairhaven.example')
    await visit(page, `/proposals/${ids.rejected}`)
    expect(await sectionTabs(page)).toEqual(['Overview', 'Ethics screening', 'Consultation', 'Decision'])

    for (const address of ['monitoring', 'monitoring/incident', 'monitoring/review']) {
      await visit(page, `/proposals/${ids.rejected}/${address}`, { status: 404 })
      await page.getByRole('heading', { name: 'Not monitored' }).waitFor()
      expect(await page.getByText(`This partnership is not monitored: it was rejected on ${today()}.`).count()).toBe(1)
      expect(await page.getByText('No monitoring plan was set').count()).toBe(0)
      expect(await page.getByRole('heading', { name: 'Incidents' }).count()).toBe(0)
      // Still the proposal's page: its header and its sections.
      expect(await sectionTabs(page)).toEqual(['Overview', 'Ethics screening', 'Consultation', 'Decision'])
    }

    // The stages it went through are still there to read.
    await visit(page, `/proposals/${ids.rejected}/decision`)
    await page.getByRole('heading', { name: 'Signed decisions' }).waitFor()
  }, 180_000)

  it('a proposal withdrawn during screening keeps its screening and has no consultation, decision or monitoring', async () => {
    const page = await browser.newPage()
    await signIn(page, 'chief@fairhaven.example')
    await visit(page, `/proposals/${ids.withdrawn}`)
    expect(await sectionTabs(page)).toEqual(['Overview', 'Ethics screening'])
    await visit(page, `/proposals/${ids.withdrawn}/screening`)

    const closed = [
      ['decision', 'No decision', 'No decision will be taken on this proposal'],
      ['consultation', 'No consultation', 'This proposal was not consulted on'],
      ['monitoring', 'Not monitored', 'This partnership is not monitored'],
    ]
    for (const [address, heading, lead] of closed) {
      await visit(page, `/proposals/${ids.withdrawn}/${address}`, { status: 404 })
      await page.getByRole('heading', { name: heading }).waitFor()
      expect(await page.getByText(`${lead}: it was withdrawn on ${today()}.`).count()).toBe(1)
    }
  }, 180_000)

  it('a proposal still being decided offers every stage ahead of it', async () => {
    const page = await browser.newPage()
    await signIn(page, 'chief@fairhaven.example')
    await visit(page, `/proposals/${ids.deciding}`)
    expect(await sectionTabs(page)).toEqual(['Overview', 'Ethics screening', 'Consultation', 'Decision', 'Monitoring'])
    await visit(page, `/proposals/${ids.deciding}/monitoring`)
    await page.getByText('Monitoring begins once a decision approves the partnership').waitFor()
  }, 180_000)
})

describe('vulnerable groups are hard to miss', () => {
  it('the header names the people affected, in a labelled region; a proposal affecting nobody vulnerable has none', async () => {
    const page = await browser.newPage()
    await signIn(page, 'chief@fairhaven.example')
    await visit(page, `/proposals/${ids.deciding}/decision`)
    const notice = page.getByRole('region', { name: 'Affects vulnerable people' })
    expect(await notice.textContent()).toContain('This proposal affects migrants, refugees and asylum seekers.')

    await visit(page, `/proposals/${ids.rejected}`)
    expect(await page.getByRole('region', { name: 'Affects vulnerable people' }).textContent()).toContain('children and young people')

    await visit(page, `/proposals/${ids.withdrawn}`)
    expect(await page.getByRole('region', { name: 'Affects vulnerable people' }).count()).toBe(0)
  }, 180_000)

  it('the reviewer’s scoring page carries the notice, and the criteria most affected show the higher bar', async () => {
    const page = await browser.newPage()
    await signIn(page, 'reviewer@fairhaven.example')
    await visit(page, `/proposals/${ids.screening}/screening/review`)
    expect(await page.getByRole('region', { name: 'Affects vulnerable people' }).textContent()).toContain(
      'children and young people and people experiencing homelessness',
    )
    const scoringNote = page.getByRole('note', { name: /Score with a higher bar/ })
    expect(await scoringNote.textContent()).toContain('Privacy and confidentiality of user data')

    const privacy = page.getByRole('group', { name: 'Privacy and confidentiality of user data' })
    const bar = privacy.getByRole('note', { name: 'Higher bar' })
    expect(await bar.textContent()).toContain('For children and young people: Children’s data needs special care')
    expect(await bar.textContent()).toContain('For people experiencing homelessness:')
    const finance = page.getByRole('group', { name: 'Financial dependency and exit' })
    expect(await finance.getByRole('note', { name: 'Higher bar' }).count()).toBe(0)
  }, 180_000)
})

describe('the decision form does not trap', () => {
  it('a spare blank indicator row is ignored, a half-filled one is refused beside its fields, and nothing typed is lost', async () => {
    const page = await browser.newPage()
    await signIn(page, 'chief@fairhaven.example')
    await visit(page, `/proposals/${ids.deciding}/decision`)
    await page.getByLabel('Approve with conditions').check()
    await page.getByLabel('Rationale').fill('A real local need, met with the safeguards staff asked for.')
    await page.getByLabel('Review every (months)').fill('3')
    const first = page.getByRole('group', { name: 'Indicator 1' })
    await first.getByLabel('Name', { exact: true }).fill('Visits at affected branches')
    await first.getByLabel('Unit', { exact: true }).fill('visits a month')
    await first.getByLabel('Baseline', { exact: true }).fill('12400')
    await first.getByLabel('Direction', { exact: true }).selectOption({ label: 'Higher is better' })
    await first.getByLabel('Threshold measured as').selectOption({ label: 'Percentage change from the baseline' })
    await first.getByLabel('Threshold', { exact: true }).fill('10')

    // "Add an indicator", then change one's mind: a half-filled row is refused beside its own fields.
    await page.getByRole('button', { name: 'Add an indicator' }).click()
    const second = page.getByRole('group', { name: 'Indicator 2' })
    await second.getByLabel('Name', { exact: true }).fill('Complaints')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await second.getByText('Give the unit, e.g. “visits a month”').waitFor()
    await checkA11y(page)
    expect(await first.getByText(/^Give|^Name the|^Say /).count()).toBe(0)
    expect(await second.getByLabel('Name', { exact: true }).inputValue()).toBe('Complaints')
    expect(await first.getByLabel('Name', { exact: true }).inputValue()).toBe('Visits at affected branches')
    expect(await page.getByLabel('Rationale').inputValue()).toBe('A real local need, met with the safeguards staff asked for.')

    // Emptied again, the spare row is no error: the decision is recorded with one indicator.
    await second.getByLabel('Name', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await page.getByRole('heading', { name: 'Decision awaiting signature' }).waitFor()
    await checkA11y(page)
    const pending = page.getByRole('region', { name: 'Decision awaiting signature' })
    expect(await pending.getByText('Visits at affected branches').count()).toBeGreaterThan(0)
    expect(await pending.getByText('Complaints').count()).toBe(0)

    // Refused by the server too (someone changed the decision meanwhile): what was typed stays.
    const other = await browser.newPage()
    await other.goto(`/proposals/${ids.deciding}/decision`)
    await checkA11y(other)
    await other.getByLabel('Rationale').fill('Changed in another tab.')
    await other.getByRole('button', { name: 'Record the changed decision' }).click()
    await other.getByText('Changed in another tab.').first().waitFor()
    await checkA11y(other)
    await page.getByLabel('Rationale').fill('My own wording, which must survive a refusal.')
    await page.getByRole('button', { name: 'Record the changed decision' }).click()
    await page.getByText('This proposal was changed by someone else.', { exact: false }).waitFor()
    await checkA11y(page)
    expect(await page.getByLabel('Rationale').inputValue()).toBe('My own wording, which must survive a refusal.')
  }, 300_000)
})
