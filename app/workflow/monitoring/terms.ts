import { type Condition, type ReassessmentOutcome, type ReviewTrigger } from '~/pdf/record-data'

/**
 * The vocabulary of monitoring, in one place for the tables, the forms and
 * the pages (and typed against the signed record's own types, so that what a
 * page says and what the addendum prints cannot drift apart).
 */

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const
export const THRESHOLD_KINDS = ['absolute', 'percent'] as const
/** Where a review's value comes from: typed in, or counted from what Probity recorded in the period. */
export const INDICATOR_MEASURES = ['manual', 'incidents', 'staff_concerns'] as const
export const CONDITION_SOURCES = ['professional_body', 'staff', 'decision'] as const satisfies readonly Condition['source'][]
export const RAG_STATUSES = ['red', 'amber', 'green'] as const
export const CONDITION_STATUSES = ['met', 'not_met', 'in_progress'] as const
export const ESCALATION_TRIGGERS = ['threshold', 'manual', 'concern_surge', 'condition_not_met'] as const satisfies readonly ReviewTrigger[]
export const OUTCOME_PHASES = ['reassessment', 'suspension'] as const
export const REASSESSMENT_OUTCOMES = ['continue', 'add_conditions', 'suspend', 'terminate'] as const satisfies readonly ReassessmentOutcome[]
export const SUSPENSION_OUTCOMES = ['resume', 'terminate'] as const satisfies readonly ReassessmentOutcome[]

export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number]
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number]
export type ConditionSource = (typeof CONDITION_SOURCES)[number]
export type ConditionStatus = (typeof CONDITION_STATUSES)[number]
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number]
export type OutcomePhase = (typeof OUTCOME_PHASES)[number]

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
}

export const THRESHOLD_KIND_LABELS: Record<ThresholdKind, string> = {
  percent: 'Percentage change from the baseline',
  absolute: 'Change from the baseline in the indicator’s unit',
}

export const MEASURE_LABELS: Record<IndicatorMeasure, string> = {
  manual: 'Entered at each review',
  incidents: 'Counted from incidents recorded in the period',
  staff_concerns: 'Counted from staff concerns raised in the period',
}

export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  met: 'Met',
  not_met: 'Not met',
  in_progress: 'In progress',
}

export const CONDITION_SOURCE_LABELS: Record<ConditionSource, string> = {
  professional_body: 'Professional body recommendation',
  staff: 'Staff consultation',
  decision: 'Decision',
}

export const TRIGGER_LABELS: Record<EscalationTrigger, string> = {
  threshold: 'An indicator went beyond its threshold',
  manual: 'Escalated by the chief librarian',
  concern_surge: 'A surge of staff concerns',
  condition_not_met: 'A condition not met at two reviews running',
}

export const OUTCOME_LABELS: Record<ReassessmentOutcome, string> = {
  continue: 'Continue as it is',
  add_conditions: 'Continue with added conditions',
  suspend: 'Suspend the partnership',
  terminate: 'Terminate the partnership',
  resume: 'Resume the partnership',
}
