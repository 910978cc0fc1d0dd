import { Link } from '@remix-run/react'
import { DueTag } from '~/components/monitoring/due-tag'
import { stageLabel } from '#machines/vocabulary/labels'
import { formatDate } from '~/utils/calendar'
import { type ChiefDashboard } from '~/workflow/dashboards/dashboards.server'
import { OUTCOME_LABELS, TRIGGER_LABELS } from '#machines/vocabulary/monitoring'
import { DataTable } from '~/components/data-table'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** Under a shortened list: how many there are in all, and where to see them. */
function More({ shown, total, one, many, to }: { shown: number; total: number; one: string; many: string; to?: string }) {
  if (total <= shown) return null
  return (
    <p>
      The first {shown} of {plural(total, one, many)}.{' '}
      {to ? <Link to={to}>See them all in the partnership register</Link> : null}
    </p>
  )
}

function blockingText(b: ChiefDashboard['blocking'][number]) {
  return [
    b.privacy ? `${plural(b.privacy, 'required privacy protection')} found missing` : null,
    b.concerns ? `${plural(b.concerns, 'staff concern')} unanswered` : null,
    b.recommendations ? `${plural(b.recommendations, 'recommendation')} unanswered` : null,
  ]
    .filter(Boolean)
    .join('; ')
}

/** The chief librarian's view of the whole service: where every proposal stands and what needs acting on. */
export function ChiefDashboardSections({ d }: { d: ChiefDashboard }) {
  return (
    <>
      <section aria-labelledby="chief-heading" className="panel">
        <h2 id="chief-heading">Your proposals</h2>
        <h3>Every proposal by stage</h3>
        {d.byStage.length === 0 ? (
          <p>No proposals yet.</p>
        ) : (
          <ul className="dashboard-counts">
            {d.byStage.map((s) => (
              <li key={s.stage}>
                <strong>{s.n}</strong>
                {s.stage === 'draft' ? (
                  stageLabel(s.stage)
                ) : (
                  <Link to={`/register?stage=${s.stage}`}>{stageLabel(s.stage)}</Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>Yours in progress</h3>
        {d.mine.length === 0 ? (
          <p>None of your proposals is in progress.</p>
        ) : (
          <ul>
            {d.mine.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}`}>{p.title}</Link> <span className="muted">({p.reference}, {stageLabel(p.stage)})</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/register">Open the partnership register</Link>
        </p>
      </section>

      <section aria-labelledby="due-heading" className="panel">
        <h2 id="due-heading">Reviews due and overdue</h2>
        {d.reviewsDue.length === 0 ? (
          <p>No monitoring review is due in the next 30 days.</p>
        ) : (
          <DataTable caption="Monitoring reviews due in the next 30 days or overdue" captionHidden>
            <thead>
              <tr>
                <th scope="col">Partnership</th>
                <th scope="col">Review</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Responsible</th>
              </tr>
            </thead>
            <tbody>
              {d.reviewsDue.map((r) => (
                <tr key={r.id} className={r.state === 'overdue' ? 'flagged' : undefined}>
                  <td>
                    <Link to={`/proposals/${r.id}/monitoring`}>{r.title}</Link> <span className="muted">{r.reference}</span>
                  </td>
                  <td>Review {r.slot}</td>
                  <td>{formatDate(r.dueOn)}</td>
                  <td>
                    <DueTag state={r.state} />
                  </td>
                  <td>{r.responsible}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.reviewsDue.length} total={d.reviewsDueTotal} one="review due or overdue" many="reviews due or overdue" to="/register?due=due&sort=next_review" />
      </section>

      <section aria-labelledby="reassessment-heading" className="panel">
        <h2 id="reassessment-heading">Partnerships in reassessment</h2>
        {d.reassessing.length === 0 ? (
          <p>No partnership is being reassessed or is suspended.</p>
        ) : (
          <DataTable caption="Partnerships being reassessed or suspended" captionHidden>
            <thead>
              <tr>
                <th scope="col">Partnership</th>
                <th scope="col">Stage</th>
                <th scope="col">Why</th>
                <th scope="col">Since</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {d.reassessing.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/proposals/${r.id}/monitoring/reassessment`}>{r.title}</Link> <span className="muted">{r.reference}</span>
                  </td>
                  <td>{stageLabel(r.stage)}</td>
                  <td>{r.trigger ? TRIGGER_LABELS[r.trigger] : ''}</td>
                  <td>{r.openedOn ? formatDate(r.openedOn) : ''}</td>
                  <td>{r.outcome ? `${OUTCOME_LABELS[r.outcome]} (awaiting signature)` : 'Not yet proposed'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.reassessing.length} total={d.reassessingTotal} one="partnership reassessed or suspended" many="partnerships reassessed or suspended" />
      </section>

      <section aria-labelledby="blocking-heading" className="panel">
        <h2 id="blocking-heading">Open blocking issues</h2>
        {d.blocking.length === 0 ? (
          <p>Nothing is blocking a proposal in screening, consultation or decision.</p>
        ) : (
          <DataTable caption="Proposals with unresolved blocking issues" captionHidden>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Stage</th>
                <th scope="col">Issues</th>
              </tr>
            </thead>
            <tbody>
              {d.blocking.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/proposals/${b.id}`}>{b.title}</Link> <span className="muted">{b.reference}</span>
                  </td>
                  <td>{stageLabel(b.stage)}</td>
                  <td>{blockingText(b)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <More shown={d.blocking.length} total={d.blockingTotal} one="proposal with blocking issues" many="proposals with blocking issues" />
      </section>
    </>
  )
}
