import { type ActorRole } from './proposal-events'

/**
 * Whether a staff concern or endorsement is refused, and why. The machine's
 * guards (`isStaff`, `beforeClosingDate`) and the words a refused member of
 * staff reads come from here, so they cannot say different things.
 */

/** A concern may be raised up to and including the closing date. */
export function withinClosingDate(staff: { closingDate: string | null }, at: string): boolean {
  return staff.closingDate !== null && Date.parse(at) <= Date.parse(staff.closingDate)
}

export type ContributionBlocker = 'not_staff' | 'closed' | 'not_opened' | 'wrong_stage'

/** The state a contribution is judged in: just what the rule reads of a snapshot. */
export type ContributionState = {
  context: { staff: { closingDate: string | null } }
  matches(value: { consultation: { staff: 'open' | 'notOpened' } }): boolean
}

/** Why this person cannot raise (or endorse) a concern now; call when the machine has refused. */
export function contributionBlocker(
  state: ContributionState,
  roles: readonly ActorRole[],
  at: string,
  what: 'raise' | 'endorse',
): ContributionBlocker {
  if (!roles.includes('staff')) return 'not_staff'
  if (what === 'raise' && state.matches({ consultation: { staff: 'open' } }) && state.context.staff.closingDate && !withinClosingDate(state.context.staff, at)) {
    return 'closed'
  }
  if (state.matches({ consultation: { staff: 'notOpened' } })) return 'not_opened'
  return 'wrong_stage'
}
