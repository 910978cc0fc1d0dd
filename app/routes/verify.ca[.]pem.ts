import { type LoaderFunctionArgs } from '@remix-run/node'
import { signingCaPem } from '~/signing/certificates.server'
import { appContext } from '~/utils/app-context.server'
import { DEFAULT_LOCALE, fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'

/** The certificate authority that issued the signing certificate, for anyone who chooses to trust it. */
export async function loader({ request }: Partial<LoaderFunctionArgs> = {}) {
  const { config } = await appContext()
  const pem = await signingCaPem(config)
  if (!pem) return new Response(fixedT(request ? await getLocale(request) : DEFAULT_LOCALE, 'common')('errors.noSigningCertificate'), { status: 404 })
  return new Response(pem, {
    headers: {
      'Content-Type': 'application/x-pem-file',
      'Content-Disposition': 'attachment; filename="ca.pem"',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
