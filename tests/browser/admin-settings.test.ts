import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, visit } from './support/pages'

// Read-only against the shared server: invalid input is stopped in the browser, so nothing is saved.
const browser = setupBrowser()

describe('administration of settings and the rubric', () => {
  it('shows every setting and refuses a bad value next to its field', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    await visit(page, '/admin/settings')
    expect(await page.getByLabel('Professional body').inputValue()).toBe('CILIP')
    expect(await page.getByLabel('Minimum number of reviewers').inputValue()).toBe('2')
    for (const label of ['A trade union is recognised', 'A second signatory is required', 'Publish a public register of decisions']) {
      expect(await page.getByRole('checkbox', { name: label }).count()).toBe(1)
    }
    // The demo's story has two signatures on each decision, so its service requires them.
    expect(await page.getByRole('checkbox', { name: 'A second signatory is required' }).isChecked()).toBe(true)
    await page.getByLabel('Minimum number of reviewers').fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Enter 1 or more').waitFor()
    expect(await page.getByLabel('Minimum number of reviewers').getAttribute('aria-invalid')).toBe('true')
    await checkA11y(page)
  })

  it('shows the rubric in force and its editor', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    await visit(page, '/admin/rubric')
    expect(await page.getByRole('heading', { level: 3, name: 'Public trust and perceived neutrality' }).count()).toBe(1)
    await page.getByRole('link', { name: 'Edit the rubric' }).click()
    await page.waitForURL(/\/admin\/rubric\/edit$/)
    await checkA11y(page)
    await page.getByLabel('High from', { exact: true }).fill('3')
    await page.getByRole('button', { name: /^Save as version/ }).click()
    await page.getByText('Each band must start above the one before: medium < high < very high').waitFor()
    await checkA11y(page)
  })
})
