import { data } from '@remix-run/node'
import { type Params } from '@remix-run/react'
import { listStageChanges } from '#db/audit.server'
import { type Queryable } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { stagesWithAPart } from '#machines/proposal-stages'
import { type Stage } from '#machines/vocabulary/stages'
import { oncePerRequest } from '~/utils/per-request.server'
import { requireProposal } from './proposal-access.server'

/** Why a stage's pages do not exist for a proposal, as the page explaining it needs. */
export type StageClosed = {
  kind: 'stage-closed'
  stage: Stage
  /** Where the proposal ended instead, e.g. "rejected". */
  endedAs: string
  /** When it got there (ISO), if the trail says. */
  endedAt: string | null
}

/**
 * The stages this proposal has pages for, asked of the machine with the
 * proposal's history of stages from its audit trail, and when it entered the
 * stage it is in now.
 */
export async function proposalStages(db: Queryable, proposal: Pick<Proposal, 'id' | 'stage'>) {
  const changes = await listStageChanges(db, proposal.id)
  const entered = changes.filter((c) => c.stage === proposal.stage).at(-1)
  return {
    stages: stagesWithAPart(proposal.stage, ['draft', ...changes.map((c) => c.stage)]),
    enteredAt: entered ? entered.at.toISOString() : null,
  }
}

/** `proposalStages`, read once however many of a request's loaders ask (the proposal's layout and its stage's). */
export function stagesOnce(request: Request, db: Queryable, proposal: Pick<Proposal, 'id' | 'stage'>) {
  return oncePerRequest(request, `stages:${proposal.id}`, () => proposalStages(db, proposal))
}

/**
 * For the pages of one stage: the proposal, or a refusal the stage's error
 * boundary shows as a plain page saying why the stage has no pages (a
 * rejected proposal is not monitored). 404, because the address names
 * something that does not exist and never will, as any address of an absent
 * page does; the page itself says why, so nobody is left guessing. A 200
 * would tell link checkers and scripts that a monitoring page exists.
 */
export async function requireStage(request: Request, params: Params, stage: Stage) {
  const access = await requireProposal(request, params)
  const { stages, enteredAt } = await stagesOnce(request, access.db, access.proposal)
  if (!stages.has(stage)) {
    const closed: StageClosed = { kind: 'stage-closed', stage, endedAs: access.proposal.stage, endedAt: enteredAt }
    throw data(closed, { status: 404 })
  }
  return access
}
