import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type ReviewerDashboard } from '~/workflow/dashboards/dashboards.server'
import { DataTable } from '~/components/data-table'

/** An ethics reviewer's work: the proposals waiting for their declaration or their scores. */
export function ReviewerDashboardSection({ d }: { d: ReviewerDashboard }) {
  const { t } = useTranslation('proposal')
  return (
    <section aria-labelledby="reviewer-heading" className="panel">
      <h2 id="reviewer-heading">{t('reviewer.heading')}</h2>
      {d.awaiting.length === 0 ? (
        <p>{t('reviewer.none')}</p>
      ) : (
        <DataTable caption={t('reviewer.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.proposal')}</th>
              <th scope="col">{t('list.partner')}</th>
              <th scope="col">{t('reviewer.needed')}</th>
            </tr>
          </thead>
          <tbody>
            {d.awaiting.map((p) => (
              <tr key={p.id}>
                <td>{p.reference}</td>
                <td>
                  <Link to={`/proposals/${p.id}/screening`}>{p.title}</Link>
                </td>
                <td>{p.partner}</td>
                <td>{p.status === 'assigned' ? t('reviewer.declare') : t('reviewer.score')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  )
}
