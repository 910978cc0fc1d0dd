/** How the register can be ordered and which review dates it can filter by. */
export const REGISTER_SORTS = ['reference', 'title', 'partner', 'stage', 'risk', 'decided', 'next_review'] as const
export type RegisterSort = (typeof REGISTER_SORTS)[number]
export const DUE_FILTERS = ['overdue', 'due'] as const
