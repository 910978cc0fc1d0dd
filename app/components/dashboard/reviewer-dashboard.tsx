import { Link } from '@remix-run/react'
import { type ReviewerDashboard } from '~/workflow/dashboards/dashboards.server'
import { DataTable } from '~/components/data-table'

/** An ethics reviewer's work: the proposals waiting for their declaration or their scores. */
export function ReviewerDashboardSection({ d }: { d: ReviewerDashboard }) {
  return (
    <section aria-labelledby="reviewer-heading" className="panel">
      <h2 id="reviewer-heading">Awaiting your ethics review</h2>
      {d.awaiting.length === 0 ? (
        <p>Nothing is waiting for your review.</p>
      ) : (
        <DataTable caption="Proposals awaiting your declaration or scores" captionHidden>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Proposal</th>
              <th scope="col">Partner</th>
              <th scope="col">What is needed</th>
            </tr>
          </thead>
          <tbody>
            {d.awaiting.map((p) => (
              <tr key={p.id}>
                <td>{p.reference}</td>
                <td>
                  <Link to={`/proposals/${p.id}/screening`}>{p.title}</Link>
                </td>
                <td>{p.partner}</td>
                <td>{p.status === 'assigned' ? 'Declare any conflict of interest' : 'Score the criteria and submit'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  )
}
