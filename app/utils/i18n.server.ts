import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { type OrganisationSettings } from '#db/schema'
import { getUser, type SessionUser } from './auth.server'
import { i18nOptions } from './i18n'
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale'

/**
 * The signed-out visitor's choice, and the signed-in person's until their
 * saved preference is read. Not secret, so neither signed nor encrypted; lax
 * like the session cookie.
 */
export const languageCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** The languages a service offers, its default first. */
export function offeredLanguages(settings: Pick<OrganisationSettings, 'languages'> | undefined): readonly Locale[] {
  switch (settings?.languages) {
    case 'cy':
      return ['cy']
    case 'both':
      return ['en', 'cy']
    case 'en':
      return ['en']
    // Signed out, no service is known: both are offered, English first.
    default:
      return LOCALES
  }
}

/**
 * The page's language: the person's saved choice, else the `lang` cookie,
 * else the service's default; each only if the service offers it.
 */
export function chooseLocale(offered: readonly Locale[], ...choices: unknown[]): Locale {
  for (const choice of choices) if (isLocale(choice) && offered.includes(choice)) return choice
  return offered[0] ?? DEFAULT_LOCALE
}

export async function cookieLocale(request: Request): Promise<Locale | undefined> {
  const value: unknown = await languageCookie.parse(request.headers.get('Cookie'))
  return isLocale(value) ? value : undefined
}

/** The locale for a request whose signed-in person (if any) is already loaded: no further database read. */
export async function localeFor(request: Request, user: SessionUser | undefined): Promise<Locale> {
  return chooseLocale(offeredLanguages(user?.organisation.settings), user?.preferredLanguage, await cookieLocale(request))
}

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    order: ['custom'],
    findLocale: async (request) => localeFor(request, await getUser(request)),
  },
  i18next: i18nOptions,
})

/** The locale of a request (reads the signed-in person; prefer `localeFor` when they are loaded already). */
export async function getLocale(request: Request): Promise<Locale> {
  const locale = await remixI18n.getLocale(request)
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}
