import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { formatDate } from '~/utils/calendar'
import { formatNumber } from '~/utils/format'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/utils/locale'
import { type ConcernCategory } from '#machines/vocabulary/consultation'

/** How each region's state reads on screen; the words carry the meaning, the tag only frames it. */
const PB_STATES = ['notStarted', 'notRequested', 'awaitingResponse', 'answering', 'done'] as const
const STAFF_STATES = ['notStarted', 'notOpened', 'open', 'done'] as const

export function usePbStateLabel() {
  const { t } = useTranslation('consultation')
  return (state: string) => (isOneOf(PB_STATES, state) ? t(`pbState.${state}`) : state)
}

export function useStaffStateLabel() {
  const { t } = useTranslation('consultation')
  return (state: string) => (isOneOf(STAFF_STATES, state) ? t(`staffState.${state}`) : state)
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** A concern's category in the page's language. */
export function useCategoryLabel() {
  const { t } = useTranslation('consultation')
  return (category: ConcernCategory) => t(`category.${category}`)
}

/** The page's language, for dates and numbers. */
export function usePageLocale(): Locale {
  const { i18n } = useTranslation()
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE
}

export function StateTag({ label, done }: { label: string; done: boolean }) {
  return <span className={done ? 'tag green' : 'tag'}>{label}</span>
}

export type Paper = { id: string; filename: string; size: number }

export function PapersList({
  proposalId,
  papers,
  label,
}: {
  proposalId: string
  papers: Paper[]
  label: string
}) {
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  if (papers.length === 0) return null
  return (
    <>
      <p className="label">{label}</p>
      <ul>
        {papers.map((p) => (
          <li key={p.id}>
            <a href={`/proposals/${proposalId}/attachments/${p.id}`}>{p.filename}</a>{' '}
            <span className="muted">
              {t('papers.size', { size: formatNumber(locale, Math.max(1, Math.round(p.size / 1024))) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

export type RecommendationItem = {
  id: string
  position: number
  text: string
  answer: 'accepted' | 'not_accepted' | null
  rationale: string | null
}

export function RecommendationAnswer({ r }: { r: RecommendationItem }) {
  const { t } = useTranslation('consultation')
  if (r.answer === 'accepted')
    return (
      <p>
        <Trans t={t} i18nKey="recommendation.accepted" components={{ strong: <strong /> }} />
      </p>
    )
  if (r.answer === 'not_accepted') {
    return (
      <p>
        <strong>{t('recommendation.notAccepted')}</strong>: {r.rationale}
      </p>
    )
  }
  return <p className="muted">{t('recommendation.notAnswered')}</p>
}

export type ConcernItem = {
  id: string
  category: ConcernCategory
  text: string | null
  author: string | null
  raisedOn: string
  endorsements: number
  endorsers: string[]
  response: string | null
  condition: string | null
  respondedOn: string | null
  hiddenReason: string | null
  mine: boolean
  endorsed: boolean
}

/** "3 endorsements: Ann, Bob and 1 anonymously": named endorsers by name, the others only counted. */
export function useEndorsementText() {
  const { t } = useTranslation('consultation')
  return (c: Pick<ConcernItem, 'endorsements' | 'endorsers'>) => {
    const endorsements = t('concern.endorsements', { count: c.endorsements })
    if (c.endorsers.length === 0) return endorsements
    const anonymous = c.endorsements - c.endorsers.length
    const names = c.endorsers.join(', ')
    return anonymous > 0
      ? t('concern.endorsersAndAnonymous', { endorsements, names, anonymous })
      : t('concern.endorsers', { endorsements, names })
  }
}

/** One concern as everyone in the service sees it; `children` holds the viewer's own actions. */
export function ConcernCard({
  concern: c,
  number,
  headingLevel = 4,
  children,
}: {
  concern: ConcernItem
  number: number
  headingLevel?: 3 | 4
  children?: ReactNode
}) {
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const category = useCategoryLabel()
  const endorsementText = useEndorsementText()
  const headingId = `concern-${c.id}-heading`
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const date = formatDate(c.raisedOn, locale)
  return (
    <article className="concern" id={`concern-${c.id}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{t('concern.heading', { number, category: category(c.category) })}</Heading>
      <p className="muted">
        {c.author ? t('concern.raisedBy', { author: c.author, date }) : t('concern.raisedAnonymously', { date })}
        {c.mine ? t('concern.mine') : ''}
      </p>
      {c.hiddenReason !== null ? (
        <p className="notice warning">{t('concern.hidden', { reason: c.hiddenReason })}</p>
      ) : (
        <p className="concern-text">{c.text}</p>
      )}
      <p>
        {endorsementText(c)}
        {c.endorsed ? t('concern.endorsed') : ''}
      </p>
      {c.response !== null ? (
        <div className="concern-response">
          <p className="label">
            {c.respondedOn ? t('concern.responseOn', { date: formatDate(c.respondedOn, locale) }) : t('concern.response')}
          </p>
          <p>{c.response}</p>
          {c.condition ? (
            <p>
              <strong>{t('concern.conditionLabel')}</strong> {c.condition}
            </p>
          ) : null}
        </div>
      ) : c.hiddenReason === null ? (
        <p className="muted">{t('concern.awaiting')}</p>
      ) : null}
      {children}
    </article>
  )
}

export function ConsultationLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className="button secondary">
        {children}
      </Link>
    </p>
  )
}
