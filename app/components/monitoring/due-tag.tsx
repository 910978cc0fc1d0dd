import { DUE_STATE_LABELS, type DueState } from '~/utils/review-schedule'

/** Whether a review is overdue, in words; the colour only repeats them. */
export function DueTag({ state }: { state: DueState }) {
  const tone = state === 'overdue' ? 'red' : state === 'due_soon' ? 'amber' : ''
  return <span className={`tag ${tone}`.trim()}>{DUE_STATE_LABELS[state]}</span>
}
