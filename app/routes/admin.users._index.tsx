import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listUsers } from '#db/users.server'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'admin')('people.title'))

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
  const { t } = useTranslation('admin')
  const { organisationName, people } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('people.title')}</h1>
      <p className="muted">{t('people.intro', { service: organisationName })}</p>
      <p>
        <Link to="/admin/users/new" className="button">
          {t('people.add')}
        </Link>{' '}
        <Link to="/admin/users/import" className="button">
          {t('people.import')}
        </Link>
      </p>
      <DataTable caption={t('people.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.email')}</th>
            <th scope="col">{t('people.roles')}</th>
            <th scope="col">{t('people.status')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/admin/users/${p.id}`}>{p.name}</Link>
              </th>
              <td>{p.email}</td>
              <td>{p.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
              <td>
                {t(p.invited ? (p.active ? 'people.invited' : 'people.revoked') : p.active ? 'people.active' : 'people.deactivated')}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  )
}
