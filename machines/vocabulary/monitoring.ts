import { type ConditionSource } from './decision'

/**
 * The vocabulary of monitoring, in one place for the tables, the forms, the
 * pages and the signed addendum, so that what a page says and what the
 * addendum prints cannot drift apart.
 */

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const
export const THRESHOLD_KINDS = ['absolute', 'percent'] as const
/** Where a review's value comes from: typed in, or counted from what Probity recorded in the period. */
export const INDICATOR_MEASURES = ['manual', 'incidents', 'staff_concerns'] as const
export const RAG_STATUSES = ['red', 'amber', 'green'] as const
export const CONDITION_STATUSES = ['met', 'not_met', 'in_progress'] as const
export const ESCALATION_TRIGGERS = ['threshold', 'manual', 'concern_surge', 'condition_not_met'] as const
export const OUTCOME_PHASES = ['reassessment', 'suspension'] as const
/** What a reassessment can decide, and what a suspended partnership's review can. */
export const REASSESSMENT_OUTCOMES = ['continue', 'add_conditions', 'suspend', 'terminate'] as const
export const SUSPENSION_OUTCOMES = ['resume', 'terminate'] as const

export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number]
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number]
export type ConditionStatus = (typeof CONDITION_STATUSES)[number]
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number]
export type OutcomePhase = (typeof OUTCOME_PHASES)[number]
export type Rag = (typeof RAG_STATUSES)[number]
/** What sent a partnership back for reassessment. */
export type ReviewTrigger = EscalationTrigger
export type ReassessmentOutcome = (typeof REASSESSMENT_OUTCOMES)[number] | (typeof SUSPENSION_OUTCOMES)[number]

export type Indicator = {
  name: string
  unit: string
  baseline: number
  direction: IndicatorDirection
  /** How far the value may move the wrong way from the baseline before reassessment. */
  threshold: { kind: ThresholdKind; value: number }
}

export type MonitoringPlan = { intervalMonths: number; indicators: Indicator[] }

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
