import { type ActorRole } from './proposal-events'

/**
 * Who may see a proposal at all. A draft is its proposer's until it is
 * submitted; administrators and chief librarians may see it too. Everything
 * past the draft is visible to the organisation (what each page then shows
 * is that page's own rule).
 */
export function mayViewProposal(
  proposal: { stage: string; proposerId: string },
  viewer: { id: string | null; roles: readonly ActorRole[] },
): boolean {
  if (proposal.stage !== 'draft') return true
  return viewer.id === proposal.proposerId || viewer.roles.includes('admin') || viewer.roles.includes('chief_librarian')
}
