import { useTranslation } from 'react-i18next'
import { type TFunction } from 'i18next'
import { type VulnerableGroup } from '#machines/vocabulary/vulnerable-groups'
import { useVocabulary, type VocabularyLabel } from '~/utils/vocabulary'

export type AffectedGroups = { groups: VulnerableGroup[]; other: string }

/** "children and young people and people experiencing homelessness", with the proposal's own words for "other". */
export function affectedPeople({ groups, other }: AffectedGroups, t: TFunction<'proposal'>, label: VocabularyLabel): string {
  const names = groups.map((g) => (g === 'other' && other.trim() ? other.trim() : label('vulnerableGroupName', g)))
  if (names.length <= 1) return names.join('')
  return t('vulnerable.and', { list: names.slice(0, -1).join(t('vulnerable.separator')), last: names.at(-1) })
}

/**
 * The notice at the head of a proposal that affects vulnerable people: a
 * labelled region with words of its own, so that it is found by a screen
 * reader's list of regions and does not rely on its border's colour.
 */
export function VulnerableNotice({ affected, id, children }: { affected: AffectedGroups; id: string; children?: React.ReactNode }) {
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  if (affected.groups.length === 0) return null
  return (
    <section aria-labelledby={id} className="notice warning">
      <h2 id={id} className="notice-title">
        {t('vulnerable.title')}
      </h2>
      <p>{t('vulnerable.body', { people: affectedPeople(affected, t, label) })}</p>
      {children}
    </section>
  )
}
