import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listPublicDecisions } from '#db/public-register.server'
import { outcomeLabel } from '#machines/vocabulary/labels'
import { pageTitle } from '~/utils/meta'
import { formatDate, serviceDate } from '~/utils/calendar'
import { parsePublicRegisterRequest, publishedService } from '~/workflow/register/public-register.server'
import { PAGE_SIZE } from '~/workflow/register/register-query'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `Register of partnership decisions: ${data.organisation}` : 'Register not found')

/**
 * A library service's signed partnership decisions, for anyone to read:
 * approvals, approvals with conditions and rejections, with the reasons and
 * conditions each signed record published, its addenda, and a link to verify
 * it. Off unless the service turns it on; a service that has not is simply
 * not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = parsePublicRegisterRequest(request, params.org)
  const { db, organisation } = await publishedService(query.slug)
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
  const withQuery = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`
  return (
    <>
      <h1>Register of partnership decisions</h1>
      <p className="muted">{organisation}</p>
      <p>
        Every commercial partnership this library service has decided on, approved or rejected, with the reasons and
        conditions it published when it decided. Each decision is a signed record that anyone can check has not been
        altered.
      </p>
      <Form method="get" role="search" aria-label="Search the register">
        <label htmlFor="register-q">Search by reference, partnership or partner</label>
        <div className="search-row">
          <input id="register-q" name="q" type="search" defaultValue={q} maxLength={100} />
          <button type="submit">Search</button>
        </div>
      </Form>
      <p>
        Download {q ? 'these decisions' : 'every decision'}:{' '}
        <a href={`/public/${slug}/register.csv${q ? withQuery({}) : ''}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/public/${slug}/register.json${q ? withQuery({}) : ''}`}>JSON</a>
      </p>
      <p role="status">
        {total === 0
          ? q
            ? `No decision matches “${q}”.`
            : 'No decisions have been signed yet.'
          : `${total.toLocaleString('en-GB')} ${total === 1 ? 'decision' : 'decisions'}${q ? ` matching “${q}”` : ''}, the most recently signed first.`}
      </p>
      {partnerships.map((p) => (
        <section key={p.id} aria-labelledby={`p-${p.id}`} className="panel">
          <h2 id={`p-${p.id}`}>{p.title}</h2>
          <dl className="facts">
            <dt>Reference</dt>
            <dd>{p.reference}</dd>
            <dt>Partner</dt>
            <dd>
              {p.partner}
              {p.contractor ? `, delivered by ${p.contractor}` : ''}
            </dd>
            <dt>Decision</dt>
            <dd>
              {outcomeLabel(p.outcome)} on {formatDate(p.decidedOn)}
            </dd>
            <dt>Why</dt>
            <dd className="pre-line">{p.summary}</dd>
            {p.conditions.length ? (
              <>
                <dt>Conditions</dt>
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
            <Link to={`/verify/${p.recordId}`}>Check the signed decision record {p.recordReference}</Link>
          </p>
          {p.addenda.length ? (
            <>
              <h3>Later signed addenda</h3>
              <ul>
                {p.addenda.map((a) => (
                  <li key={a.id}>
                    <Link to={`/verify/${a.id}`}>
                      {a.reference}, signed on {formatDate(a.signedOn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {pages > 1 ? (
        <nav aria-label="Register pages">
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={withQuery({ page: String(page - 1) })}>Previous page</Link>
              </li>
            ) : null}
            <li aria-current="page">
              Page {page} of {pages}
            </li>
            {page < pages ? (
              <li>
                <Link to={withQuery({ page: String(page + 1) })}>Next page</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
