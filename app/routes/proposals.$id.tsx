import { type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData, type MetaFunction } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { pageTitle } from '~/utils/meta'
import { stageLabel } from '#machines/vocabulary/labels'
import { requireProposal } from '~/workflow/proposal-access.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.proposal.title ?? 'Proposal')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await requireProposal(request, params)
  return {
    proposal: {
      id: proposal.id,
      reference: proposal.reference,
      title: proposal.title,
      partner: proposal.partner,
      contractor: proposal.contractor,
      stage: proposal.stage,
    },
  }
}

/** The sections of a proposal, in the order the process runs. */
const SECTIONS = [
  { to: '.', label: 'Overview', end: true },
  { to: 'screening', label: 'Ethics screening', end: false },
  { to: 'consultation', label: 'Consultation', end: false },
  { to: 'decision', label: 'Decision', end: false },
  { to: 'monitoring', label: 'Monitoring', end: false },
]

export default function ProposalLayout() {
  const { proposal } = useLoaderData<typeof loader>()
  return (
    <>
      <p className="muted">
        {proposal.reference} · <span className="tag">{stageLabel(proposal.stage)}</span>
      </p>
      <h1>{proposal.title}</h1>
      <p>
        Partner: <strong>{proposal.partner}</strong>
        {proposal.contractor ? (
          <>
            {' '}
            · delivered by <strong>{proposal.contractor}</strong>
          </>
        ) : null}
      </p>
      <nav aria-label="Proposal sections" className="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end} prefetch="intent">
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
