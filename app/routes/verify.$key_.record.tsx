import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { RecordPage } from '~/components/record-page'
import { RECORD_SCHEMA_PATH, recordContentFromJson } from '~/pdf/record-json'
import { requireStoredRecordData } from '~/signing/stored-record-data.server'
import { appContext } from '~/utils/app-context.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${data.json.kind === 'decision' ? 'Decision record' : 'Addendum'} ${data.json.record.reference}` : 'Record not found', 'Verify')

/**
 * A signed record as an accessible web page (the address printed in the
 * record), drawn from the data signed into the stored file. Public, like
 * the record's verify page.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { database } = await appContext()
  const { id, ...stored } = await requireStoredRecordData(database.db, params.key)
  return { id, name: stored.embedded.name, json: stored.embedded.json }
}

export default function AccessibleRecord() {
  const { id, name, json } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        This page shows the data signed into record {json.record.reference}, with the same content as its PDF.{' '}
        <Link to={`/verify/${id}`}>Check the record’s signature</Link>, or{' '}
        <a href={`/verify/${id}/record.json`} download>
          download its data ({name})
        </a>
        , described by <a href={RECORD_SCHEMA_PATH}>the record data schema</a>.
      </p>
      <RecordPage content={recordContentFromJson(json)} />
    </>
  )
}
