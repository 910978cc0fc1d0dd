import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countRegister, listRegister } from '#db/register.server'
import { DueTag } from '~/components/monitoring/due-tag'
import { OUTCOMES } from '#machines/vocabulary/decision'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { dueState } from '~/utils/review-schedule'
import { RISK_BANDS } from '#machines/vocabulary/risk'
import { type Stage } from '#machines/vocabulary/stages'
import { REGISTER_SORTS, type RegisterSort } from '#machines/vocabulary/register'
import { formatDate, serviceDate } from '~/utils/calendar'
import {
  PAGE_SIZE,
  parseRegisterQuery,
  REGISTER_STAGES,
  registerFilter,
  registerSearch,
  type RegisterQuery,
} from '~/workflow/register/register-query'
import { DataTable } from '~/components/data-table'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'register')('title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const query = parseRegisterQuery(new URL(request.url).searchParams)
  const today = serviceDate(new Date())
  const filter = registerFilter(query, today)
  const rows = await listRegister(db, user.organisationId, { filter, sort: query.sort, dir: query.dir, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE })
  const total = await countRegister(db, user.organisationId, filter)
  return {
    query,
    total,
    rows: rows.map((r) => ({
      ...r,
      decidedOn: r.decidedAt ? serviceDate(new Date(r.decidedAt)) : null,
      dueState: r.stage === 'monitoring' && r.nextDueOn ? dueState(r.nextDueOn, today) : null,
    })),
  }
}

// The columns, in the order the register sorts by; each is named by its sort key in the 'register' catalogue.
function SortHeader({ query, sort }: { query: RegisterQuery; sort: RegisterSort }) {
  const { t } = useTranslation('register')
  const active = query.sort === sort
  const nextDir = active && query.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={registerSearch(query, { sort, dir: nextDir, page: 1 })}>
        {t(`columns.${sort}`)}
        {active ? <span> {query.dir === 'asc' ? t('ascending') : t('descending')}</span> : null}
      </Link>
    </th>
  )
}

export default function Register() {
  const { query, total, rows } = useLoaderData<typeof loader>()
  const { t } = useTranslation('register')
  const label = useVocabulary()
  const locale = useLocale()
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const filtered = Boolean(query.stage || query.risk || query.outcome || query.due || query.q)
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form method="get" className="filters" aria-label={t('filters.label')}>
        <div className="field">
          <label htmlFor="q">{t('filters.search')}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={200} />
        </div>
        <FilterSelect
          name="stage"
          label={t('filters.stage')}
          any={t('filters.anyStage')}
          value={query.stage}
          options={REGISTER_STAGES.map((s) => ({ value: s, label: label('stage', s) }))}
        />
        <FilterSelect
          name="risk"
          label={t('filters.risk')}
          any={t('filters.anyRisk')}
          value={query.risk}
          options={RISK_BANDS.map((b) => ({ value: b, label: label('riskBand', b) }))}
        />
        <FilterSelect
          name="outcome"
          label={t('filters.decision')}
          any={t('filters.anyDecision')}
          value={query.outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: label('decisionOutcome', o) }))}
        />
        <FilterSelect
          name="due"
          label={t('filters.nextReview')}
          any={t('filters.anyTime')}
          value={query.due}
          options={[
            { value: 'due', label: t('filters.due') },
            { value: 'overdue', label: t('filters.overdue') },
          ]}
        />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field">
          <button type="submit">{t('filters.show')}</button>
        </div>
      </Form>
      <p role="status">
        {filtered ? t('matching', { count: total }) : t('total', { count: total })}
        {filtered ? (
          <>
            {' '}
            · <Link to="/register">{t('clearFilters')}</Link>
          </>
        ) : null}{' '}
        · <a href={`/register.csv${registerSearch(query, { page: undefined })}`}>{t('downloadCsv')}</a>
      </p>
      {rows.length ? (
        <DataTable caption={t('caption', { page: query.page, pages, column: t(`columns.${query.sort}`) })} captionHidden>
          <thead>
            <tr>
              {REGISTER_SORTS.map((sort) => (
                <SortHeader key={sort} query={query} sort={sort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.reference}</td>
                <td>
                  <Link to={`/proposals/${r.id}`}>{r.title}</Link>
                </td>
                <td>
                  {r.partner}
                  {r.contractor ? <span className="muted"> {t('deliveredBy', { contractor: r.contractor })}</span> : null}
                </td>
                <td>{label('stage', r.stage as Stage)}</td>
                <td>{r.risk ? label('riskBand', r.risk) : <span className="muted">{t('notScreened')}</span>}</td>
                <td>
                  {r.outcome ? (
                    <>
                      {label('decisionOutcome', r.outcome as (typeof OUTCOMES)[number])}
                      {r.decidedOn ? <span className="muted">, {formatDate(r.decidedOn, locale)}</span> : null}
                    </>
                  ) : (
                    <span className="muted">{t('notDecided')}</span>
                  )}
                </td>
                <td>
                  {r.nextDueOn && r.dueState ? (
                    <>
                      {formatDate(r.nextDueOn, locale)} <DueTag state={r.dueState} />
                    </>
                  ) : r.nextDueOn ? (
                    <span className="muted">{t('onceMonitoringResumes', { date: formatDate(r.nextDueOn, locale) })}</span>
                  ) : (
                    <span className="muted">{t('none')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t('noMatch')}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t('pages.label')}>
          <ul className="pagination">
            {query.page > 1 ? (
              <li>
                <Link to={registerSearch(query, { page: query.page - 1 })}>{t('pages.previous')}</Link>
              </li>
            ) : null}
            <li aria-current="page">{t('pages.current', { page: query.page, pages })}</li>
            {query.page < pages ? (
              <li>
                <Link to={registerSearch(query, { page: query.page + 1 })}>{t('pages.next')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}

/** One of the register's filters: a select whose empty choice means "any". */
function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string
  label: string
  any: string
  value: string | undefined
  options: { value: string; label: string }[]
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
