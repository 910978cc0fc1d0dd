// The 'vocabulary' namespace in English: the words for the values of machines/vocabulary
// (stages, outcomes, roles, risk bands …), keyed by the value itself. The English words
// stay where the machines define them, so a page, the record and the register cannot
// name one thing two ways; this catalogue keys them for translation
// (app/utils/vocabulary.ts gives the one helper that reads them).
import { type DELIVERED_BY } from '#db/schema'
import {
  BAND_MARKS,
  CONCERN_CATEGORY_LABELS,
  OUTCOME_LABELS as DECISION_OUTCOME_LABELS,
  RAG_LABELS,
  RISK_BAND_LABELS,
  STAGE_LABELS,
} from '#machines/vocabulary/labels'
import {
  CONDITION_SOURCE_LABELS,
  CONDITION_STATUS_LABELS,
  DIRECTION_LABELS,
  MEASURE_LABELS,
  OUTCOME_LABELS as REASSESSMENT_OUTCOME_LABELS,
  THRESHOLD_KIND_LABELS,
  TRIGGER_LABELS,
} from '#machines/vocabulary/monitoring'
import { ROLE_LABELS } from '#machines/vocabulary/roles'
import { HIGHER_BAR, VULNERABLE_GROUP_NAMES, type VulnerableGroup } from '#machines/vocabulary/vulnerable-groups'

export default {
  stage: STAGE_LABELS,
  decisionOutcome: DECISION_OUTCOME_LABELS,
  riskBand: RISK_BAND_LABELS,
  /** Short band marks drawn in each cell of the risk grid, so that it does not rely on colour. */
  bandMark: BAND_MARKS,
  rag: RAG_LABELS,
  concernCategory: CONCERN_CATEGORY_LABELS,
  role: ROLE_LABELS,
  indicatorDirection: DIRECTION_LABELS,
  thresholdKind: THRESHOLD_KIND_LABELS,
  indicatorMeasure: MEASURE_LABELS,
  conditionStatus: CONDITION_STATUS_LABELS,
  conditionSource: CONDITION_SOURCE_LABELS,
  escalationTrigger: TRIGGER_LABELS,
  reassessmentOutcome: REASSESSMENT_OUTCOME_LABELS,
  /** How a sentence names each vulnerable group ("This proposal affects …"). */
  vulnerableGroupName: VULNERABLE_GROUP_NAMES,
  /** How the proposal form offers each vulnerable group. */
  vulnerableGroup: {
    minors: 'Children and young people (under 18)',
    migrants: 'Migrants, refugees and asylum seekers',
    homelessness: 'People experiencing homelessness',
    other: 'Other vulnerable people (say who below)',
  } satisfies Record<VulnerableGroup, string>,
  /** What the higher bar asks of a criterion (by its key in the default rubric) for each vulnerable group. */
  higherBar: HIGHER_BAR,
  deliveredBy: {
    library_staff: 'Library staff',
    partner_staff: 'The partner’s (or contractor’s) staff',
    both: 'Both',
  } satisfies Record<(typeof DELIVERED_BY)[number], string>,
} as const
