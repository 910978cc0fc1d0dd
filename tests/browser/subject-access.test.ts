import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, visit } from './support/pages'

const browser = setupBrowser()

describe('the public body’s pages, subject access and erasure in the browser', () => {
  it('the footer leads anyone to the accessibility statement and the privacy notice', async () => {
    const page = await browser.newPage()
    await visit(page, '/login')
    await page.getByRole('navigation', { name: 'Public information' }).getByRole('link', { name: 'Accessibility' }).click()
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor()
    await checkA11y(page)
    await page.getByRole('navigation', { name: 'Public information' }).getByRole('link', { name: 'Privacy' }).click()
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor()
    await checkA11y(page)
    // Generated with the configured periods.
    expect(await page.getByText('Sent: 30 days after sending').isVisible()).toBe(true)
  }, 120_000)

  it('an administrator exports a person’s data, then erases someone after typing their address', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    await visit(page, '/admin/users')
    await page.getByRole('link', { name: 'Sam Patel' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sam Patel' }).waitFor()
    await checkA11y(page)
    await page.getByRole('link', { name: 'everything Probity holds about Sam Patel' }).click()
    await page.getByRole('heading', { level: 1, name: 'Personal data held about Sam Patel' }).waitFor()
    await checkA11y(page)
    expect(await page.getByRole('heading', { name: 'Scores they wrote' }).isVisible()).toBe(true)
    expect(await page.getByText('Probity stores no link between an anonymous contribution').isVisible()).toBe(true)
    const href = await page.getByRole('link', { name: /Download as a JSON file/ }).getAttribute('href')
    const file = await page.request.get(href!)
    expect(file.status()).toBe(200)
    expect(((await file.json()) as { account: { email: string } }).account.email).toBe('reviewer@fairhaven.example')

    // Someone of the test's own, so that the shared demo service keeps its people.
    await visit(page, '/admin/users/new')
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Full name').fill('Erin Pryce')
    await page.getByLabel('E-mail address').fill('erin.pryce@fairhaven.example')
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Staff').check()
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erin Pryce' }).waitFor()
    await checkA11y(page)
    await page.getByRole('link', { name: 'erase Erin Pryce' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erase Erin Pryce' }).waitFor()
    await page.waitForLoadState('networkidle')
    await checkA11y(page)

    const confirm = page.getByLabel('Type their e-mail address to confirm')
    await confirm.fill('erin@fairhaven.example')
    await page.getByRole('button', { name: 'Erase this person' }).click()
    await page.getByText('That is not their e-mail address: type it exactly as shown').waitFor()
    await checkA11y(page)

    await confirm.fill('erin.pryce@fairhaven.example')
    await page.getByRole('button', { name: 'Erase this person' }).click()
    const status = page.getByRole('status')
    await status.getByText(/Erased\. They now appear as “Erased person [0-9a-f]{8}”/).waitFor()
    await checkA11y(page)
    await page.getByRole('link', { name: 'Back to people' }).click()
    await page.waitForURL('**/admin/users')
    await checkA11y(page)
    expect(await page.getByText('Erin Pryce').count()).toBe(0)
  }, 240_000)
})
