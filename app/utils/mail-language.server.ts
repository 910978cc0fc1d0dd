import { type TFunction } from 'i18next'
import { type Queryable } from '#db/client.server'
import { type Language, type ServiceLanguages } from '#db/schema'
import { findOrganisation } from '#db/users.server'
import { fixedT, type Locale } from './i18n'
import { chooseLocale, offeredLanguages } from './i18n.server'

/** What decides the language of what one person is sent: their service's languages and their own choice. */
export type Reader = { preferredLanguage?: Language | null }

export type EmailT = TFunction<'email'>

/** The service an e-mail comes from; its languages are read when not given. */
export type ServiceOfMail = { id: string; name: string; settings?: { languages: ServiceLanguages } }

/** The languages a service works in, read once for a batch of e-mails. */
export async function serviceLanguagesOf(db: Queryable, organisationId: string): Promise<ServiceLanguages> {
  return (await findOrganisation(db, organisationId))?.settings.languages ?? 'en'
}

/**
 * The languages of an e-mail to this person: their own choice if the service
 * offers it, else the service's language; a service working in both languages
 * writes to someone who has not chosen in Welsh and English, Welsh first
 * (docs/decisions/034-e-mail-in-the-recipient-language.md).
 */
export function mailLocales(service: ServiceLanguages, reader: Reader): Locale[] {
  const offered = offeredLanguages({ languages: service })
  if (reader.preferredLanguage && offered.includes(reader.preferredLanguage)) return [reader.preferredLanguage]
  return offered.length > 1 ? ['cy', 'en'] : [offered[0] ?? 'en']
}

/** The language of an in-app notice: the one the person's pages are in when they have no cookie. */
export function noticeLocale(service: ServiceLanguages, reader: Reader): Locale {
  return chooseLocale(offeredLanguages({ languages: service }), reader.preferredLanguage)
}

export type Mail = { subject: string; body: string }

/**
 * Writes one e-mail in each of `locales`; two become one bilingual e-mail,
 * subjects joined and bodies one after the other, under a line in each
 * language saying that the English follows the Welsh.
 */
export function composeMail(locales: readonly Locale[], write: (t: EmailT, locale: Locale) => Mail): Mail {
  const parts = locales.map((locale) => {
    const t = fixedT(locale, 'email')
    return { t, mail: write(t, locale) }
  })
  if (parts.length === 1) return parts[0]!.mail
  return {
    subject: parts.map((p) => p.mail.subject).join(' / '),
    body: [parts.map((p) => p.t('bilingual.englishBelow')).join('\n'), ...parts.map((p) => p.mail.body)].join('\n\n----------\n\n'),
  }
}
