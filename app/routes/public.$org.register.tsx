import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listPublicDecisions } from '#db/public-register.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatDate, serviceDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { parsePublicRegisterRequest, publishedService } from '~/workflow/register/public-register.server'
import { PAGE_SIZE } from '~/workflow/register/register-query'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'public')
  return pageTitle(data ? t('register.titleOf', { organisation: data.organisation }) : t('register.notFound'))
}

/**
 * A library service's signed partnership decisions, for anyone to read:
 * approvals, approvals with conditions and rejections, with the reasons and
 * conditions each signed record published, its addenda, and a link to verify
 * it. Off unless the service turns it on; a service that has not is simply
 * not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = parsePublicRegisterRequest(request, params.org)
  const { db, organisation } = await publishedService(query.slug, request)
  const { rows, total } = await listPublicDecisions(db, organisation.id, {
    q: query.q || undefined,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  })
  return {
    organisation: organisation.name,
    slug: organisation.slug,
    q: query.q,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    partnerships: rows.map((r) => ({
      id: r.recordId,
      reference: r.reference,
      recordReference: r.recordReference,
      title: r.title,
      partner: r.partner,
      contractor: r.contractor,
      outcome: r.outcome,
      decidedOn: serviceDate(new Date(r.signedAt)),
      summary: r.rationale,
      conditions: r.conditions,
      recordId: r.recordId,
      addenda: r.addenda.map((a) => ({ id: a.id, reference: a.reference, signedOn: serviceDate(new Date(a.signedAt)) })),
    })),
  }
}

export default function PublicRegister() {
  const { organisation, slug, q, partnerships, page, pages, total } = useLoaderData<typeof loader>()
  const { t } = useTranslation('public')
  const label = useVocabulary()
  const locale = useLocale()
  const withQuery = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p className="muted">{organisation}</p>
      <p>{t('register.intro')}</p>
      <Form method="get" role="search" aria-label={t('register.searchLabel')}>
        <label htmlFor="register-q">{t('register.searchBy')}</label>
        <div className="search-row">
          <input id="register-q" name="q" type="search" defaultValue={q} maxLength={100} />
          <button type="submit">{t('register.search')}</button>
        </div>
      </Form>
      <p>
        {q ? t('register.downloadThese') : t('register.downloadEvery')}{' '}
        <a href={`/public/${slug}/register.csv${q ? withQuery({}) : ''}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/public/${slug}/register.json${q ? withQuery({}) : ''}`}>JSON</a>
      </p>
      <p role="status">
        {total === 0
          ? q
            ? t('register.noMatch', { q })
            : t('register.noneSigned')
          : q
            ? t('register.matching', { count: total, q })
            : t('register.total', { count: total })}
      </p>
      {partnerships.map((p) => (
        <section key={p.id} aria-labelledby={`p-${p.id}`} className="panel">
          <h2 id={`p-${p.id}`}>{p.title}</h2>
          <dl className="facts">
            <dt>{t('register.reference')}</dt>
            <dd>{p.reference}</dd>
            <dt>{t('register.partner')}</dt>
            <dd>
              {p.partner}
              {p.contractor ? t('register.deliveredBy', { contractor: p.contractor }) : ''}
            </dd>
            <dt>{t('register.decision')}</dt>
            <dd>{t('register.decidedOn', { outcome: label('decisionOutcome', p.outcome), date: formatDate(p.decidedOn, locale) })}</dd>
            <dt>{t('register.why')}</dt>
            <dd className="pre-line">{p.summary}</dd>
            {p.conditions.length ? (
              <>
                <dt>{t('register.conditions')}</dt>
                <dd>
                  <ul>
                    {p.conditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <Link to={`/verify/${p.recordId}`}>{t('register.checkRecord', { reference: p.recordReference })}</Link>
          </p>
          {p.addenda.length ? (
            <>
              <h3>{t('register.addenda')}</h3>
              <ul>
                {p.addenda.map((a) => (
                  <li key={a.id}>
                    <Link to={`/verify/${a.id}`}>{t('register.addendumSignedOn', { reference: a.reference, date: formatDate(a.signedOn, locale) })}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {pages > 1 ? (
        <nav aria-label={t('register.pages.label')}>
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={withQuery({ page: String(page - 1) })}>{t('register.pages.previous')}</Link>
              </li>
            ) : null}
            <li aria-current="page">{t('register.pages.current', { page, pages })}</li>
            {page < pages ? (
              <li>
                <Link to={withQuery({ page: String(page + 1) })}>{t('register.pages.next')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
