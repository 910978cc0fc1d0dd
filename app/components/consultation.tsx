import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { CATEGORY_LABELS } from '~/workflow/consultation/forms'
import { formatDate } from '~/utils/calendar'
import { type ConcernCategory } from '#machines/vocabulary/consultation'

/** How each region's state reads on screen; the words carry the meaning, the tag only frames it. */
export const PB_STATE_LABELS: Record<string, string> = {
  notStarted: 'Starts after ethics screening',
  notRequested: 'Not yet requested',
  awaitingResponse: 'Awaiting a response',
  answering: 'Answering recommendations',
  done: 'Complete',
}

export const STAFF_STATE_LABELS: Record<string, string> = {
  notStarted: 'Starts after ethics screening',
  notOpened: 'Not yet open',
  open: 'Open',
  done: 'Complete',
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
  if (papers.length === 0) return null
  return (
    <>
      <p className="label">{label}</p>
      <ul>
        {papers.map((p) => (
          <li key={p.id}>
            <a href={`/proposals/${proposalId}/attachments/${p.id}`}>{p.filename}</a>{' '}
            <span className="muted">
              ({Math.max(1, Math.round(p.size / 1024)).toLocaleString('en-GB')} KB)
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
  if (r.answer === 'accepted')
    return (
      <p>
        <strong>Accepted</strong>: it becomes a condition of the decision.
      </p>
    )
  if (r.answer === 'not_accepted') {
    return (
      <p>
        <strong>Not accepted</strong>: {r.rationale}
      </p>
    )
  }
  return <p className="muted">Not yet answered.</p>
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

function endorsementText(c: Pick<ConcernItem, 'endorsements' | 'endorsers'>) {
  const count = c.endorsements === 1 ? '1 endorsement' : `${c.endorsements} endorsements`
  if (c.endorsers.length === 0) return count
  const others = c.endorsements - c.endorsers.length
  return `${count}: ${c.endorsers.join(', ')}${others > 0 ? ` and ${others} anonymously` : ''}`
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
  const headingId = `concern-${c.id}-heading`
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <article className="concern" id={`concern-${c.id}`} aria-labelledby={headingId}>
      <Heading id={headingId}>
        Concern {number}: {CATEGORY_LABELS[c.category]}
      </Heading>
      <p className="muted">
        Raised {c.author ? <>by {c.author}</> : 'anonymously'} on {formatDate(c.raisedOn)}
        {c.mine ? ' · you raised this concern' : ''}
      </p>
      {c.hiddenReason !== null ? (
        <p className="notice warning">
          Hidden for breaking the code of conduct. Reason given: {c.hiddenReason}
        </p>
      ) : (
        <p className="concern-text">{c.text}</p>
      )}
      <p>
        {endorsementText(c)}
        {c.endorsed ? ' · you have endorsed it' : ''}
      </p>
      {c.response !== null ? (
        <div className="concern-response">
          <p className="label">Response{c.respondedOn ? `, ${formatDate(c.respondedOn)}` : ''}</p>
          <p>{c.response}</p>
          {c.condition ? (
            <p>
              <strong>Condition carried into the decision:</strong> {c.condition}
            </p>
          ) : null}
        </div>
      ) : c.hiddenReason === null ? (
        <p className="muted">Awaiting a response.</p>
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
