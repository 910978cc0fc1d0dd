import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, visit } from './support/pages'

const browser = setupBrowser()

const ROLES = [
  { role: 'admin', email: 'admin@fairhaven.example', section: 'Administration' },
  { role: 'chief librarian', email: 'chief@fairhaven.example', section: 'Your proposals' },
  { role: 'reviewer', email: 'reviewer@fairhaven.example', section: 'Awaiting your ethics review' },
  { role: 'staff', email: 'staff@fairhaven.example', section: 'Open staff consultations' },
]

describe('home page by role', () => {
  it.each(ROLES)('the $role sees their section after signing in', async ({ email, section }) => {
    const page = await browser.newPage()
    await signIn(page, email)
    expect(new URL(page.url()).pathname).toBe('/')
    await expect.poll(() => page.title()).toBe('Home – Probity')
    expect(await page.getByRole('heading', { level: 2, name: section }).isVisible()).toBe(true)
    // Other roles' sections stay hidden.
    const others = ROLES.filter((r) => r.section !== section).map((r) => r.section)
    for (const other of others) {
      expect(await page.getByRole('heading', { level: 2, name: other }).count()).toBe(0)
    }
  })

  it('sends a signed-out visitor to sign in', async () => {
    const page = await browser.newPage()
    await visit(page, '/')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(await page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()).toBe(true)
  })

  it('offers the skip link as the first tab stop, and it moves focus to the main content', async () => {
    const page = await browser.newPage()
    await signIn(page, 'staff@fairhaven.example')
    // A fresh page load, where the browser starts tabbing from the top of the document.
    await visit(page, '/')
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim())
    expect(first).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await checkA11y(page)
  })

  it("moves focus to the new page's main content after a link is followed", async () => {
    const page = await browser.newPage()
    await signIn(page, 'staff@fairhaven.example')
    // Signing in is itself a client-side navigation from /login to the home page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.getByRole('link', { name: 'Change password' }).click()
    await page.waitForURL((url) => url.pathname === '/account/password')
    await checkA11y(page)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    // The next Tab reaches the page's own content, not the header again.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
  })
})
