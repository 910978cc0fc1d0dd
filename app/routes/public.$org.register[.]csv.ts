import { type LoaderFunctionArgs } from '@remix-run/node'
import { OPEN_DATA_HEADERS, publicCsv, publicRegisterExport } from '~/workflow/register/public-register.server'

/** The public register as CSV, open to anyone: every signed decision it lists. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, rows, origin, today } = await publicRegisterExport(request, params.org)
  return new Response(publicCsv(rows, origin), {
    headers: {
      ...OPEN_DATA_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${organisation.slug}-register-${today}.csv"`,
    },
  })
}
