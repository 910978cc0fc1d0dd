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

const LABELS: Record<Stage, string> = {
  draft: 'Draft',
  screening: 'Ethics screening',
  consultation: 'Consultation',
  decision: 'Awaiting decision',
  approved: 'Approved',
  monitoring: 'Monitoring',
  reassessment: 'Reassessment',
  suspended: 'Suspended',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  terminated: 'Terminated',
  concluded: 'Concluded',
}

export function stageLabel(stage: string) {
  return LABELS[stage as Stage] ?? stage
}
