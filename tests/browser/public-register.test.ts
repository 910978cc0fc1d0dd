import { expect, it } from 'vitest'
import { type Page } from 'playwright-core'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupServer } from './support/server'

/**
 * An administrator publishes the register; a member of the public finds it
 * from the footer of any page, reads every signed decision (a rejection
 * too), searches it, and downloads it. Over the demo's own signed decisions,
 * so on a server of this file's own that seeds the demo at every stage: the
 * suite's shared server skips those stages, and a register over it is rightly
 * empty (the cause of this test's failure when it first ran there).
 */
const server = setupServer({ env: { SEED_DEMO_STAGES: 'true' } })
const browser = setupBrowser(() => server().url)

async function setPublished(page: Page, on: boolean) {
  await visit(page, '/admin/settings')
  const box = page.getByRole('checkbox', { name: 'Publish a public register of decisions' })
  if ((await box.isChecked()) !== on) await box.setChecked(on)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.waitForURL(/saved=1/)
  await checkA11y(page)
}

it('is published from Settings, found from any page footer, searchable, and downloadable by anyone', async () => {
  const page = await browser.newPage()
  await signIn(page, 'admin@fairhaven.example')
  try {
    await setPublished(page, true)
    await page.getByRole('link', { name: '/public/fairhaven/register' }).waitFor()
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Our public register of decisions' }).count()).toBe(1)
    await signOut(page)

    // Signed out, on the sign-in page: the footer leads to the registers.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Public registers' }).click()
    await page.waitForURL(/\/public$/)
    await checkA11y(page)
    await page.getByRole('link', { name: 'Fairhaven Library Service' }).click()
    await page.waitForURL(/\/public\/fairhaven\/register$/)
    await checkA11y(page)
    await page.getByRole('heading', { level: 2, name: 'Summer Reading Challenge sponsorship by a payday lender' }).waitFor()
    expect(await page.getByText(/^Rejected on /).count()).toBeGreaterThan(0)
    expect(await page.getByText(/^Approved with conditions on /).count()).toBeGreaterThan(0)
    // Each case carries its own conditions: the parcel lockers none of the visa case's.
    const lockers = page.getByRole('region', { name: 'Parcel lockers in branch lobbies' })
    await lockers.getByText('ParcelPoint restocks the lockers outside opening hours.').waitFor()
    expect(await lockers.getByText(/Home Office/).count()).toBe(0)

    await page.getByLabel('Search by reference, partnership or partner').fill('payday')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('status').getByText('1 decision matching “payday”').waitFor()
    await checkA11y(page)
    const recordLink = page.getByRole('link', { name: /^Check the signed decision record P-\d{4}-\d{3}-R1$/ })
    expect(await recordLink.count()).toBe(1)
    const reference = (await recordLink.textContent())!.replace('Check the signed decision record ', '')

    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href')
    const csv = await page.request.get(csvHref!)
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain(reference)
    const json = await page.request.get('/public/fairhaven/register.json')
    const decisions = ((await json.json()) as { decisions: { reference: string; outcome: string }[] }).decisions
    expect(decisions.map((d) => d.outcome)).toEqual(expect.arrayContaining(['reject', 'approve_with_conditions']))
  } finally {
    await signIn(page, 'admin@fairhaven.example')
    await setPublished(page, false)
  }
  await visit(page, '/public/fairhaven/register', { status: 404 })
}, 300_000)
