import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { linkFromOutbox } from './support/outbox'
import { checkA11y, signIn, signOut, visit } from './support/pages'

const browser = setupBrowser()

const NEWCOMER = {
  name: 'Nia Roberts',
  email: 'nia.roberts@fairhaven.example',
  password: 'first day at the library',
}

describe('people admin and passwords in the browser', () => {
  it('an admin adds a person, fixing a mistake shown next to its field, then deactivates and reactivates them', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'People' })
      .click()
    await page.waitForURL('**/admin/users')
    await checkA11y(page)
    expect(await page.getByRole('rowheader', { name: 'Jordan Lee' }).isVisible()).toBe(true)

    await page.getByRole('link', { name: 'Add a person' }).click()
    await page.waitForURL('**/admin/users/new')
    await checkA11y(page)
    await page.getByLabel('Full name').fill(NEWCOMER.name)
    await page.getByLabel('E-mail address').fill(NEWCOMER.email)
    await page.getByRole('button', { name: 'Send invitation' }).click()
    const roleError = page.getByText('Choose at least one role')
    await roleError.waitFor()
    expect(await page.getByLabel('Full name').inputValue()).toBe(NEWCOMER.name)
    await checkA11y(page)

    await page.getByRole('group', { name: 'Roles' }).getByLabel('Ethics reviewer').check()
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByRole('heading', { level: 1, name: NEWCOMER.name }).waitFor()
    await checkA11y(page)
    expect(await page.getByLabel('Ethics reviewer').isChecked()).toBe(true)

    await page.getByRole('button', { name: `Deactivate ${NEWCOMER.name}` }).click()
    await page.getByRole('button', { name: `Reactivate ${NEWCOMER.name}` }).waitFor()
    expect(await page.getByRole('status').textContent()).toContain('Deactivated')
    await checkA11y(page)
    await page.getByRole('button', { name: `Reactivate ${NEWCOMER.name}` }).click()
    await page.getByRole('button', { name: `Deactivate ${NEWCOMER.name}` }).waitFor()
    await checkA11y(page)
  })

  it('an admin’s own page offers no way to deactivate themself', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    await visit(page, '/admin/users')
    await page.getByRole('link', { name: 'Alex Okafor' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alex Okafor' }).waitFor()
    await checkA11y(page)
    expect(await page.getByText('You cannot deactivate your own account.').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /Deactivate/ }).count()).toBe(0)
  })

  it('the new person chooses a password through the e-mailed link, then changes it and signs in with it', async () => {
    const page = await browser.newPage()
    await signIn(page, 'admin@fairhaven.example')
    const link = await linkFromOutbox(page, NEWCOMER.email)
    await signOut(page)
    await visit(page, link)
    await page.waitForLoadState('networkidle')
    await page.getByLabel('New password').fill(NEWCOMER.password)
    await page.getByRole('button', { name: 'Set password' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await checkA11y(page)
    await signIn(page, NEWCOMER.email, NEWCOMER.password)
    await page.getByRole('link', { name: 'Change password' }).click()
    await page.waitForURL('**/account/password')
    await checkA11y(page)
    await page.getByLabel('Current password').fill('not the password at all')
    await page.getByLabel('New password').fill('my own secret phrase')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('That is not your current password').waitFor()
    await checkA11y(page)
    await page.getByLabel('Current password').fill(NEWCOMER.password)
    await page.getByLabel('New password').fill('my own secret phrase')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('Password changed.').waitFor()
    await checkA11y(page)
    await signOut(page)
    await signIn(page, NEWCOMER.email, 'my own secret phrase')
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('a staff member who opens the people page is told they may not', async () => {
    const page = await browser.newPage()
    await signIn(page, 'staff@fairhaven.example')
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0)
    await visit(page, '/admin/users', { status: 403 })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'You do not have permission to see this',
    )
  })
})
