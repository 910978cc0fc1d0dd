import { type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { BilingualText } from '~/components/bilingual-text'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useVocabulary } from '~/utils/vocabulary'
import { type Stage } from '#machines/vocabulary/stages'
import { VulnerableNotice } from '~/components/vulnerable-notice'
import { affectedGroups } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { canSeePapers } from '~/workflow/screening/access'
import { stagesOnce } from '~/workflow/proposal-stages.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = metaLocale(matches)
  const title = locale === 'cy' && data?.proposal.titleCy ? data.proposal.titleCy : data?.proposal.title
  return pageTitle(title ?? fixedT(locale, 'proposal')('layout.fallbackTitle'))
}

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
      titleCy: proposal.titleCy,
      partner: proposal.partner,
      contractor: proposal.contractor,
      stage: proposal.stage,
    },
  }
}

/** The sections of a proposal, in the order the process runs; a stage's section shows only if the proposal has a part in it. */
const SECTIONS = [
  { to: '.', label: 'overview', end: true },
  { to: 'screening', label: 'screening', end: false, stage: 'screening' },
  { to: 'consultation', label: 'consultation', end: false, stage: 'consultation' },
  { to: 'decision', label: 'decision', end: false, stage: 'decision' },
  { to: 'monitoring', label: 'monitoring', end: false, stage: 'monitoring' },
] as const satisfies readonly { to: string; label: string; end: boolean; stage?: Stage }[]

export default function ProposalLayout() {
  const { proposal, stages, affected } = useLoaderData<typeof loader>()
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  const sections = SECTIONS.filter((s) => !('stage' in s) || stages.includes(s.stage))
  return (
    <>
      <p className="muted">
        {proposal.reference} · <span className="tag">{label('stage', proposal.stage as Stage)}</span>
      </p>
      <BilingualText
        en={proposal.title}
        cy={proposal.titleCy}
        first={(text, lang) => <h1 lang={lang}>{text}</h1>}
        second={(text, lang) => (
          <p className="muted" lang={lang}>
            {text}
          </p>
        )}
      />
      <p>
        {t('layout.partner')} <strong>{proposal.partner}</strong>
        {proposal.contractor ? (
          <>
            {' · '}
            {t('layout.deliveredBy')} <strong>{proposal.contractor}</strong>
          </>
        ) : null}
      </p>
      {affected ? <VulnerableNotice affected={affected} id="vulnerable-heading" /> : null}
      <nav aria-label={t('layout.sections')} className="subnav">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end} prefetch="intent">
                {t(`layout.section.${s.label}`)}
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
