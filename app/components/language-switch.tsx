import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { languageTag, LOCALES, type Locale } from '~/utils/locale'

/**
 * The language switch on every page: a plain form posting to /language, so it
 * works without JavaScript, and comes back to the same page. Each other
 * language is named in itself and marked with its own `lang`.
 */
export function LanguageSwitch({ current }: { current: Locale }) {
  const { t } = useTranslation('common')
  const { pathname, search } = useLocation()
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t('language.switchLabel')}>
      <input type="hidden" name="redirectTo" value={pathname + search} />
      {LOCALES.filter((l) => l !== current).map((locale) => (
        <button key={locale} type="submit" name="lang" value={locale} lang={languageTag(locale)} className="link">
          {t(`language.${locale}`)}
        </button>
      ))}
    </Form>
  )
}
