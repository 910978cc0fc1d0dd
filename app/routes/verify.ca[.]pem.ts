import { signingCaPem } from '~/signing/certificates.server'
import { appContext } from '~/utils/app-context.server'

/** The certificate authority that issued the signing certificate, for anyone who chooses to trust it. */
export async function loader() {
  const { config } = await appContext()
  const pem = await signingCaPem(config)
  if (!pem) return new Response('No signing certificate is installed.', { status: 404 })
  return new Response(pem, {
    headers: {
      'Content-Type': 'application/x-pem-file',
      'Content-Disposition': 'attachment; filename="ca.pem"',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
