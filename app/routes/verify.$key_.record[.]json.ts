import { type LoaderFunctionArgs } from '@remix-run/node'
import { STORED_DATA_PROBLEMS, storedRecordData } from '~/signing/stored-record-data.server'
import { appContext } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The record data, byte for byte as attached to the signed file. Public, like the file's verify page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = (params.key ?? '').toLowerCase()
  if (!UUID.test(id)) notFound(STORED_DATA_PROBLEMS.not_found)
  const { database } = await appContext()
  const stored = await storedRecordData(database.db, id)
  if (!stored.ok) notFound(STORED_DATA_PROBLEMS[stored.reason])
  return new Response(new Uint8Array(stored.embedded.bytes), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${stored.row.reference}-${stored.embedded.name}"`,
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
