import { createCookie } from '@remix-run/node'
import { type Page } from 'playwright-core'
import { expect } from 'vitest'
import { cy, en } from '~/locales'
import { i18nFor } from '~/utils/i18n'
import { DEMO_PASSWORD } from '~/seed/demo-data'
import { checkA11y, openMenu } from './pages'

/**
 * Welsh pages in browser tests: the Welsh catalogue's words to find things by
 * (`cyT('proposal:form.title')`), a check that a page is in Welsh (lang, axe,
 * and no English left from the English catalogue), and Welsh sign-in and
 * sign-out.
 */

const welsh = i18nFor('cy')

/** A Welsh string from the catalogues, `namespace:key`, with i18next's plurals and interpolation. */
export function cyT(key: string, values?: Record<string, unknown>): string {
  const t = welsh.t as unknown as (key: string, options?: Record<string, unknown>) => string
  const text = t(key, values)
  if (text === key || text === key.split(':')[1]) throw new Error(`No Welsh text for ${key}`)
  return text
}

/** An English leaf of the catalogues that a Welsh page must not show. */
export type EnglishLeaf = { key: string; fragments: RegExp[] }

const MIN_LENGTH = 12

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

/** The Welsh texts of an English key: a plural's every Welsh form, or the key itself. */
function welshOf(welshLeaves: Map<string, string>, key: string): string[] {
  const plural = /^(.*)_(one|other)$/.exec(key)
  if (plural) {
    return ['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((form) => welshLeaves.get(`${plural[1]}_${form}`) ?? [])
  }
  return welshLeaves.has(key) ? [welshLeaves.get(key)!] : []
}

/**
 * Every English leaf that has a Welsh text of its own, cut at its
 * interpolations and markup into the literal pieces a page would show; only
 * pieces of 12 characters or more are kept, so short words shared by both
 * languages (proper names, "SHA-256") do not count.
 */
export function englishLeaves(): EnglishLeaf[] {
  const english = leaves(en as unknown as Tree, '')
  const welshLeaves = new Map(leaves(cy as unknown as Tree, ''))
  return english.flatMap(([key, text]) => {
    const welshTexts = welshOf(welshLeaves, key)
    if (welshTexts.includes(text)) return []
    const pieces = text
      .split(/\{\{[^}]*\}\}|<\/?[A-Za-z0-9]+\s*\/?>|\$t\([^)]*\)/)
      .map((piece) => piece.replace(/\s+/g, ' ').trim())
    const whole = pieces.length === 1
    const fragments = pieces
      .filter((piece) => piece.length >= MIN_LENGTH)
      // A piece of a longer sentence counts only if it is several words: one word ("consultation")
      // would name the wrong key whenever any English sentence used it.
      .filter((piece) => whole || piece.includes(' '))
      // A piece that a Welsh text contains as well is no sign of English.
      .filter((piece) => !welshTexts.some((w) => w.includes(piece)))
      .map((piece) => new RegExp(`(?<![\\p{L}\\p{N}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'))
    if (fragments.length === 0) return []
    const [namespace, ...rest] = key.split('.')
    return [{ key: `${namespace}:${rest.join('.')}`, fragments }]
  })
}

let cached: EnglishLeaf[] | undefined

export type Leak = { url: string; key: string; text: string }

/**
 * What the page shows a reader: the text of the body (hidden parts too: a
 * closed disclosure is one click away), the title, and the attributes read
 * out or shown (aria-label, title, alt, placeholder), leaving out any part
 * marked as being in another language (`lang` not Welsh), which is text
 * typed in English or a name of a language.
 */
export async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement
    for (const other of body.querySelectorAll('[lang]:not([lang^="cy"]), script, style, template')) other.remove()
    const attributes = [...body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap((element) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    )
    return [document.title, body.textContent ?? '', ...attributes].join('\n')
  })
}

/** The English catalogue's texts found in a page's shown text, after removing what people typed. */
export function findLeaks(url: string, text: string, typed: readonly string[] = []): Leak[] {
  cached ??= englishLeaves()
  let shown = text.replace(/\s+/g, ' ')
  for (const words of [...typed].sort((a, b) => b.length - a.length)) shown = shown.split(words.replace(/\s+/g, ' ')).join(' ')
  return cached.flatMap(({ key, fragments }) => {
    const found = fragments.map((fragment) => fragment.exec(shown)?.[0]).find((match) => match !== undefined)
    return found ? [{ url, key, text: found }] : []
  })
}

export type WelshCheck = {
  /** Text people typed in English (or seeded as content): never a leak. */
  typed: readonly string[]
  /** Every leak seen so far, for the test's own verdict and its report. */
  leaks: Leak[]
}

/**
 * The page as it is now is in Welsh: `<html lang="cy">`, axe-clean (and at
 * phone width: checkA11y), and showing no English text from the English
 * catalogue. Leaks are collected in `check.leaks` (with the key that leaked)
 * so that one run lists them all.
 */
export async function checkWelsh(page: Page, check: WelshCheck) {
  expect(await page.locator('html').getAttribute('lang'), `lang of ${page.url()}`).toBe('cy')
  await checkA11y(page)
  const path = new URL(page.url()).pathname
  for (const leak of findLeaks(path, await shownText(page), check.typed)) {
    if (!check.leaks.some((l) => l.url === leak.url && l.key === leak.key)) check.leaks.push(leak)
  }
}

/** Opens a path and checks its status and that it is in Welsh. */
export async function visitWelsh(page: Page, pathname: string, check: WelshCheck, { status = 200 } = {}) {
  const response = await page.goto(pathname)
  expect(response?.status(), `status of ${pathname}`).toBe(status)
  await checkWelsh(page, check)
}

/**
 * The `lang` cookie a visitor gets by choosing Cymraeg in the header, for
 * the browser's context: signed out, pages are then in Welsh.
 */
export async function chooseWelshCookie(page: Page, baseUrl: string) {
  const header = await createCookie('lang', { path: '/' }).serialize('cy')
  const value = header.split(';')[0]!.split('=').slice(1).join('=')
  await page.context().addCookies([{ name: 'lang', value, url: baseUrl }])
}

/** Signs in through the Welsh sign-in form (checked as Welsh) and waits for the page it leads to (checked too). */
export async function signInWelsh(page: Page, email: string, check: WelshCheck, password = DEMO_PASSWORD) {
  await visitWelsh(page, '/login', check)
  await page.getByLabel(cyT('auth:login.email')).fill(email)
  await page.getByLabel(cyT('auth:login.password'), { exact: true }).fill(password)
  await page.getByRole('button', { name: cyT('auth:login.submit'), exact: true }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  await checkWelsh(page, check)
}

/** Signs out with the header's Welsh button and waits for the sign-in page (checked as Welsh). */
export async function signOutWelsh(page: Page, check: WelshCheck) {
  await openMenu(page)
  await page.getByRole('button', { name: cyT('common:header.signOut') }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await checkWelsh(page, check)
}

/** The leaks as lines for a report: the key, where, and the English found. */
export function describeLeaks(leaks: readonly Leak[]): string[] {
  return leaks.map((l) => `${l.key} on ${l.url}: “${l.text}”`)
}
