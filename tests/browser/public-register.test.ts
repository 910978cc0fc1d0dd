import { expect, it } from 'vitest'
import { type Page } from 'playwright-core'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'

/**
 * An administrator publishes the register; a member of the public finds it
 * from the footer of any page, reads every signed decision (a rejection
 * too), searches it, and downloads it. Publishing is turned off again at the
 * end, since the shared demo server starts with it off.
 */
const browser = setupBrowser()

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

    await page.getByLabel('Search by reference, partnership or partner').fill('payday')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('status').getByText('1 decision matching “payday”').waitFor()
    await checkA11y(page)
    await page.getByRole('link', { name: 'Check the signed decision record FH-2025-011' }).waitFor()

    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href')
    const csv = await page.request.get(csvHref!)
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain('FH-2025-011')
    const json = await page.request.get('/public/fairhaven/register.json')
    const decisions = ((await json.json()) as { decisions: { reference: string; outcome: string }[] }).decisions
    expect(decisions.map((d) => d.outcome)).toEqual(expect.arrayContaining(['reject', 'approve_with_conditions']))
  } finally {
    await signIn(page, 'admin@fairhaven.example')
    await setPublished(page, false)
  }
  await visit(page, '/public/fairhaven/register', { status: 404 })
}, 300_000)
