import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listProposals } from '#db/proposals.server'
import { mayViewProposal } from '#machines/proposal-visibility'
import { getDb } from '~/utils/app-context.server'
import { hasRole, requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { stageLabel } from '#machines/vocabulary/labels'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('Proposals')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'chief_librarian', 'reviewer', 'admin', 'signatory')
  const rows = await listProposals(await getDb(), user.organisationId)
  return {
    canPropose: hasRole(user, 'chief_librarian'),
    proposals: rows
      .filter((p) => mayViewProposal(p, user))
      .map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString().slice(0, 10) })),
  }
}

export default function Proposals() {
  const { proposals, canPropose } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Proposals</h1>
      {canPropose ? (
        <p>
          <Link className="button" to="/proposals/new">
            Propose a partnership
          </Link>
        </p>
      ) : null}
      {proposals.length === 0 ? (
        <p>No proposals yet.</p>
      ) : (
        <DataTable caption="Every partnership proposal of your library service">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Proposal</th>
              <th scope="col">Partner</th>
              <th scope="col">Stage</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td>{p.reference}</td>
                <td>
                  <Link to={`/proposals/${p.id}`}>{p.title}</Link>
                </td>
                <td>{p.partner}</td>
                <td>{stageLabel(p.stage)}</td>
                <td>{p.updatedAt}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
