/** What a decision can be. */
export const OUTCOMES = ['approve', 'approve_with_conditions', 'reject', 'return_for_revision'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** Where a condition of approval came from. */
export const CONDITION_SOURCES = ['professional_body', 'staff', 'decision'] as const
export type ConditionSource = (typeof CONDITION_SOURCES)[number]

export type Condition = { text: string; source: ConditionSource }
