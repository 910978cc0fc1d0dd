import { type Locale } from './locale'

/**
 * The Intl language numbers are written in. Welsh writes them as British
 * English does (CLDR gives both the same symbols and grouping), and Chromium
 * and Chrome ship ICU without Welsh number data: asked for 'cy-GB', Intl there
 * writes the browser's own language ("1.234,5" in a German browser), so a
 * page would change its numbers on hydration. 'en-GB' is there everywhere.
 */
export function numberTag(_locale: Locale): 'en-GB' {
  return 'en-GB'
}

// Intl formatters are costly to make and safe to share: one per locale and style.
const cache = new Map<string, Intl.NumberFormat>()

/** A number as the page's language writes it: "1,234.5" in both English and Welsh. */
export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  const key = `${numberTag(locale)}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) cache.set(key, (format = new Intl.NumberFormat(numberTag(locale), options)))
  return format.format(value)
}
