import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listUsers } from '#db/users.server'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { roleLabels } from '#machines/vocabulary/roles'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('People')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const people = await listUsers(await getDb(), admin.organisationId)
  return {
    organisationName: admin.organisation.name,
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      roles: p.roles,
      active: p.active,
      invited: !p.hasPassword,
    })),
  }
}

export default function People() {
  const { organisationName, people } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>People</h1>
      <p className="muted">Everyone with an account at {organisationName}.</p>
      <p>
        <Link to="/admin/users/new" className="button">
          Add a person
        </Link>{' '}
        <Link to="/admin/users/import" className="button">
          Import people from a CSV file
        </Link>
      </p>
      <DataTable caption="People and their roles">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail address</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/admin/users/${p.id}`}>{p.name}</Link>
              </th>
              <td>{p.email}</td>
              <td>{roleLabels(p.roles)}</td>
              <td>
                {p.invited
                  ? p.active
                    ? 'Invited'
                    : 'Invitation revoked'
                  : p.active
                    ? 'Active'
                    : 'Deactivated'}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  )
}
