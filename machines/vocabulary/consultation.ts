/** What a member of staff can raise a concern about. */
export const CONCERN_CATEGORIES = ['ethics', 'privacy', 'safety', 'workload', 'reputation', 'other'] as const
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number]
