import { Link } from '@remix-run/react'
import { formatDate, serviceDate } from '~/utils/calendar'
import { CATEGORY_LABELS } from '~/workflow/consultation/forms'
import { type StaffDashboard } from '~/workflow/dashboards/dashboards.server'
import { DataTable } from '~/components/data-table'

/**
 * What staff can take part in, and the concerns they raised under their name.
 * Anonymous concerns are tied to no account, so they are found again only
 * with the receipt code given when they were raised.
 */
export function StaffDashboardSection({ d }: { d: StaffDashboard }) {
  return (
    <section aria-labelledby="staff-heading" className="panel">
      <h2 id="staff-heading">Open staff consultations</h2>
      {d.open.length === 0 ? (
        <p>No consultations are open.</p>
      ) : (
        <DataTable caption="Consultations open to staff, and when they close" captionHidden>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Proposal</th>
              <th scope="col">Partner</th>
              <th scope="col">Closes</th>
            </tr>
          </thead>
          <tbody>
            {d.open.map((p) => (
              <tr key={p.id}>
                <td>{p.reference}</td>
                <td>
                  <Link to={`/proposals/${p.id}/consultation`}>{p.title}</Link>
                </td>
                <td>{p.partner}</td>
                <td>{p.closingDate ? formatDate(serviceDate(new Date(p.closingDate))) : ''}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h3>Concerns you raised</h3>
      {d.concerns.length === 0 ? (
        <p>You have raised no concerns under your name.</p>
      ) : (
        <DataTable caption="Concerns you raised under your name and their answers" captionHidden>
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              <th scope="col">About</th>
              <th scope="col">Raised</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {d.concerns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/proposals/${c.proposalId}/consultation#concern-${c.id}`}>{c.title}</Link>
                </td>
                <td>{CATEGORY_LABELS[c.category]}</td>
                <td>{formatDate(c.raisedOn)}</td>
                <td className="pre-line">
                  {c.hidden
                    ? 'Hidden for breaking the code of conduct'
                    : c.response
                      ? `${c.response} (${c.respondedOn ? formatDate(c.respondedOn) : ''})`
                      : 'Not answered yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p>
        Raised a concern anonymously? <Link to="/concerns/receipt">Look it up with your receipt code</Link>.
      </p>

      {d.monitored.length ? (
        <>
          <h3>Partnerships being monitored</h3>
          <p>You can still raise a concern about these, or record an incident.</p>
          <ul>
            {d.monitored.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}/monitoring`}>{p.title}</Link> <span className="muted">({p.partner})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
