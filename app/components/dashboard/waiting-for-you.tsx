import { Link } from '@remix-run/react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type WaitingAction, type WaitingItem } from '~/workflow/waiting/waiting-for-you.server'

function what(t: TFunction<'proposal'>, action: WaitingAction, count: number): string {
  switch (action) {
    case 'answer_recommendation':
    case 'answer_concern':
      return t(`waiting.${action}`, { count })
    default:
      return t(`waiting.${action}`)
  }
}

/** Everything the workflow lets this person do now, each linked to where they do it. */
export function WaitingForYou({ items }: { items: WaitingItem[] }) {
  const { t } = useTranslation('proposal')
  return (
    <section aria-labelledby="waiting-heading" className="panel">
      <h2 id="waiting-heading">{t('waiting.heading')}</h2>
      {items.length === 0 ? (
        <p>{t('waiting.none')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.proposalId}:${item.action}`}>
              <Link to={item.link}>{what(t, item.action, item.count)}</Link>: {item.title} ({item.reference})
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
