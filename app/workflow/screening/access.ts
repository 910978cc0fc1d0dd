import { type ProposalSnapshot } from '#machines/proposal-workflow'

/**
 * Who may see what during screening. The machine decides what a reviewer may
 * do; these decide what a page may show them, so that declarations are made
 * before the papers are read and scores are given before others' are seen.
 */

export type ReviewerStatus = ProposalSnapshot['context']['reviewers'][string]

export function reviewerStatus(snapshot: ProposalSnapshot, userId: string): ReviewerStatus | undefined {
  return snapshot.context.reviewers[userId]
}

function inScreening(snapshot: ProposalSnapshot) {
  return snapshot.matches('screening')
}

/**
 * A reviewer who has not yet declared, or who is recused, sees only the
 * title, partner and contractor while screening runs.
 */
export function canSeePapers(snapshot: ProposalSnapshot, userId: string): boolean {
  const status = reviewerStatus(snapshot, userId)
  return !(inScreening(snapshot) && (status === 'assigned' || status === 'recused'))
}

export function submittedCount(snapshot: ProposalSnapshot): number {
  return Object.values(snapshot.context.reviewers).filter((s) => s === 'submitted').length
}

/**
 * Blind until submitted: a reviewer still at work in screening sees no one
 * else's scores, and nobody sees any until the minimum number of reviewers
 * have submitted.
 */
export function canSeeResults(snapshot: ProposalSnapshot, userId: string): boolean {
  const status = reviewerStatus(snapshot, userId)
  if (inScreening(snapshot) && (status === 'assigned' || status === 'cleared')) return false
  return submittedCount(snapshot) >= snapshot.context.minReviewers
}
