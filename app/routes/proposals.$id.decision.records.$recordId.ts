import { type LoaderFunctionArgs } from '@remix-run/node'
import { findRecord } from '#db/records.server'
import { notFound } from '~/utils/auth.server'
import { fileStore } from '~/utils/storage/index.server'
import { responseBody } from '~/utils/storage/response.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A signed record of this proposal, as the exact bytes that were signed, for
 * people of the proposal's own service. Anyone else checks a copy they hold
 * on the public verify page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, proposal } = await requireProposal(request, params)
  const recordId = params.recordId ?? ''
  if (!UUID.test(recordId)) notFound(fixedT(await getLocale(request), 'common')('notFound.record'))
  const record = await findRecord(db, proposal.organisationId, recordId)
  if (!record || record.proposalId !== proposal.id) notFound(fixedT(await getLocale(request), 'common')('notFound.record'))
  const file = await fileStore(db).stream(record.sha256)
  if (!file) throw new Response(fixedT(await getLocale(request), 'common')('errors.recordUnreadable'), { status: 500 })
  return new Response(responseBody(file.body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(file.byteSize),
      'Content-Disposition': `attachment; filename="${record.reference.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
