import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { checkA11y, visit } from './support/pages'

// A signed-out visitor only: the switch sets a cookie in this browser and saves nothing on the shared server.
const browser = setupBrowser()

describe('the language switch', () => {
  it('turns the sign-in page into Welsh and back, keyboard only, staying on the same page', async () => {
    const page = await browser.newPage()
    await visit(page, '/login?password=chosen')
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB')
    const cymraeg = page.getByRole('button', { name: 'Cymraeg' })
    expect(await cymraeg.getAttribute('lang')).toBe('cy')

    await cymraeg.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Mewngofnodi' }).waitFor()
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login?password=chosen')
    expect(await page.locator('html').getAttribute('lang')).toBe('cy')
    expect(await page.getByText('Mae’r cyfrinair wedi’i osod. Mewngofnodwch ag ef nawr.').count()).toBe(1)
    expect(await page.getByLabel('Cyfeiriad e-bost').count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Cofrestrau cyhoeddus' }).count()).toBe(1)
    await checkA11y(page)

    // Remembered: a fresh load is in Welsh too, rendered so by the server.
    await visit(page, '/login')
    expect(await page.locator('html').getAttribute('lang')).toBe('cy')
    const english = page.getByRole('button', { name: 'English' })
    expect(await english.getAttribute('lang')).toBe('en-GB')
    await english.click()
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB')
    await checkA11y(page)
  })
})
