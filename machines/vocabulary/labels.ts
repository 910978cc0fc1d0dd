import { type ConcernCategory } from './consultation'
import { type Outcome } from './decision'
import { type Rag } from './monitoring'
import { type RiskBand } from './risk'
import { type Stage } from './stages'

/**
 * The words the pages and the signed PDF both show for the vocabulary, in one
 * place so that a screen and a record cannot name the same thing differently.
 */

export const STAGE_LABELS: Record<Stage, string> = {
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
  return STAGE_LABELS[stage as Stage] ?? stage
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  approve: 'Approved',
  approve_with_conditions: 'Approved with conditions',
  reject: 'Rejected',
  return_for_revision: 'Returned for revision',
}

/** A decision's outcome as a record and the register state it. */
export function outcomeLabel(outcome: Outcome): string {
  return OUTCOME_LABELS[outcome]
}

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
}

/** Short band marks drawn in each cell of the grid, so that it does not rely on colour. */
export const BAND_MARKS: Record<RiskBand, string> = { low: 'L', medium: 'M', high: 'H', very_high: 'VH' }

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' }

/** A concern's category, as the forms and the timeline name it. */
export const CONCERN_CATEGORY_LABELS: Record<ConcernCategory, string> = {
  ethics: 'Ethics',
  privacy: 'Privacy',
  safety: 'Safety',
  workload: 'Workload',
  reputation: 'Reputation',
  other: 'Something else',
}
