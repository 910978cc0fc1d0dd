import { type Page } from 'playwright-core'

/** The narrowest screen WCAG 2.2 reflow (1.4.10) asks for: 320 CSS px, also 1280 px at 400 % zoom. */
export const PHONE = { width: 320, height: 640 } as const

/** WCAG 2.2 target size (minimum), 2.5.8: 24 × 24 CSS px. */
export const MIN_TARGET = 24

export type LayoutReport = {
  scrollWidth: number
  clientWidth: number
  /** Interactive elements under 24 × 24 px that neither exception of 2.5.8 covers. */
  undersized: string[]
}

/**
 * Runs in the page. Finds every visible pointer target smaller than 24 × 24 px
 * and keeps those that WCAG 2.5.8's exceptions do not cover:
 * - inline: an inline element in a block with other, non-target text (a link
 *   in a sentence), whose size the line of text sets;
 * - spacing: a 24 px circle centred on the target touches no other target,
 *   and no other undersized target's circle.
 * User-agent controls left at their default size would be a third exception;
 * the app styles its controls, so it does not apply.
 */
function measureLayout(minTarget: number): LayoutReport {
  const SELECTOR = [
    'a[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[role="button"]',
    '[role="link"]',
    // A table's scrolling region is focusable for the keyboard, not a pointer target.
    '[tabindex]:not([tabindex="-1"]):not([role="region"])',
  ].join(',')
  const radius = minTarget / 2

  const targets = [...document.querySelectorAll<HTMLElement>(SELECTOR)].flatMap((element) => {
    if (!element.checkVisibility({ visibilityProperty: true })) return []
    const rect = element.getBoundingClientRect()
    // Not rendered, visually hidden (1 px clip), or parked off-screen until focused (the skip link).
    if (rect.width <= 1 || rect.height <= 1) return []
    if (rect.right + window.scrollX <= 0 || rect.bottom + window.scrollY <= 0) return []
    return [{ element, rect }]
  })

  const isTarget = (node: Element | null) => node?.closest(SELECTOR) != null

  const inSentence = (element: HTMLElement) => {
    if (getComputedStyle(element).display !== 'inline') return false
    let block = element.parentElement
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement
    if (!block) return false
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      if (text.length > 1 && !isTarget(node.parentElement)) return true
    }
    return false
  }

  const distanceToRect = (x: number, y: number, r: DOMRect) => {
    const dx = Math.max(r.left - x, 0, x - r.right)
    const dy = Math.max(r.top - y, 0, y - r.bottom)
    return Math.hypot(dx, dy)
  }

  const small = targets.filter(
    ({ element, rect }) =>
      (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) && !inSentence(element),
  )
  const undersized = small.filter(({ element, rect }) => {
    const x = rect.left + rect.width / 2
    const y = rect.top + rect.height / 2
    const crowded = targets.some((other) => {
      if (other.element === element) return false
      // A target nested in another (a button in a scrolling region) is one place to press.
      if (other.element.contains(element) || element.contains(other.element)) return false
      if (distanceToRect(x, y, other.rect) < radius) return true
      const otherSmall = small.some((s) => s.element === other.element)
      if (!otherSmall) return false
      const ox = other.rect.left + other.rect.width / 2
      const oy = other.rect.top + other.rect.height / 2
      return Math.hypot(x - ox, y - oy) < minTarget
    })
    return crowded
  })

  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    undersized: undersized.map(({ element, rect }) => {
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)
      const tag = element.tagName.toLowerCase()
      const type = element.getAttribute('type')
      return `<${tag}${type ? ` type=${type}` : ''}> “${name}” ${Math.round(rect.width)} × ${Math.round(rect.height)} px`
    }),
  }
}

/** Measures the page as it is laid out now (see measureLayout). */
export async function layoutReport(page: Page): Promise<LayoutReport> {
  // Let a resize reach layout before measuring.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
  return page.evaluate(measureLayout, MIN_TARGET)
}
