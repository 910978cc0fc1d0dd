import { type Language } from '#db/schema'

/**
 * The languages Probity speaks, as i18next names them. English is the default.
 * Dependency-free, so date and number formatting can use it anywhere.
 */
export const LOCALES = ['en', 'cy'] as const satisfies readonly Language[]
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

/** The BCP 47 tag for `lang` attributes: British English, and Welsh. */
export function languageTag(locale: Locale): 'en-GB' | 'cy' {
  return locale === 'cy' ? 'cy' : 'en-GB'
}

/** The tag Intl formats dates and numbers with. */
export function intlTag(locale: Locale): 'en-GB' | 'cy-GB' {
  return locale === 'cy' ? 'cy-GB' : 'en-GB'
}
