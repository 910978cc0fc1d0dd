import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { stageLabel } from '#machines/vocabulary/labels'
import { type Stage } from '#machines/vocabulary/stages'
import { formatDate } from '~/utils/calendar'
import { type StageClosed } from '~/workflow/proposal-stages.server'
import { GeneralErrorBoundary } from './error-boundary'

const CLOSED: Partial<Record<Stage, { title: string; lead: string }>> = {
  screening: { title: 'Not screened', lead: 'This proposal was not screened' },
  consultation: { title: 'No consultation', lead: 'This proposal was not consulted on' },
  decision: { title: 'No decision', lead: 'No decision will be taken on this proposal' },
  monitoring: { title: 'Not monitored', lead: 'This partnership is not monitored' },
}

/** The plain page a stage's address shows when the proposal never reached that stage and never will. */
export function StageClosedPage({ closed }: { closed: StageClosed }) {
  const words = CLOSED[closed.stage] ?? { title: stageLabel(closed.stage), lead: `This proposal has no ${stageLabel(closed.stage).toLowerCase()} stage` }
  const when = closed.endedAt ? ` on ${formatDate(new Date(closed.endedAt))}` : ''
  return (
    <section aria-labelledby="stage-closed-heading">
      <h2 id="stage-closed-heading">{words.title}</h2>
      <p>
        {words.lead}: it was {stageLabel(closed.endedAs).toLowerCase()}
        {when}.
      </p>
      <p>
        <Link to="..">See the proposal’s overview and history</Link>
      </p>
    </section>
  )
}

function isStageClosed(value: unknown): value is StageClosed {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'stage-closed'
}

/** A stage's error boundary: the plain "not monitored" page for a stage the proposal has no part in, else the usual error page. */
export function StageErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && isStageClosed(error.data)) return <StageClosedPage closed={error.data} />
  return <GeneralErrorBoundary />
}
