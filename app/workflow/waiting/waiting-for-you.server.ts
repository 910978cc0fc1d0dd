import { type Queryable } from '#db/client.server'
import { listOpenProposalsWithSnapshots } from '#db/proposals.server'
import { type ProposalEventPayload } from '#machines/proposal-events'
import { can, restore, SnapshotError, type ProposalSnapshot } from '#machines/proposal-workflow'
import { mayViewProposal } from '#machines/proposal-visibility'
import { actorFor } from '~/workflow/actor.server'
import { type Person } from '~/workflow/person'

export type WaitingAction =
  | 'sign_decision'
  | 'sign_reassessment'
  | 'sign_suspension'
  | 'declare_interests'
  | 'submit_review'
  | 'answer_recommendation'
  | 'answer_concern'
  | 'record_review'

/** Something a person could do now, as the machine would ask it, and where they do it. */
export type Candidate = { action: WaitingAction; event: ProposalEventPayload; link: string }

export type WaitingItem = {
  proposalId: string
  reference: string
  title: string
  action: WaitingAction
  /** How many of this (recommendations, concerns) wait on this proposal. */
  count: number
  link: string
}

/**
 * What anyone might be asked to do on this proposal now, as machine events.
 * Whether a given person may is then the machine's answer to `can`, so this
 * list and the pages that offer each action cannot disagree. A signature
 * is asked as if already stepped up: the page asks for the password.
 */
export function candidateEvents(
  proposal: { id: string; nextReviewDueOn: string | null },
  snapshot: ProposalSnapshot,
  today: string,
): Candidate[] {
  const p = `/proposals/${proposal.id}`
  const { context } = snapshot
  const out: Candidate[] = [
    { action: 'sign_decision', event: { type: 'decision.sign', stepUpVerified: true }, link: `${p}/decision` },
    { action: 'sign_reassessment', event: { type: 'reassessment.sign', stepUpVerified: true }, link: `${p}/monitoring/reassessment` },
    { action: 'sign_suspension', event: { type: 'suspension.sign', stepUpVerified: true }, link: `${p}/monitoring/reassessment` },
    { action: 'declare_interests', event: { type: 'review.declare', conflict: false }, link: `${p}/screening/review` },
    { action: 'submit_review', event: { type: 'review.submit' }, link: `${p}/screening/review` },
  ]
  for (const [recommendationId, answered] of Object.entries(context.professionalBody.recommendations)) {
    if (answered) continue
    out.push({
      action: 'answer_recommendation',
      event: { type: 'pb.answer', recommendationId, accepted: true },
      link: `${p}/consultation/professional-body`,
    })
  }
  // Only ids: nothing here says who raised a concern, or when.
  for (const [concernId, answered] of Object.entries(context.staff.concerns)) {
    if (answered) continue
    out.push({ action: 'answer_concern', event: { type: 'concern.respond', concernId }, link: `${p}/consultation#concerns` })
  }
  // The machine lets the chief librarian record a review at any time; it waits for them once due.
  if (proposal.nextReviewDueOn && proposal.nextReviewDueOn <= today) {
    out.push({ action: 'record_review', event: { type: 'monitoring.review', breach: false }, link: `${p}/monitoring/review` })
  }
  return out
}

/**
 * The person's "Waiting for you" list: for each proposal still moving that
 * they may see (one query), the candidate events the machine would accept
 * from them now. Recommendations and concerns are counted per proposal.
 */
export async function waitingFor(db: Queryable, person: Person, today: string): Promise<WaitingItem[]> {
  const actor = actorFor(person)
  const items: WaitingItem[] = []
  for (const row of await listOpenProposalsWithSnapshots(db, person.organisationId)) {
    if (!mayViewProposal(row, person)) continue
    let snapshot: ProposalSnapshot
    try {
      snapshot = restore(row.snapshot, row.machineVersion)
    } catch (error) {
      // One unreadable proposal must not hide everything else waiting; its own page says what is wrong.
      if (error instanceof SnapshotError) continue
      throw error
    }
    const byAction = new Map<WaitingAction, WaitingItem>()
    for (const c of candidateEvents(row, snapshot, today)) {
      if (!can(snapshot, { ...c.event, actor })) continue
      const seen = byAction.get(c.action)
      if (seen) seen.count++
      else byAction.set(c.action, { proposalId: row.id, reference: row.reference, title: row.title, action: c.action, count: 1, link: c.link })
    }
    items.push(...byAction.values())
  }
  return items
}
