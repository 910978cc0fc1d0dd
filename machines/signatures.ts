import { type EventActor } from './proposal-events'

/**
 * Who may sign an outcome awaiting signatures, in which capacity, and whether
 * theirs is the signature that settles it. The machine's guards and the pages
 * (the decision page, the reassessment page, the record's signatory list) all
 * ask these, so the rule and what a page offers cannot drift apart.
 */

/** The part of the machine's context that signing reads. */
export type SigningContext = {
  pending: { outcome: string; signedBy: string[] } | null
  requiredSignatures: number
}

export type SignerRole = 'chief_librarian' | 'signatory'

/**
 * The capacity in which this person may sign now, or null if they may not.
 * The first signature is the chief librarian's; a second, where required, is
 * a different person holding the signatory role (or another chief librarian).
 */
export function signerRole(ctx: SigningContext, actor: Pick<EventActor, 'id' | 'roles'>): SignerRole | null {
  if (!ctx.pending || !actor.id || ctx.pending.signedBy.includes(actor.id)) return null
  if (ctx.pending.signedBy.length === 0) return actor.roles.includes('chief_librarian') ? 'chief_librarian' : null
  if (actor.roles.includes('signatory')) return 'signatory'
  return actor.roles.includes('chief_librarian') ? 'chief_librarian' : null
}

/** Whether the next signature is the last one needed, which settles the pending outcome. */
export function isLastSignature(ctx: SigningContext): boolean {
  return (ctx.pending?.signedBy.length ?? 0) + 1 >= ctx.requiredSignatures
}
