import { expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { checkA11y, visit } from './support/pages'

// A signed-out visitor only: the switch sets a cookie in this browser and saves nothing on the shared server.
const browser = setupBrowser()

it('reads the accessibility statement, the privacy notice and the verify page in Welsh, each axe-clean', async () => {
  const page = await browser.newPage()
  await visit(page, '/accessibility')
  await page.getByRole('button', { name: 'Cymraeg' }).click()
  await page.getByRole('heading', { level: 1, name: 'Datganiad hygyrchedd' }).waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('cy')
  await checkA11y(page)

  await page.getByRole('link', { name: 'hysbysiad preifatrwydd' }).click()
  await page.getByRole('heading', { level: 1, name: 'Hysbysiad preifatrwydd' }).waitFor()
  await checkA11y(page)
  // The retention table's rows, with the configured periods in Welsh.
  expect(await page.getByRole('heading', { level: 3, name: 'Sesiynau mewngofnodi' }).count()).toBe(1)
  expect(await page.getByText('Wedi’u hanfon: 30 diwrnod ar ôl eu hanfon').isVisible()).toBe(true)

  await visit(page, '/verify')
  await page.getByRole('heading', { level: 1, name: 'Dilysu cofnod penderfyniad' }).waitFor()
  await page.waitForLoadState('networkidle')
  // A refusal the action makes itself comes back in the visitor's language too.
  await page.getByLabel('Cofnod penderfyniad (PDF)').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') })
  await page.getByRole('button', { name: 'Gwirio’r cofnod' }).click()
  await page.getByText('Nid PDF yw’r ffeil honno').first().waitFor()
  await checkA11y(page)
}, 120_000)
