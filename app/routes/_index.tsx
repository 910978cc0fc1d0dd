import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listProposals } from '#db/proposals.server'
import { getDb } from '~/utils/app-context.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { stageLabel } from '~/utils/stages'

export const meta: MetaFunction = () => pageTitle('Home')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const proposals = await listProposals(db, user.organisationId)
  return {
    name: user.name,
    organisationName: user.organisation.name,
    isAdmin: hasRole(user, 'admin'),
    isChief: hasRole(user, 'chief_librarian'),
    isReviewer: hasRole(user, 'reviewer'),
    isStaff: hasRole(user, 'staff'),
    myProposals: hasRole(user, 'chief_librarian') ? proposals.filter((p) => p.proposerId === user.id) : [],
    openConsultations: proposals.filter((p) => p.stage === 'consultation'),
    awaitingReview: proposals.filter((p) => p.stage === 'screening'),
  }
}

type Row = { id: string; reference: string; title: string; partner: string; stage: string }

/** `section` opens a proposal at one of its sections, e.g. staff go straight to the consultation. */
function ProposalTable({ caption, rows, empty, section }: { caption: string; rows: Row[]; empty: string; section?: string }) {
  if (rows.length === 0) return <p>{empty}</p>
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Proposal</th>
          <th scope="col">Partner</th>
          <th scope="col">Stage</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td>{p.reference}</td>
            <td>
              <Link to={`/proposals/${p.id}${section ? `/${section}` : ''}`}>{p.title}</Link>
            </td>
            <td>{p.partner}</td>
            <td>{stageLabel(p.stage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default function Home() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Welcome, {d.name}</h1>
      <p className="muted">{d.organisationName}</p>
      {d.isChief ? (
        <section aria-labelledby="chief-heading" className="panel">
          <h2 id="chief-heading">Your proposals</h2>
          <ProposalTable caption="Your proposals" rows={d.myProposals} empty="No proposals yet." />
        </section>
      ) : null}
      {d.isReviewer ? (
        <section aria-labelledby="reviewer-heading" className="panel">
          <h2 id="reviewer-heading">Awaiting your ethics review</h2>
          <ProposalTable caption="Awaiting your review" rows={d.awaitingReview} empty="Nothing is waiting for your review." />
        </section>
      ) : null}
      {d.isStaff ? (
        <section aria-labelledby="staff-heading" className="panel">
          <h2 id="staff-heading">Open staff consultations</h2>
          <ProposalTable
            caption="Open staff consultations"
            rows={d.openConsultations}
            empty="No consultations are open."
            section="consultation"
          />
          <p>
            Raised a concern anonymously? <Link to="/concerns/receipt">Look it up with your receipt code</Link>.
          </p>
        </section>
      ) : null}
      {d.isAdmin ? (
        <section aria-labelledby="admin-heading" className="panel">
          <h2 id="admin-heading">Administration</h2>
          <p>
            <Link to="/admin/users">Manage people and roles</Link>
          </p>
        </section>
      ) : null}
    </>
  )
}
