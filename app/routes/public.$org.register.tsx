import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { findOrganisationBySlug, listPublicRegister } from '#db/register.server'
import { type Outcome } from '#machines/vocabulary/decision'
import { outcomeLabel, stageLabel } from '#machines/vocabulary/labels'
import { getDb } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { PAGE_SIZE } from '~/workflow/register/register-query'
import { formatDate, serviceDate } from '~/utils/calendar'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `Register of partnerships: ${data.organisation}` : 'Register not found')

/**
 * A library service's approved partnerships, for anyone to read: what each
 * signed decision published, and a link to verify the signed record. Off
 * unless the service turns it on; a service that has not is simply not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.org ?? ''
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound('No such register')
  const db = await getDb()
  const organisation = await findOrganisationBySlug(db, slug)
  if (!organisation?.settings.publicRegister) notFound('No such register')
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page')) || 1)))
  const { rows, total } = await listPublicRegister(db, organisation.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  return {
    organisation: organisation.name,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    partnerships: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      partner: r.partner,
      contractor: r.contractor,
      stage: r.stage,
      outcome: r.outcome as Outcome,
      decidedOn: r.decidedAt ? serviceDate(new Date(r.decidedAt)) : null,
      summary: r.rationale ?? '',
      conditions: (r.conditions ?? []).map((c) => c.text),
      recordId: r.recordId,
    })),
  }
}

export default function PublicRegister() {
  const { organisation, partnerships, page, pages, total } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Register of partnerships</h1>
      <p className="muted">{organisation}</p>
      <p>
        The commercial partnerships this library service has approved, with the reasons it published when it decided.
        Each decision is a signed record that anyone can check has not been altered.
      </p>
      {total === 0 ? (
        <p>No partnerships have been approved yet.</p>
      ) : (
        <p>
          {total.toLocaleString('en-GB')} {total === 1 ? 'partnership' : 'partnerships'}, the most recently decided first.
        </p>
      )}
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
              {outcomeLabel(p.outcome)}
              {p.decidedOn ? ` on ${formatDate(p.decidedOn)}` : ''}
            </dd>
            <dt>Now</dt>
            <dd>{stageLabel(p.stage)}</dd>
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
          {p.recordId ? (
            <p>
              <Link to={`/verify/${p.recordId}`}>Check the signed decision record for {p.reference}</Link>
            </p>
          ) : null}
        </section>
      ))}
      {pages > 1 ? (
        <nav aria-label="Register pages">
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={`?page=${page - 1}`}>Previous page</Link>
              </li>
            ) : null}
            <li aria-current="page">
              Page {page} of {pages}
            </li>
            {page < pages ? (
              <li>
                <Link to={`?page=${page + 1}`}>Next page</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
