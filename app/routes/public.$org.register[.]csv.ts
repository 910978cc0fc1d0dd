import { type LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/utils/i18n.server'
import { OPEN_DATA_HEADERS, publicCsv, publicRegisterExport } from '~/workflow/register/public-register.server'

/** The public register as CSV, open to anyone: every signed decision it lists. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, rows, origin, today } = await publicRegisterExport(request, params.org)
  return new Response(publicCsv(rows, origin, await getLocale(request)), {
    headers: {
      ...OPEN_DATA_HEADERS,
      // The header row follows the visitor's language (cookie), so a shared cache must keep one copy per language.
      Vary: 'Cookie',
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${organisation.slug}-register-${today}.csv"`,
    },
  })
}
