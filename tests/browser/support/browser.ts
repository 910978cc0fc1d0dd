import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { PHONE } from './phone-layout'

// Debian's Chromium, as root, in a container: see /work/shared/STACK-NOTES.md.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export type Browser = { context: BrowserContext; close: () => Promise<void> }

export type BrowserOptions = {
  /** A phone: 320 × 640 CSS px, touch events and a mobile viewport, as on a small handset. */
  phone?: boolean
}

/** Chromium with a fresh profile; relative URLs in page.goto resolve against baseUrl. */
export async function launchBrowser(baseUrl: string, { phone = false }: BrowserOptions = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    locale: 'en-GB',
    ...(phone ? { viewport: PHONE, screen: PHONE, isMobile: true, hasTouch: true } : {}),
  })
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

type PageRecord = {
  problems: string[]
  allowed: RegExp[]
  /** URLs the page showed that checkA11y has not yet looked at. */
  unchecked: Set<string>
}
const records = new WeakMap<Page, PageRecord>()

function recordOf(page: Page): PageRecord {
  const record = records.get(page)
  if (!record) throw new Error('This page was not opened by setupBrowser().newPage()')
  return record
}

/**
 * Records console errors (CSP violations are reported there too), uncaught
 * page errors, and every URL the page shows, so that afterEach can fail the
 * test on either.
 */
function track(page: Page): PageRecord {
  const record: PageRecord = { problems: [], allowed: [], unchecked: new Set() }
  const note = (problem: string) => {
    if (!record.allowed.some((pattern) => pattern.test(problem))) record.problems.push(problem)
  }
  page.on('console', (message) => {
    // Failed loads are reported below, with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      note(`console error: ${message.text()}`)
    }
  })
  page.on('response', (response) => {
    // A page's own status is the test's business (visit checks it), and so is a
    // form's answer (Remix fetches `….data`; a 400 carries field errors). Other
    // resources must load, and nothing may fail on the server.
    const request = response.request()
    const ownStatus =
      (request.isNavigationRequest() && request.frame() === page.mainFrame()) ||
      request.resourceType() === 'fetch'
    if (response.status() >= 500 || (response.status() >= 400 && !ownStatus)) {
      note(`${response.status()} for ${request.method()} ${response.url()}`)
    }
  })

  page.on('requestfailed', (request) => {
    // Leaving a page aborts its pending requests; that is no fault.
    const reason = request.failure()?.errorText ?? ''
    if (reason !== 'net::ERR_ABORTED') note(`request failed: ${request.url()} (${reason})`)
  })
  page.on('pageerror', (error) => note(`uncaught error: ${error.message}`))
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== 'about:blank')
      record.unchecked.add(frame.url())
  })
  records.set(page, record)
  return record
}

/** For a test that provokes an error on purpose (say, a 404 page): ignore the matching console errors. */
export function allowConsoleErrors(page: Page, pattern: RegExp) {
  recordOf(page).allowed.push(pattern)
}

/** checkA11y calls this once it has looked at the page's current URL. */
export function markChecked(page: Page) {
  recordOf(page).unchecked.delete(page.url())
}

/**
 * One Chromium per test file; each test gets fresh pages in a context whose
 * cookies are cleared before it starts, so tests do not share sign-ins. After
 * each test, fails it on console errors, CSP violations, uncaught errors, and
 * pages shown without an accessibility check.
 */
export function setupBrowser(baseUrl: () => string = () => inject('baseUrl'), options: BrowserOptions = {}) {
  let browser: Browser | undefined
  const opened: Page[] = []
  beforeAll(async () => {
    browser = await launchBrowser(baseUrl(), options)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    await browser?.context.clearCookies()
  })
  afterEach(async () => {
    const pages = opened.splice(0)
    const problems = pages.flatMap((page) => {
      const record = recordOf(page)
      const unchecked = [...record.unchecked].map((url) => `page shown without checkA11y: ${url}`)
      return [...record.problems, ...unchecked]
    })
    await Promise.all(pages.map((page) => page.close()))
    if (problems.length > 0) throw new Error(`Browser problems:\n  ${problems.join('\n  ')}`)
  })
  return {
    async newPage(): Promise<Page> {
      if (!browser) throw new Error('setupBrowser: the browser is only ready inside tests')
      const page = await browser.context.newPage()
      track(page)
      opened.push(page)
      return page
    },
  }
}
