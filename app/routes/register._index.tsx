import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { countRegister, listRegister } from '#db/register.server'
import { DueTag } from '~/components/monitoring/due-tag'
import { OUTCOMES } from '#machines/vocabulary/decision'
import { outcomeLabel, RISK_BAND_LABELS, stageLabel } from '#machines/vocabulary/labels'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { dueState } from '~/utils/review-schedule'
import { RISK_BANDS } from '#machines/vocabulary/risk'
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

export const meta: MetaFunction = () => pageTitle('Partnership register')

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

const COLUMNS: { sort: RegisterQuery['sort'] | null; label: string }[] = [
  { sort: 'reference', label: 'Reference' },
  { sort: 'title', label: 'Partnership' },
  { sort: 'partner', label: 'Partner' },
  { sort: 'stage', label: 'Stage' },
  { sort: 'risk', label: 'Risk band' },
  { sort: 'decided', label: 'Decision' },
  { sort: 'next_review', label: 'Next review' },
]

function SortHeader({ query, sort, label }: { query: RegisterQuery; sort: RegisterQuery['sort']; label: string }) {
  const active = query.sort === sort
  const nextDir = active && query.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={registerSearch(query, { sort, dir: nextDir, page: 1 })}>
        {label}
        {active ? <span> ({query.dir === 'asc' ? 'ascending' : 'descending'})</span> : null}
      </Link>
    </th>
  )
}

export default function Register() {
  const { query, total, rows } = useLoaderData<typeof loader>()
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const filtered = Boolean(query.stage || query.risk || query.outcome || query.due || query.q)
  return (
    <>
      <h1>Partnership register</h1>
      <p>
        Every proposal the service has considered, with where it stands, its screened risk, the signed decision and the
        next monitoring review. Drafts are not listed until they are submitted.
      </p>
      <Form method="get" className="filters" aria-label="Filter the register">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={200} />
        </div>
        <FilterSelect
          name="stage"
          label="Stage"
          any="Any stage"
          value={query.stage}
          options={REGISTER_STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
        />
        <FilterSelect
          name="risk"
          label="Risk band"
          any="Any risk"
          value={query.risk}
          options={RISK_BANDS.map((b) => ({ value: b, label: RISK_BAND_LABELS[b] }))}
        />
        <FilterSelect
          name="outcome"
          label="Decision"
          any="Any decision"
          value={query.outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
        />
        <FilterSelect
          name="due"
          label="Next review"
          any="Any time"
          value={query.due}
          options={[
            { value: 'due', label: 'Due within 30 days or overdue' },
            { value: 'overdue', label: 'Overdue' },
          ]}
        />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field">
          <button type="submit">Show</button>
        </div>
      </Form>
      <p role="status">
        {total.toLocaleString('en-GB')} {total === 1 ? 'proposal' : 'proposals'}
        {filtered ? ' match' : ''}
        {filtered ? (
          <>
            {' '}
            · <Link to="/register">Clear the filters</Link>
          </>
        ) : null}{' '}
        · <a href={`/register.csv${registerSearch(query, { page: undefined })}`}>Download as CSV</a>
      </p>
      {rows.length ? (
        <DataTable caption={<>Partnership register, page {query.page} of {pages}, sorted by {COLUMNS.find((c) => c.sort === query.sort)?.label}</>} captionHidden>
          <thead>
            <tr>
              {COLUMNS.map((c) => (c.sort ? <SortHeader key={c.label} query={query} sort={c.sort} label={c.label} /> : null))}
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
                  {r.contractor ? <span className="muted"> (delivered by {r.contractor})</span> : null}
                </td>
                <td>{stageLabel(r.stage)}</td>
                <td>{r.risk ? RISK_BAND_LABELS[r.risk] : <span className="muted">Not screened</span>}</td>
                <td>
                  {r.outcome ? (
                    <>
                      {outcomeLabel(r.outcome as (typeof OUTCOMES)[number])}
                      {r.decidedOn ? <span className="muted">, {formatDate(r.decidedOn)}</span> : null}
                    </>
                  ) : (
                    <span className="muted">Not decided</span>
                  )}
                </td>
                <td>
                  {r.nextDueOn && r.dueState ? (
                    <>
                      {formatDate(r.nextDueOn)} <DueTag state={r.dueState} />
                    </>
                  ) : r.nextDueOn ? (
                    <span className="muted">{formatDate(r.nextDueOn)}, once monitoring resumes</span>
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>No proposals match.</p>
      )}
      {pages > 1 ? (
        <nav aria-label="Register pages">
          <ul className="pagination">
            {query.page > 1 ? (
              <li>
                <Link to={registerSearch(query, { page: query.page - 1 })}>Previous page</Link>
              </li>
            ) : null}
            <li aria-current="page">
              Page {query.page} of {pages}
            </li>
            {query.page < pages ? (
              <li>
                <Link to={registerSearch(query, { page: query.page + 1 })}>Next page</Link>
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
