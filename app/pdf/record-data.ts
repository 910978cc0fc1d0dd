import { type ServiceLanguages } from '#db/schema'
import { type ConcernCategory } from '#machines/vocabulary/consultation'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type ConditionStatus, type Indicator, type MonitoringPlan, type Rag, type ReassessmentOutcome, type ReviewTrigger } from '#machines/vocabulary/monitoring'
import { type RiskBandThresholds } from '#machines/vocabulary/risk'

/**
 * Everything a signed decision record shows, gathered by the decision
 * workflow from screening, consultation and the decision itself. The PDF is
 * drawn from this alone, so the record says exactly what the workflow passed.
 *
 * Calendar dates are ISO `YYYY-MM-DD` strings (an anonymous concern keeps
 * only its day); moments are Dates.
 */

/** What identifies the record itself; filled in when it is issued. */
export type RecordMeta = {
  reference: string
  issuedAt: Date
  /** Printed and encoded in the QR code; it names the record, not its hash (unknown until signed). */
  verifyUrl: string
  /** The same record as an accessible web page, drawn from the data embedded in the signed file. */
  accessibleUrl: string
}

export type OrganisationInfo = {
  name: string
  professionalBodyName: string
  /**
   * The languages the service worked in when the record was issued, which
   * the record is written in: English, Welsh, or both (Welsh first). Absent
   * on records issued before services chose their languages: English.
   */
  languages?: ServiceLanguages
}

export type ProposalSummary = {
  reference: string
  title: string
  /** The proposer's Welsh title and summary, when they gave them (issue 19); absent otherwise, so older records still read. */
  titleCy?: string
  summaryCy?: string
  partner: string
  contractor: string | null
  service: string
  deliveredBy: string
  sites: string[]
  startDate: string | null
  endDate: string | null
  renewalTerms: string | null
  /** Free text such as "£12,000 a year"; the intake form decides the wording. */
  income: string | null
  costs: string | null
  purpose: string
  personalData: {
    categories: string[]
    sharedWith: string
    retention: string
    processedWhere: string
  }
  userGroups: string[]
  vulnerableGroups: string[]
  priorEngagement: string
}

export type Rating = { likelihood: number; impact: number }

export type ReviewerScore = Rating & {
  reviewer: string
  rationale: string
  mitigations: string
  residual: Rating
}

/** Aggregates come from the screening module; the record prints them as given. */
export type CriterionResult = {
  id: string
  name: string
  principles: string[]
  median: Rating & { score: number }
  range: { min: number; max: number }
  disagreement: boolean
  residual: Rating & { score: number }
  reviews: ReviewerScore[]
}

export type ScreeningResult = {
  rubricVersion: number
  bands: RiskBandThresholds
  criteria: CriterionResult[]
  recusals: { reviewer: string; reason: string }[]
}

export type PrivacyAnswer = 'yes' | 'no' | 'not_applicable'

export type PrivacyResult = {
  items: { question: string; answer: PrivacyAnswer; evidence: string; required: boolean }[]
  /** A required "no" found in screening, and the override if the decision went ahead despite it. */
  blockingIssues: { issue: string; override: { rationale: string; by: string } | null }[]
}

export type Recommendation =
  | { text: string; answer: 'accepted' }
  | { text: string; answer: 'not_accepted'; rationale: string }

export type ProfessionalBodyConsultation = {
  request: { sentOn: string; contact: string; shared: string; deadline: string } | null
  response:
    | { received: true; receivedOn: string; summary: string; recommendations: Recommendation[] }
    | { received: false; note: string }
}

/**
 * An anonymous concern has no author field at all, so nothing that names or
 * identifies its author can reach the record by mistake.
 */
export type ConcernAuthor = { anonymous: true } | { anonymous: false; name: string }

export type StaffConcern = {
  category: ConcernCategory
  text: string
  raisedBy: ConcernAuthor
  raisedOn: string
  endorsements: number
  response: { text: string; respondedOn: string } | null
  /** Hidden for breaking the code of conduct: the record keeps the fact and reason, not the text. */
  hidden: { reason: string } | null
}

export type StaffConsultation = {
  openedOn: string
  closesOn: string
  summary: string
  concerns: StaffConcern[]
}

export type UnionConsultation =
  | { recognised: false }
  | { recognised: true; union: string; consultedOn: string; response: string }

export type Decision = {
  outcome: Outcome
  rationale: string
  decidedBy: string
  decidedAt: Date
  conditions: Condition[]
  dissent: string[]
  monitoring: MonitoringPlan | null
}

export type Signatory = { name: string; role: string; signedAt: Date }

export type AuditHead = { hash: string; seq: number }

export type DecisionRecordData = {
  record: RecordMeta
  organisation: OrganisationInfo
  proposal: ProposalSummary
  screening: ScreeningResult
  privacy: PrivacyResult
  professionalBody: ProfessionalBodyConsultation
  staff: StaffConsultation
  union: UnionConsultation
  decision: Decision
  signatories: Signatory[]
  audit: AuditHead
}

export type IndicatorReading = Indicator & { value: number; breached: boolean }

export type ConditionCheck = { text: string; status: ConditionStatus }

/** The monitoring review that sent the partnership back for reassessment. */
export type TriggeringReview = {
  trigger: ReviewTrigger
  summary: string
  reviewedOn: string
  status: Rag
  narrative: string
  readings: IndicatorReading[]
  conditions: ConditionCheck[]
}

export type AddendumData = {
  record: RecordMeta
  organisation: OrganisationInfo
  /** The record this one adds to; the hash ties the two files together. */
  parent: { reference: string; sha256: string; issuedAt: Date }
  proposal: Pick<ProposalSummary, 'reference' | 'title' | 'partner' | 'contractor'>
  review: TriggeringReview
  outcome: ReassessmentOutcome
  rationale: string
  decidedBy: string
  decidedAt: Date
  newConditions: Condition[]
  monitoring: MonitoringPlan | null
  signatories: Signatory[]
  audit: AuditHead
}
