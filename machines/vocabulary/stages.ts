/** Every stage a proposal can be in (the lifecycle machine's top-level states), in the order the process runs. */
export const STAGES = [
  'draft',
  'screening',
  'consultation',
  'decision',
  'approved',
  'monitoring',
  'reassessment',
  'suspended',
  'rejected',
  'withdrawn',
  'terminated',
  'concluded',
] as const
export type Stage = (typeof STAGES)[number]
