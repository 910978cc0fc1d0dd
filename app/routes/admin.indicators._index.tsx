import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listLibrary } from '#db/monitoring.server'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { describeThreshold } from '~/utils/thresholds'
import { useVocabulary } from '~/utils/vocabulary'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'indicators')('library.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  const rows = await listLibrary(await getDb(), admin.organisationId, { includeRetired: true })
  return {
    indicators: rows.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      measure: i.measure,
      threshold: describeThreshold(
        { baseline: 0, direction: i.direction, threshold: { kind: i.thresholdKind, value: i.thresholdValue }, unit: i.unit },
        locale,
      ),
      retired: i.retiredAt !== null,
    })),
  }
}

export default function IndicatorLibrary() {
  const { indicators } = useLoaderData<typeof loader>()
  const { t } = useTranslation('indicators')
  const label = useVocabulary()
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      <p>
        <Link className="button" to="/admin/indicators/new">
          {t('library.add')}
        </Link>
      </p>
      {indicators.length === 0 ? (
        <p>{t('library.none')}</p>
      ) : (
        <DataTable caption={t('library.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('library.indicator')}</th>
              <th scope="col">{t('library.betterWhen')}</th>
              <th scope="col">{t('library.reassessAfter')}</th>
              <th scope="col">{t('library.value')}</th>
              <th scope="col">{t('library.status')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/admin/indicators/${i.id}`}>{i.name}</Link>{' '}
                  <span className="muted">{t('library.unit', { unit: i.unit })}</span>
                </td>
                <td>{label('indicatorDirection', i.direction)}</td>
                <td>{i.threshold}</td>
                <td>{label('indicatorMeasure', i.measure)}</td>
                <td>{i.retired ? t('library.retired') : t('library.offered')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
