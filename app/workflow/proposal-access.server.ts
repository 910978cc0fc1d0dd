import { mayViewProposal } from '#machines/proposal-visibility'
import { type Params } from '@remix-run/react'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireUser } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { oncePerRequest } from '~/utils/per-request.server'
import { loadProposal } from './apply-event.server'

/**
 * The proposal a route is about, scoped to the user's organisation: another
 * service's id, or a draft someone else is still writing, is simply not found.
 */
export async function requireProposal(request: Request, params: Params) {
  const user = await requireUser(request)
  const id = params.id ?? ''
  const proposalNotFound = async () => notFound(fixedT(await localeFor(request, user), 'common')('notFound.proposal'))
  if (!/^[0-9a-f-]{36}$/i.test(id)) return proposalNotFound()
  const db = await getDb()
  // The layout's loader and its stage's share one read of the row.
  const loaded = await oncePerRequest(request, `proposal:${user.organisationId}/${id}`, () =>
    loadProposal(db, user.organisationId, id),
  )
  if (!loaded || !mayViewProposal(loaded.row, user)) return proposalNotFound()
  return { user, db, proposal: loaded.row, snapshot: loaded.snapshot, loaded }
}

