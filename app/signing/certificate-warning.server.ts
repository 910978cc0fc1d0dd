import { appContext } from '~/utils/app-context.server'
import { checkSigningCertificate } from './certificates.server'
import { timestampAuthorityProblem } from './timestamp.server'

/**
 * What an administrator must fix (the certificate, or the timestamp
 * authority when one is configured) before decision records can be signed, or
 * null when the certificate is usable. Checked on each admin page view (the
 * parsed certificate is cached per file version, so this is cheap) rather
 * than only at start, so an expiry or a replaced file shows up without a
 * restart. The message names files, never the passphrase; only
 * administrators are shown it.
 */
export async function signingCertificateProblem(): Promise<string | null> {
  const { config } = await appContext()
  const check = await checkSigningCertificate(config)
  if (check.status !== 'ok') return check.message
  return timestampAuthorityProblem(config)
}
