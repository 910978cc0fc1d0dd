import { type LoaderFunctionArgs } from '@remix-run/node'
import { findAttachment } from '#db/attachments.server'
import { notFound } from '~/utils/auth.server'
import { fileStore } from '~/utils/storage/index.server'
import { responseBody } from '~/utils/storage/response.server'
import { isUuid } from '~/utils/ids'
import { actorFor } from '~/workflow/actor.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { canSeePapers } from '~/workflow/screening/access'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'

/** RFC 6266: an ASCII fallback and the UTF-8 name, so no header injection and no lost accents. */
function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  if (!isUuid(params.attachmentId) || !canSeePapers(snapshot, actorFor(user).id!)) notFound(fixedT(await getLocale(request), 'common')('notFound.attachment'))
  const row = await findAttachment(db, user.organisationId, proposal.id, params.attachmentId)
  if (!row) notFound(fixedT(await getLocale(request), 'common')('notFound.attachment'))
  const file = await fileStore(db).stream(row.sha256)
  if (!file) throw new Response(fixedT(await getLocale(request), 'common')('errors.attachmentMissing'), { status: 500 })
  return new Response(responseBody(file.body), {
    headers: {
      'Content-Type': row.mediaType,
      'Content-Length': String(file.byteSize),
      'Content-Disposition': contentDisposition(row.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // Opened in the browser's own viewer at most: the document may run no script of ours.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ETag: `"${row.sha256}"`,
    },
  })
}
