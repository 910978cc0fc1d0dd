import { type LoaderFunctionArgs } from '@remix-run/node'
import { OPEN_DATA_HEADERS, publicJson, publicRegisterExport } from '~/workflow/register/public-register.server'

/** The public register as JSON, open to anyone: every signed decision it lists. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, rows, origin } = await publicRegisterExport(request, params.org)
  return new Response(JSON.stringify(publicJson(organisation, rows, origin), null, 2), {
    headers: { ...OPEN_DATA_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
  })
}
