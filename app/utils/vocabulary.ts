import { type TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type en from '~/locales/en/vocabulary'
import { fixedT, type Locale } from './i18n'

/**
 * The one way the app names a value of machines/vocabulary in the reader's
 * language: `label('stage', proposal.stage)`, `label('role', 'reviewer')`.
 * machines/ keeps the values (and the English words) and knows nothing of
 * languages; the 'vocabulary' catalogue keys each word by its value, so pages,
 * e-mails and the signed record all translate it the same way.
 */
export type VocabularyKind = keyof typeof en
export type VocabularyValue<K extends VocabularyKind> = keyof (typeof en)[K] & string
export type VocabularyLabel = <K extends VocabularyKind>(kind: K, value: VocabularyValue<K>) => string

/** The catalogue key of a value, for a `t` of the 'vocabulary' namespace: `vocabularyKey('stage', 'draft')` is `'stage.draft'`. */
export function vocabularyKey<K extends VocabularyKind>(kind: K, value: VocabularyValue<K>): `${K}.${VocabularyValue<K>}` {
  return `${kind}.${value}`
}

function labeller(t: TFunction<'vocabulary'>): VocabularyLabel {
  // A value the catalogue does not know (a stage from a newer machine, say) reads as itself rather than as a key.
  return (kind, value) => String(t(vocabularyKey(kind, value) as never, { defaultValue: value }))
}

/** In a component: `const label = useVocabulary()`. */
export function useVocabulary(): VocabularyLabel {
  const { t } = useTranslation('vocabulary')
  return useMemo(() => labeller(t), [t])
}

/** Outside React (loaders, e-mails, the PDF record): `vocabulary(locale)('riskBand', band)`. */
export function vocabulary(locale: Locale): VocabularyLabel {
  return labeller(fixedT(locale, 'vocabulary'))
}
