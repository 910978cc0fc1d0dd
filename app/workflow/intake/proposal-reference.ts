/**
 * How a proposal is referred to: P-<year>-<number within the service>, for
 * proposals made on the intake form and for the demo's alike, so that one
 * pattern finds them all.
 */
export const PROPOSAL_REFERENCE = /^P-\d{4}-\d{3,}$/

export function proposalReference(year: number, n: number) {
  return `P-${year}-${String(n).padStart(3, '0')}`
}
