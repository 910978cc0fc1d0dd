/**
 * When anonymous contributions are released (docs/decisions/023-anonymity.md).
 *
 * An anonymous concern or endorsement is held, out of every ordered structure,
 * until a batch is released: daily at the organisation's release hour, and at
 * the consultation's closing. When fewer people could have written it than the
 * minimum group size, the organisation chooses whether the batch waits until
 * the group is large enough or until several contributions have accumulated.
 */

export const HOLD_BEHAVIOURS = ['until_several', 'until_group_large_enough'] as const
export type HoldBehaviour = (typeof HOLD_BEHAVIOURS)[number]

export type AnonymityPolicy = {
  /** Fewer eligible staff than this is a small group. */
  minimumGroupSize: number
  /** What a small group's anonymous contributions wait for before the daily release. */
  hold: HoldBehaviour
  /** With `until_several`: how many must have accumulated. */
  several: number
  /** The hour of the day (service time) of the daily release. */
  releaseHour: number
}

export const DEFAULT_ANONYMITY_POLICY: AnonymityPolicy = {
  minimumGroupSize: 5,
  hold: 'until_several',
  several: 3,
  releaseHour: 18,
}

export type ReleaseOccasion = 'daily' | 'closing'

export function isSmallGroup(eligible: number, policy: Pick<AnonymityPolicy, 'minimumGroupSize'>): boolean {
  return eligible < policy.minimumGroupSize
}

/**
 * Whether the held contributions of one proposal are released now. At the
 * consultation's closing everything held is released, whatever the group's
 * size: the consultation cannot complete, nor the decision be taken, without
 * contributions the proposer has not seen (staff are told so before writing).
 */
export function releaseDue(input: {
  occasion: ReleaseOccasion
  held: number
  eligible: number
  policy: AnonymityPolicy
}): boolean {
  const { occasion, held, eligible, policy } = input
  if (held === 0) return false
  if (occasion === 'closing') return true
  if (!isSmallGroup(eligible, policy)) return true
  return policy.hold === 'until_several' && held >= policy.several
}
