import { AxeBuilder } from '@axe-core/playwright'
import { type Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_PASSWORD } from '~/seed/demo-data'
import { markChecked } from './browser'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * violation, listing each with the elements concerned.
 */
export async function checkA11y(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  markChecked(page)
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  const report = blocking.map(
    (v) =>
      `${v.impact}: ${v.id} – ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  )
  expect(report, `accessibility violations on ${page.url()}`).toEqual([])
}

/**
 * Opens a path (relative to the server the browser was launched for), checks
 * the response status and the page's accessibility.
 */
export async function visit(page: Page, pathname: string, { status = 200 } = {}) {
  const response = await page.goto(pathname)
  expect(response?.status(), `status of ${pathname}`).toBe(status)
  await checkA11y(page)
  return response
}

/** Signs in through the sign-in form and waits for the page it leads to (checked too). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, '/login')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  await checkA11y(page)
}

/** Signs out with the header's button and waits for the sign-in page (checked too). */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await checkA11y(page)
}
