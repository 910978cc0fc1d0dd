import { Link } from '@remix-run/react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { DueTag } from '~/components/monitoring/due-tag'
import { type Stage } from '#machines/vocabulary/stages'
import { formatDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { type ChiefDashboard } from '~/workflow/dashboards/dashboards.server'
import { DataTable } from '~/components/data-table'

/** Under a shortened list: how many there are in all, and where to see them. */
function More({
  shown,
  total,
  what,
  to,
}: {
  shown: number
  total: number
  what: 'moreReviews' | 'moreReassessing' | 'moreBlocking'
  to?: string
}) {
  const { t } = useTranslation('proposal')
  if (total <= shown) return null
  return (
    <p>
      {t(`chief.${what}`, { shown, count: total })} {to ? <Link to={to}>{t('chief.seeAll')}</Link> : null}
    </p>
  )
}

function blockingText(t: TFunction<'proposal'>, b: ChiefDashboard['blocking'][number]) {
  return [
    b.privacy ? t('chief.privacyMissing', { count: b.privacy }) : null,
    b.concerns ? t('chief.concernsUnanswered', { count: b.concerns }) : null,
    b.recommendations ? t('chief.recommendationsUnanswered', { count: b.recommendations }) : null,
  ]
    .filter(Boolean)
    .join(t('chief.issueSeparator'))
}

/** The chief librarian's view of the whole service: where every proposal stands and what needs acting on. */
export function ChiefDashboardSections({ d }: { d: ChiefDashboard }) {
  const { t } = useTranslation('proposal')
  const vocabulary = useVocabulary()
  const stageLabel = (stage: string) => vocabulary('stage', stage as Stage)
  const locale = useLocale()
  return (
    <>
      <section aria-labelledby="chief-heading" className="panel">
        <h2 id="chief-heading">{t('chief.heading')}</h2>
        <h3>{t('chief.byStage')}</h3>
        {d.byStage.length === 0 ? (
          <p>{t('chief.none')}</p>
        ) : (
          <ul className="dashboard-counts">
            {d.byStage.map((s) => (
              <li key={s.stage}>
                <strong>{s.n}</strong>
                {s.stage === 'draft' ? (
                  stageLabel(s.stage)
                ) : (
                  <Link to={`/register?stage=${s.stage}`}>{stageLabel(s.stage)}</Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('chief.mine')}</h3>
        {d.mine.length === 0 ? (
          <p>{t('chief.noneMine')}</p>
        ) : (
          <ul>
            {d.mine.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}`}>{p.title}</Link> <span className="muted">({p.reference}, {stageLabel(p.stage)})</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/register">{t('chief.register')}</Link>
        </p>
      </section>

      <section aria-labelledby="due-heading" className="panel">
        <h2 id="due-heading">{t('chief.due')}</h2>
        {d.reviewsDue.length === 0 ? (
          <p>{t('chief.noneDue')}</p>
        ) : (
          <DataTable caption={t('chief.dueCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('chief.partnership')}</th>
                <th scope="col">{t('chief.review')}</th>
                <th scope="col">{t('chief.dueOn')}</th>
                <th scope="col">{t('chief.status')}</th>
                <th scope="col">{t('chief.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {d.reviewsDue.map((r) => (
                <tr key={r.id} className={r.state === 'overdue' ? 'flagged' : undefined}>
                  <td>
                    <Link to={`/proposals/${r.id}/monitoring`}>{r.title}</Link> <span className="muted">{r.reference}</span>
                  </td>
                  <td>{t('chief.reviewSlot', { slot: r.slot })}</td>
                  <td>{formatDate(r.dueOn, locale)}</td>
                  <td>
                    <DueTag state={r.state} />
                  </td>
                  <td>{r.responsible}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.reviewsDue.length} total={d.reviewsDueTotal} what="moreReviews" to="/register?due=due&sort=next_review" />
      </section>

      <section aria-labelledby="reassessment-heading" className="panel">
        <h2 id="reassessment-heading">{t('chief.reassessment')}</h2>
        {d.reassessing.length === 0 ? (
          <p>{t('chief.noneReassessed')}</p>
        ) : (
          <DataTable caption={t('chief.reassessmentCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('chief.partnership')}</th>
                <th scope="col">{t('list.stage')}</th>
                <th scope="col">{t('chief.why')}</th>
                <th scope="col">{t('chief.since')}</th>
                <th scope="col">{t('chief.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {d.reassessing.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/proposals/${r.id}/monitoring/reassessment`}>{r.title}</Link> <span className="muted">{r.reference}</span>
                  </td>
                  <td>{stageLabel(r.stage)}</td>
                  <td>{r.trigger ? vocabulary('escalationTrigger', r.trigger) : ''}</td>
                  <td>{r.openedOn ? formatDate(r.openedOn, locale) : ''}</td>
                  <td>
                    {r.outcome
                      ? t('chief.awaitingSignature', { outcome: vocabulary('reassessmentOutcome', r.outcome) })
                      : t('chief.notProposed')}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.reassessing.length} total={d.reassessingTotal} what="moreReassessing" />
      </section>

      <section aria-labelledby="blocking-heading" className="panel">
        <h2 id="blocking-heading">{t('chief.blocking')}</h2>
        {d.blocking.length === 0 ? (
          <p>{t('chief.noneBlocking')}</p>
        ) : (
          <DataTable caption={t('chief.blockingCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('list.proposal')}</th>
                <th scope="col">{t('list.stage')}</th>
                <th scope="col">{t('chief.issues')}</th>
              </tr>
            </thead>
            <tbody>
              {d.blocking.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/proposals/${b.id}`}>{b.title}</Link> <span className="muted">{b.reference}</span>
                  </td>
                  <td>{stageLabel(b.stage)}</td>
                  <td>{blockingText(t, b)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.blocking.length} total={d.blockingTotal} what="moreBlocking" />
      </section>
    </>
  )
}
