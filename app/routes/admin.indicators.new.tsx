import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, type MetaFunction } from '@remix-run/react'
import { insertLibraryIndicator } from '#db/monitoring.server'
import { LibraryIndicatorForm } from '~/components/monitoring/library-indicator-form'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'

export const meta: MetaFunction = () => pageTitle('Add an indicator', 'Indicator library')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: LibraryIndicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { retired: _retired, ...values } = submission.value
  const row = await insertLibraryIndicator(await getDb(), admin.organisationId, admin.id, values)
  if (!row) return data(submission.reply({ fieldErrors: { name: ['The library already has an indicator of that name'] } }), { status: 400 })
  throw redirect('/admin/indicators')
}

export default function NewIndicator() {
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/admin/indicators">Back to the indicator library</Link>
      </p>
      <h1>Add an indicator</h1>
      <LibraryIndicatorForm lastResult={lastResult} submitLabel="Add to the library" editing={false} />
    </>
  )
}
