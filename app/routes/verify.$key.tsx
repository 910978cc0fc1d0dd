import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { TrustHelp, VerificationResult } from '~/components/verification-result'
import { SHA256_PATTERN, verifyStoredRecord } from '~/signing/verify-record.server'
import { appContext } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `Record ${data.verification.record?.reference ?? ''}` : 'Record not found', 'Verify')

/**
 * The page a record's QR code opens (by its id), or that its SHA-256 opens.
 * Public, and showing only what the record itself prints.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = (params.key ?? '').toLowerCase()
  const by = UUID.test(key) ? { id: key } : SHA256_PATTERN.test(key) ? { sha256: key } : null
  if (!by) notFound('No record has that link. Check it was copied in full.')
  const { database, config } = await appContext()
  const verification = await verifyStoredRecord(database.db, config, by)
  if (!verification) notFound('No record has that link. Check it was copied in full.')
  return { verification }
}

export default function VerifyStoredRecord() {
  const { verification } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Record {verification.record?.reference}</h1>
      <p>
        This page checks the copy this service keeps. To check a copy you hold, <Link to="/verify">upload it</Link>: it
        is genuine only if its SHA-256 is the one below.
      </p>
      <VerificationResult v={verification} />
      <TrustHelp />
    </>
  )
}
