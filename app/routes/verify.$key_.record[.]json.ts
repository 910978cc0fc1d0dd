import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireStoredRecordData } from '~/signing/stored-record-data.server'
import { appContext } from '~/utils/app-context.server'

/** The record data, byte for byte as attached to the signed file. Public, like the file's verify page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { database } = await appContext()
  const stored = await requireStoredRecordData(database.db, params.key)
  return new Response(new Uint8Array(stored.embedded.bytes), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${stored.row.reference}-${stored.embedded.name}"`,
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
