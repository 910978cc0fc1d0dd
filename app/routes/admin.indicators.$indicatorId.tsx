import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { findLibraryIndicator, updateLibraryIndicator } from '#db/monitoring.server'
import { LibraryIndicatorForm } from '~/components/monitoring/library-indicator-form'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.indicator.name ?? 'Indicator', 'Indicator library')

async function load(request: Request, id: string | undefined) {
  const admin = await requireRole(request, 'admin')
  if (!/^[0-9a-f-]{36}$/i.test(id ?? '')) notFound('Indicator not found')
  const indicator = await findLibraryIndicator(await getDb(), admin.organisationId, id!)
  if (!indicator) notFound('Indicator not found')
  return { admin, indicator }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { indicator } = await load(request, params.indicatorId)
  return {
    indicator: {
      name: indicator.name,
      unit: indicator.unit,
      description: indicator.description,
      direction: indicator.direction,
      thresholdKind: indicator.thresholdKind,
      thresholdValue: String(indicator.thresholdValue),
      measure: indicator.measure,
      retired: indicator.retiredAt !== null,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, indicator } = await load(request, params.indicatorId)
  const submission = parseWithZod(await formDataOf(request), { schema: LibraryIndicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const saved = await updateLibraryIndicator(await getDb(), admin.organisationId, indicator.id, submission.value)
  if (!saved) return data(submission.reply({ fieldErrors: { name: ['The library already has an indicator of that name'] } }), { status: 400 })
  throw redirect('/admin/indicators')
}

export default function EditIndicator() {
  const { indicator } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/admin/indicators">Back to the indicator library</Link>
      </p>
      <h1>{indicator.name}</h1>
      <p>Changes apply to plans set from now on; a plan already approved keeps the indicator as it was signed.</p>
      <LibraryIndicatorForm lastResult={lastResult} defaultValue={indicator} submitLabel="Save the indicator" editing />
    </>
  )
}
