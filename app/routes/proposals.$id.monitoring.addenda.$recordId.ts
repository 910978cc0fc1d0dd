import { type LoaderFunctionArgs } from '@remix-run/node'
import { findRecord } from '#db/records.server'
import { notFound } from '~/utils/auth.server'
import { fileStore } from '~/utils/storage/index.server'
import { responseBody } from '~/utils/storage/response.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'

/** A signed addendum of this partnership, as the exact bytes that were signed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const id = params.recordId ?? ''
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound(fixedT(await getLocale(request), 'common')('notFound.addendum'))
  const record = await findRecord(db, user.organisationId, id)
  if (!record || record.kind !== 'addendum' || record.proposalId !== proposal.id) notFound(fixedT(await getLocale(request), 'common')('notFound.addendum'))
  const file = await fileStore(db).stream(record.sha256)
  if (!file) throw new Response(fixedT(await getLocale(request), 'common')('errors.addendumUnreadable'), { status: 500 })
  return new Response(responseBody(file.body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${record.reference}.pdf"`,
      'Content-Length': String(file.byteSize),
      'Cache-Control': 'private, no-store',
    },
  })
}
