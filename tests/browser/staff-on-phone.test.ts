import { type Locator, type Page } from 'playwright-core'
import path from 'node:path'
import { expect, it, onTestFinished } from 'vitest'
import { openPglite } from '#db/client.server'
import { listOutbox } from '#db/notifications.server'
import { openedStaffConsultation, releaseAnonymous } from '#tests/support/consultation'
import { TEST_PASSWORD } from '#tests/support/factories'
import { setupBrowser } from './support/browser'
import { checkA11y, openMenu, signOut, visit } from './support/pages'
import { PHONE } from './support/phone-layout'
import { startServer, type RunningServer } from './support/server'
import { setupSeededServer } from './support/seeded-server'

/**
 * A member of staff with no desk computer, on a 320 px touch screen: opens the
 * link in the e-mail that announced the consultation, signs in, reads the
 * summary, raises a concern anonymously and keeps the receipt code; once the
 * chief librarian has answered (on a phone too), finds the answer with the code.
 */

const CONCERN = 'Lone evening shifts would sit beside a desk we cannot vouch for.'
const ANSWER = 'No evening shift will be staffed alone while the desk is open.'
/** Where the e-mail's link points once the host is the test server's. */
let linkInMail = ''
let staffEmail = ''
let chiefEmail = ''
let consultation = { organisationId: '', proposalId: '' }

const { server } = setupSeededServer('staff-on-phone', async (db) => {
  const mail = { publicUrl: 'https://probity.example', smtp: false }
  const opened = await openedStaffConsultation(db, { staff: 1, mail, values: { title: 'Partner desk in branches' } })
  staffEmail = opened.staff[0]!.email
  chiefEmail = opened.proposer.email
  consultation = { organisationId: opened.org.id, proposalId: opened.proposal.id }
  const message = (await listOutbox(db, opened.org.id)).find((m) => m.toAddress === staffEmail)!
  linkInMail = new URL(message.body.match(/https:\/\/probity\.example\S+/)![0]).pathname
})
let restarted: RunningServer | undefined
const browser = setupBrowser(() => (restarted ?? server()).url, { phone: true })

/**
 * One member of staff is a small group, so the anonymous concern is held until
 * the consultation closes (ADR 023). The server stops while the release runs
 * on its database, as the closing's job would, and starts again on the same port.
 */
async function releaseAtClosing() {
  const running = restarted ?? server()
  await running.stop()
  const handle = await openPglite(path.join(running.dataDir, 'pglite'))
  try {
    await releaseAnonymous(handle.db, consultation.organisationId, consultation.proposalId)
  } finally {
    await handle.close()
  }
  restarted = await startServer({ dataDir: running.dataDir, port: running.port, env: { SEED_DEMO: 'false' } })
  onTestFinished(() => restarted?.stop())
}

async function signInHere(page: Page, email: string) {
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).tap()
  await page.waitForURL((url) => url.pathname !== '/login')
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
}

/**
 * With the on-screen keyboard up, about half the screen is left. The field
 * being typed in must be in view there and not covered by anything fixed,
 * and its text at least 16 px (iOS zooms the page into smaller fields).
 */
async function typeWithKeyboardOpen(page: Page, field: Locator, text: string) {
  await page.setViewportSize({ width: PHONE.width, height: 300 })
  try {
    await field.tap()
    await field.fill(text)
    const seen = await field.evaluate((element) => {
      element.scrollIntoView({ block: 'nearest' })
      const box = element.getBoundingClientRect()
      const x = box.left + box.width / 2
      const y = box.top + Math.min(box.height / 2, 20)
      const onTop = document.elementFromPoint(x, y)
      return {
        uncovered: onTop === element || element.contains(onTop),
        fontSize: parseFloat(getComputedStyle(element).fontSize),
        fixed: [...document.querySelectorAll('body *')].filter((e) =>
          ['fixed', 'sticky'].includes(getComputedStyle(e).position),
        ).length,
      }
    })
    expect(seen).toEqual({ uncovered: true, fontSize: expect.any(Number), fixed: 0 })
    expect(seen.fontSize).toBeGreaterThanOrEqual(16)
  } finally {
    await page.setViewportSize(PHONE)
  }
}

it('a member of staff raises a concern anonymously from a phone and later finds the answer', async () => {
  const page = await browser.newPage()

  // The e-mail's link leads to sign-in, then straight back to the consultation.
  await visit(page, linkInMail)
  expect(new URL(page.url()).pathname).toBe('/login')
  await page.waitForLoadState('networkidle')
  await typeWithKeyboardOpen(page, page.getByLabel('E-mail address'), staffEmail)
  expect(await page.getByLabel('E-mail address').getAttribute('autocomplete')).toBe('username')
  expect(await page.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password')
  await signInHere(page, staffEmail)
  expect(new URL(page.url()).pathname).toBe(linkInMail)

  // The proposal and the summary for staff (openedStaffConsultation's) come first, before the form.
  await page.getByRole('heading', { level: 1, name: /Partner desk in branches/ }).waitFor()
  expect(await page.getByText('Tell us', { exact: true }).isVisible()).toBe(true)

  await page.getByLabel('What is your concern about?').selectOption({ label: 'Safety' })
  await typeWithKeyboardOpen(page, page.getByLabel('Your concern', { exact: true }), CONCERN)
  await page.getByLabel(/^Anonymously/).tap()
  await page.getByRole('button', { name: 'Raise concern' }).tap()
  const code = page.locator('.receipt-code')
  await code.waitFor()
  await checkA11y(page)
  const receipt = (await code.textContent()) ?? ''
  expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
  // The code is on screen whole, not cut off at the edge.
  const box = (await code.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
  await signOut(page)
  await releaseAtClosing()

  // The chief librarian answers, on a phone as well.
  await signInHere(page, chiefEmail)
  await visit(page, linkInMail)
  await page.getByRole('link', { name: /^Respond to concern 1/ }).tap()
  await page.waitForURL(/concerns\//)
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
  await typeWithKeyboardOpen(page, page.getByLabel(/^Response to concern/), ANSWER)
  await page.getByRole('button', { name: 'Publish the response' }).tap()
  await page.waitForURL(/\/consultation(#concern-[0-9a-f-]+)?$/)
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
  await signOut(page)

  // Later: the member of staff finds the answer from the home page, with the code.
  await signInHere(page, staffEmail)
  await page.getByRole('link', { name: 'Look it up with your receipt code' }).tap()
  await page.waitForURL(/\/concerns\/receipt$/)
  await page.waitForLoadState('networkidle')
  await checkA11y(page)
  await typeWithKeyboardOpen(page, page.getByLabel('Receipt code'), receipt)
  await page.getByRole('button', { name: 'Look up' }).tap()
  await page.getByRole('heading', { name: 'Your concern about Partner desk in branches' }).waitFor()
  await checkA11y(page)
  expect(await page.getByText(ANSWER).isVisible()).toBe(true)

  // The menu folds the header's links behind one button that says whether it is open.
  await openMenu(page)
  expect(await page.getByRole('link', { name: 'Notifications' }).isVisible()).toBe(true)
  await checkA11y(page)
}, 300_000)
