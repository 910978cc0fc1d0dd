import fs from 'node:fs/promises'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { findRecord } from '#db/records.server'
import { recordFilePath } from '~/signing/issue-record.server'
import { appContext } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'
import { requireProposal } from '~/workflow/proposal-access.server'

/** A signed addendum of this partnership, as the exact bytes that were signed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const id = params.recordId ?? ''
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound('Addendum not found')
  const record = await findRecord(db, user.organisationId, id)
  if (!record || record.kind !== 'addendum' || record.proposalId !== proposal.id) notFound('Addendum not found')
  const { config } = await appContext()
  const bytes = await fs.readFile(recordFilePath(config.dataDir, record))
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${record.reference}.pdf"`,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
    },
  })
}
