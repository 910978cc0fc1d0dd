import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { formatDate, serviceDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { type StaffDashboard } from '~/workflow/dashboards/dashboards.server'
import { DataTable } from '~/components/data-table'

/**
 * What staff can take part in, and the concerns they raised under their name.
 * Anonymous concerns are tied to no account, so they are found again only
 * with the receipt code given when they were raised.
 */
export function StaffDashboardSection({ d }: { d: StaffDashboard }) {
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  const locale = useLocale()
  return (
    <section aria-labelledby="staff-heading" className="panel">
      <h2 id="staff-heading">{t('staff.heading')}</h2>
      {d.open.length === 0 ? (
        <p>{t('staff.none')}</p>
      ) : (
        <DataTable caption={t('staff.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.proposal')}</th>
              <th scope="col">{t('list.partner')}</th>
              <th scope="col">{t('staff.closes')}</th>
            </tr>
          </thead>
          <tbody>
            {d.open.map((p) => (
              <tr key={p.id}>
                <td>{p.reference}</td>
                <td>
                  <Link to={`/proposals/${p.id}/consultation`}>{p.title}</Link>
                </td>
                <td>{p.partner}</td>
                <td>{p.closingDate ? formatDate(serviceDate(new Date(p.closingDate)), locale) : ''}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h3>{t('staff.concerns')}</h3>
      {d.concerns.length === 0 ? (
        <p>{t('staff.noConcerns')}</p>
      ) : (
        <DataTable caption={t('staff.concernsCaption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('list.proposal')}</th>
              <th scope="col">{t('staff.about')}</th>
              <th scope="col">{t('staff.raised')}</th>
              <th scope="col">{t('staff.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {d.concerns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/proposals/${c.proposalId}/consultation#concern-${c.id}`}>{c.title}</Link>
                </td>
                <td>{label('concernCategory', c.category)}</td>
                <td>{formatDate(c.raisedOn, locale)}</td>
                <td className="pre-line">
                  {c.hidden
                    ? t('staff.hidden')
                    : c.response
                      ? t('staff.answered', { response: c.response, date: c.respondedOn ? formatDate(c.respondedOn, locale) : '' })
                      : t('staff.notAnswered')}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p>
        <Trans t={t} i18nKey="staff.anonymous" components={{ anchor: <Link to="/concerns/receipt" /> }} />
      </p>

      {d.monitored.length ? (
        <>
          <h3>{t('staff.monitored')}</h3>
          <p>{t('staff.monitoredIntro')}</p>
          <ul>
            {d.monitored.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}/monitoring`}>{p.title}</Link> <span className="muted">({p.partner})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
