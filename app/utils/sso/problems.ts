import en from '~/locales/en/auth'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'

/**
 * Why a single sign-on came back refused, as a fixed code carried in the
 * address (never the identity provider's own text); the words people read are
 * the 'auth' catalogue's `ssoProblem.<code>`. SSO_PROBLEMS is the English.
 */
export const SSO_PROBLEMS = en.ssoProblem

export type SsoProblem = keyof typeof SSO_PROBLEMS

export function ssoProblemMessage(code: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string | undefined {
  return code && Object.hasOwn(SSO_PROBLEMS, code) ? fixedT(locale, 'auth')(`ssoProblem.${code as SsoProblem}`) : undefined
}
