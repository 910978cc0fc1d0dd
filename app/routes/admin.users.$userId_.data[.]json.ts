import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireAdministeredPerson } from '~/identity/administered-person.server'
import { exportPersonData } from '~/identity/export-person-data.server'
import { notFound } from '~/utils/auth.server'

/** The subject access export as a file: everything Probity holds about the person, machine-readable (ADR 031). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  const exported = await exportPersonData(db, admin.organisation, person.id)
  if (!exported) notFound('That person is not part of your library service.')
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="probity-personal-data-${person.id}.json"`,
      // Personal data: no shared cache may keep a copy.
      'Cache-Control': 'no-store',
    },
  })
}
