import { isLocale, DEFAULT_LOCALE, type Locale } from './locale'

/** Page titles read "What this page is – Probity", most specific first. */
export function pageTitle(...parts: (string | undefined | null)[]) {
  return [{ title: [...parts.filter(Boolean), 'Probity'].join(' – ') }]
}

/**
 * The page's language inside a `meta` function, from the root loader's data:
 * `meta: ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'auth')('login.title'))`.
 */
export function metaLocale(matches: readonly { id: string; data?: unknown }[]): Locale {
  const locale = (matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined)?.locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}
