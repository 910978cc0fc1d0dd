import { type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData, type MetaFunction } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { pageTitle } from '~/utils/meta'
import { stageLabel } from '#machines/vocabulary/labels'
import { type Stage } from '#machines/vocabulary/stages'
import { VulnerableNotice } from '~/components/vulnerable-notice'
import { affectedGroups } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { canSeePapers } from '~/workflow/screening/access'
import { stagesOnce } from '~/workflow/proposal-stages.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.proposal.title ?? 'Proposal')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const [{ stages }, affected] = await Promise.all([
    stagesOnce(request, db, proposal),
    // Part of the papers: a reviewer who has not yet declared a conflict sees only the title, partner and contractor.
    canSeePapers(snapshot, user.id) ? affectedGroups(db, proposal.id) : null,
  ])
  return {
    stages: [...stages],
    affected,
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

/** The sections of a proposal, in the order the process runs; a stage's section shows only if the proposal has a part in it. */
const SECTIONS: { to: string; label: string; end: boolean; stage?: Stage }[] = [
  { to: '.', label: 'Overview', end: true },
  { to: 'screening', label: 'Ethics screening', end: false, stage: 'screening' },
  { to: 'consultation', label: 'Consultation', end: false, stage: 'consultation' },
  { to: 'decision', label: 'Decision', end: false, stage: 'decision' },
  { to: 'monitoring', label: 'Monitoring', end: false, stage: 'monitoring' },
]

export default function ProposalLayout() {
  const { proposal, stages, affected } = useLoaderData<typeof loader>()
  const sections = SECTIONS.filter((s) => !s.stage || stages.includes(s.stage))
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
      {affected ? <VulnerableNotice affected={affected} id="vulnerable-heading" /> : null}
      <nav aria-label="Proposal sections" className="subnav">
        <ul>
          {sections.map((s) => (
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
