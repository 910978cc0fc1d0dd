import { type ServiceLanguages } from '#db/schema'
import { languageTag, type Locale } from '~/utils/locale'

/**
 * The languages a record is written in, in the order its parts appear: a
 * service working in both languages issues one signed file with the Welsh
 * first, then the English (docs/decisions/033-bilingual-records.md).
 * Records issued before services chose their languages are English.
 */
export function recordLocales(languages: ServiceLanguages | undefined): Locale[] {
  switch (languages) {
    case 'both':
      return ['cy', 'en']
    case 'cy':
      return ['cy']
    default:
      return ['en']
  }
}

/** The PDF's /Lang: the language of its first part (PDF names one language per document). */
export function documentLanguage(locales: readonly Locale[]): string {
  return languageTag(locales[0] ?? 'en')
}
