import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listLibrary } from '#db/monitoring.server'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { describeThreshold } from '~/utils/thresholds'
import { DIRECTION_LABELS, MEASURE_LABELS } from '#machines/vocabulary/monitoring'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('Indicator library')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const rows = await listLibrary(await getDb(), admin.organisationId, { includeRetired: true })
  return {
    indicators: rows.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      measure: i.measure,
      threshold: describeThreshold({ baseline: 0, direction: i.direction, threshold: { kind: i.thresholdKind, value: i.thresholdValue }, unit: i.unit }),
      retired: i.retiredAt !== null,
    })),
  }
}

export default function IndicatorLibrary() {
  const { indicators } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Indicator library</h1>
      <p>
        There are no national measures of library performance: the service chooses its own. Indicators kept here are
        offered when a decision sets a monitoring plan, each with its usual unit, direction and threshold.
      </p>
      <p>
        <Link className="button" to="/admin/indicators/new">
          Add an indicator
        </Link>
      </p>
      {indicators.length === 0 ? (
        <p>No indicators yet.</p>
      ) : (
        <DataTable caption="Indicators in the library" captionHidden>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Better when</th>
              <th scope="col">Reassess after</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/admin/indicators/${i.id}`}>{i.name}</Link> <span className="muted">({i.unit})</span>
                </td>
                <td>{DIRECTION_LABELS[i.direction]}</td>
                <td>{i.threshold}</td>
                <td>{MEASURE_LABELS[i.measure]}</td>
                <td>{i.retired ? 'Retired' : 'Offered'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
