import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listProposals } from '#db/proposals.server'
import { mayViewProposal } from '#machines/proposal-visibility'
import { getDb } from '~/utils/app-context.server'
import { hasRole, requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useVocabulary } from '~/utils/vocabulary'
import { type Stage } from '#machines/vocabulary/stages'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'proposal')('list.title'))

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
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  return (
    <>
      <h1>{t('list.title')}</h1>
      {canPropose ? (
        <p>
          <Link className="button" to="/proposals/new">
            {t('list.propose')}
          </Link>
        </p>
      ) : null}
      {proposals.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <DataTable caption={t('list.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.proposal')}</th>
              <th scope="col">{t('list.partner')}</th>
              <th scope="col">{t('list.stage')}</th>
              <th scope="col">{t('list.lastChange')}</th>
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
                <td>{label('stage', p.stage as Stage)}</td>
                <td>{p.updatedAt}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
