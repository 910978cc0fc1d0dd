import i18next, { createInstance, type FlatNamespace, type i18n, type InitOptions, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources, NAMESPACES } from '~/locales'
import { numberTag } from './format'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale'

export { DEFAULT_LOCALE, intlTag, isLocale, languageTag, LOCALES, type Locale } from './locale'

export const i18nOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: NAMESPACES,
  resources,
  // Resources are bundled, so initialisation is synchronous.
  initImmediate: false,
  // React escapes what it renders; <Trans> handles the few strings with markup.
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions

/**
 * One i18next instance per language, made once and never switched: a page
 * renders with the instance of its language, so concurrent requests in
 * different languages never share a mutable language setting.
 */
const instances = new Map<Locale, i18n>()

export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale)
  if (!instance) {
    instance = createInstance()
    // Not registered with react-i18next globally: <I18nextProvider> passes it.
    void instance.init({ ...i18nOptions, lng: locale })
    // `{{n, number}}` as formatNumber writes it: Intl asked for Welsh in Chromium answers in the browser's language (app/utils/format.ts).
    instance.services.formatter?.addCached('number', (_lng, options) => {
      const format = new Intl.NumberFormat(numberTag(locale), options)
      return (value: number) => format.format(value)
    })
    instances.set(locale, instance)
  }
  return instance
}

/**
 * A `t` outside React: loaders, actions, e-mails, PDFs.
 * `fixedT(locale, 'email')('invitation.subject')`; several namespaces as
 * `fixedT(locale, ['decision', 'common'])`, the first being the default.
 */
export function fixedT<const N extends FlatNamespace | readonly [FlatNamespace, ...FlatNamespace[]]>(
  locale: Locale,
  namespaces: N,
): TFunction<N> {
  return i18nFor(locale).getFixedT(locale, namespaces) as TFunction<N>
}

// The global instance, in English: what a component rendered outside the
// root layout (a unit test, say) translates with.
if (!i18next.isInitialized) void i18next.use(initReactI18next).init({ ...i18nOptions, lng: DEFAULT_LOCALE })
