import { type Page } from 'playwright-core'
import { visit } from './pages'

/**
 * The set-password link of the newest e-mail to `email`, read the way an
 * administrator would: on the development outbox page (no SMTP configured).
 * Returns its path, so that it opens on the server the page is on.
 */
export async function linkFromOutbox(page: Page, email: string): Promise<string> {
  await visit(page, '/dev/outbox')
  const article = page.getByRole('article').filter({ hasText: `To ${email}` }).first()
  const body = (await article.locator('pre').textContent()) ?? ''
  const match = /https?:\/\/[^/\s]+(\/set-password\/[A-Za-z0-9_-]{43})/.exec(body)
  if (!match) throw new Error(`No set-password link in the outbox for ${email}`)
  return match[1]!
}
