import { type ReactNode } from 'react'
import { languageTag } from '~/utils/locale'
import { useLocale } from '~/utils/use-locale'

/**
 * Text the proposer typed in English with, optionally, their own Welsh
 * version: on a Welsh page the Welsh comes first, each part marked with its
 * language so a screen reader pronounces it right. Probity translates neither.
 */
export function BilingualText({
  en,
  cy,
  first,
  second,
}: {
  en: string
  cy: string | null | undefined
  first: (text: string, lang: string | undefined) => ReactNode
  second: (text: string, lang: string) => ReactNode
}) {
  const locale = useLocale()
  // Alone, the main field is in whatever language the proposer wrote it: it is not marked.
  if (!cy) return <>{first(en, undefined)}</>
  const parts = locale === 'cy' ? ([[cy, 'cy'], [en, languageTag('en')]] as const) : ([[en, languageTag('en')], [cy, 'cy']] as const)
  return (
    <>
      {first(parts[0][0], parts[0][1] === languageTag(locale) ? undefined : parts[0][1])}
      {second(parts[1][0], parts[1][1])}
    </>
  )
}
