const LABELS: Record<string, string> = {
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
  return LABELS[stage] ?? stage
}
