import { intlTag, type Locale } from './locale'

// Intl formatters are costly to make and safe to share: one per locale and style.
const cache = new Map<string, Intl.NumberFormat>()

/** A number as the page's language writes it: "1,234.5" in both English and Welsh. */
export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) cache.set(key, (format = new Intl.NumberFormat(intlTag(locale), options)))
  return format.format(value)
}
