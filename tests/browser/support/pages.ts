import { AxeBuilder } from '@axe-core/playwright'
import { type Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_PASSWORD } from '~/seed/demo-data'
import { markChecked } from './browser'
import { layoutReport, PHONE } from './phone-layout'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function axeReport(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  return blocking.map(
    (v) =>
      `${v.impact}: ${v.id} – ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  )
}

/** What must hold at 320 px wide: no sideways scrolling of the page, targets of 24 × 24 px, axe-clean. */
async function phoneProblems(page: Page) {
  const layout = await layoutReport(page)
  const problems = layout.undersized.map((target) => `target under 24 × 24 px: ${target}`)
  if (layout.scrollWidth > layout.clientWidth)
    problems.unshift(`the page scrolls sideways: ${layout.scrollWidth} px wide in ${layout.clientWidth} px`)
  return [...problems, ...(await axeReport(page))]
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * violation, listing each with the elements concerned. Then looks at the same
 * page at 320 × 640 (a phone, or 1280 px at 400 % zoom): no page-level
 * horizontal scroll, no pointer target under 24 × 24 px but those WCAG 2.5.8
 * exempts, and axe-clean there too; then puts the window back as it was.
 */
export async function checkA11y(page: Page) {
  const size = page.viewportSize()
  const wide = !size || size.width > PHONE.width
  const report = wide ? await axeReport(page) : []
  let phone: string[]
  if (wide) {
    await page.setViewportSize(PHONE)
    try {
      phone = await phoneProblems(page)
    } finally {
      await page.setViewportSize(size ?? { width: 1280, height: 720 })
    }
  } else {
    phone = await phoneProblems(page)
  }
  markChecked(page)
  expect(report, `accessibility violations on ${page.url()}`).toEqual([])
  expect(phone, `at ${PHONE.width} × ${PHONE.height} px, on ${page.url()}`).toEqual([])
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

/** Opens the header's menu if it is folded (a narrow window), so that its links can be used. */
export async function openMenu(page: Page) {
  const menu = page.locator('header details.site-menu')
  if ((await menu.count()) === 0) return
  const toggle = menu.locator('> summary')
  if ((await toggle.isVisible()) && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await toggle.click()
  }
}

/** Signs out with the header's button and waits for the sign-in page (checked too). */
export async function signOut(page: Page) {
  await openMenu(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await checkA11y(page)
}
