import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type Stage } from '#machines/vocabulary/stages'
import { formatDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { type StageClosed } from '~/workflow/proposal-stages.server'
import { GeneralErrorBoundary } from './error-boundary'

const CLOSED = ['screening', 'consultation', 'decision', 'monitoring'] as const satisfies readonly Stage[]
const hasOwnWords = (stage: Stage): stage is (typeof CLOSED)[number] => (CLOSED as readonly Stage[]).includes(stage)

/** The plain page a stage's address shows when the proposal never reached that stage and never will. */
export function StageClosedPage({ closed }: { closed: StageClosed }) {
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  const locale = useLocale()
  const stage = closed.stage
  const words = hasOwnWords(stage)
    ? { title: t(`closed.${stage}.title`), lead: t(`closed.${stage}.lead`) }
    : { title: label('stage', stage), lead: t('closed.otherLead', { stage: label('stage', stage).toLowerCase() }) }
  const endedAs = label('stage', closed.endedAs as Stage).toLowerCase()
  return (
    <section aria-labelledby="stage-closed-heading">
      <h2 id="stage-closed-heading">{words.title}</h2>
      <p>
        {closed.endedAt
          ? t('closed.endedAsOn', { lead: words.lead, endedAs, date: formatDate(new Date(closed.endedAt), locale) })
          : t('closed.endedAs', { lead: words.lead, endedAs })}
      </p>
      <p>
        <Link to="..">{t('closed.overview')}</Link>
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
