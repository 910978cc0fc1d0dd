import { type ProposalContext } from './proposal-context'

/**
 * What still stands between the staff consultation and its completion. The
 * machine's guard is "nothing", and pages list the same items to tell the
 * proposer what is left, so the rule and its explanation cannot drift apart.
 */
export type StaffBlocker = 'before_closing_date' | 'unanswered_concerns' | 'union_missing'

export function staffBlockers(context: Pick<ProposalContext, 'staff' | 'unionRequired'>, at: string): StaffBlocker[] {
  const { staff } = context
  const blockers: StaffBlocker[] = []
  // Written as "not on or after" so that an unreadable date blocks too.
  if (staff.closingDate === null || !(Date.parse(at) >= Date.parse(staff.closingDate))) {
    blockers.push('before_closing_date')
  }
  if (!Object.values(staff.concerns).every(Boolean)) blockers.push('unanswered_concerns')
  if (context.unionRequired && !staff.unionRecorded) blockers.push('union_missing')
  return blockers
}
