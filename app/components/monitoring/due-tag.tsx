import { useTranslation } from 'react-i18next'
import { type DueState } from '~/utils/review-schedule'

/** Whether a review is overdue, in words; the colour only repeats them. */
export function DueTag({ state }: { state: DueState }) {
  const { t } = useTranslation('proposal')
  const tone = state === 'overdue' ? 'red' : state === 'due_soon' ? 'amber' : ''
  return <span className={`tag ${tone}`.trim()}>{t(`dueState.${state}`)}</span>
}
