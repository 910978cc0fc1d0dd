import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { TrustHelp, VerificationResult } from '~/components/verification-result'
import { SHA256_PATTERN, verifyStoredRecord } from '~/signing/verify-record.server'
import { appContext } from '~/utils/app-context.server'
import { Trans, useTranslation } from 'react-i18next'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { getUser, notFound } from '~/utils/auth.server'
import { metaLocale, pageTitle } from '~/utils/meta'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'verify')
  return pageTitle(data ? t('stored.title', { reference: data.verification.record?.reference ?? '' }) : t('stored.notFoundTitle'), t('section'))
}

/**
 * The page a record's QR code opens (by its id), or that its SHA-256 opens.
 * Public, and showing only what the record itself prints.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeFor(request, await getUser(request))
  const t = fixedT(locale, 'verify')
  const key = (params.key ?? '').toLowerCase()
  const by = UUID.test(key) ? { id: key } : SHA256_PATTERN.test(key) ? { sha256: key } : null
  if (!by) notFound(t('stored.notFound'))
  const { database, config } = await appContext()
  const verification = await verifyStoredRecord(database.db, config, by, locale)
  if (!verification) notFound(t('stored.notFound'))
  return { verification }
}

export default function VerifyStoredRecord() {
  const { verification } = useLoaderData<typeof loader>()
  const { t } = useTranslation('verify')
  return (
    <>
      <h1>{t('stored.title', { reference: verification.record?.reference ?? '' })}</h1>
      <p>
        <Trans t={t} i18nKey="stored.intro" components={{ upload: <Link to="/verify" /> }} />
      </p>
      <VerificationResult v={verification} />
      <TrustHelp />
    </>
  )
}
