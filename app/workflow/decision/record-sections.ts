import { type AuditEntry, type DecisionRow, type Organisation, type SignedAs } from '#db/schema'
import {
  type AuditHead,
  type Decision,
  type OrganisationInfo,
  type PrivacyResult,
  type ScreeningResult,
  type Signatory,
} from '~/pdf/record-data'
import { ROLE_LABELS } from '#machines/vocabulary/roles'
import { recordPlan } from '#machines/vocabulary/monitoring-plan'
import { type ScreeningRecord } from '~/workflow/screening/screening.server'
import { isApproval, type BlockingIssue } from './decision-schema'

/**
 * Each section of a signed decision record, worked out from what is stored:
 * pure, so that every section is tested on its own. Consultation's sections
 * come ready-made from getConsultationRecord.
 */

/** An English-only service's records carry no `languages`, so they stay exactly as before services chose theirs. */
export function organisationSection(org: Pick<Organisation, 'name' | 'settings'>): OrganisationInfo {
  const { languages, professionalBodyName } = org.settings
  return { name: org.name, professionalBodyName, ...(languages && languages !== 'en' ? { languages } : {}) }
}

/** How the record names the person who decided (and who overrode any blocking issue). */
export function deciderName(name: string) {
  return `${name}, ${ROLE_LABELS.chief_librarian}`
}

export function screeningSection(s: ScreeningRecord): ScreeningResult {
  return {
    rubricVersion: s.rubricVersion,
    bands: s.bands,
    criteria: s.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      principles: c.principles,
      median: c.median,
      range: c.range,
      disagreement: c.disagreement,
      residual: c.residual,
      reviews: c.reviews,
    })),
    recusals: s.recusals,
  }
}

/** The required privacy items reviewers answered "no", keyed so that an override names its item. */
export function blockingIssuesOf(s: Pick<ScreeningRecord, 'privacy'>): BlockingIssue[] {
  // Screening lists its blocking issues in the order of the items they come from.
  const flagged = s.privacy.items.filter((i) => i.required && i.answer === 'no')
  return flagged.map((item, n) => ({ key: item.key, issue: s.privacy.blockingIssues[n]?.issue ?? item.question }))
}

export function privacySection(
  s: Pick<ScreeningRecord, 'privacy'>,
  decision: Pick<DecisionRow, 'outcome' | 'overrides'>,
  decidedBy: string,
): PrivacyResult {
  return {
    items: s.privacy.items.map((i) => ({ question: i.question, answer: i.answer, evidence: i.evidence, required: i.required })),
    blockingIssues: blockingIssuesOf(s).map((b) => {
      // An override stands only where the decision went ahead despite the issue.
      const override = isApproval(decision.outcome) ? decision.overrides.find((o) => o.key === b.key) : undefined
      return { issue: b.issue, override: override ? { rationale: override.rationale, by: decidedBy } : null }
    }),
  }
}

export function decisionSection(
  d: Pick<DecisionRow, 'outcome' | 'rationale' | 'conditions' | 'dissent' | 'monitoringPlan' | 'recordedAt'>,
  decidedBy: string,
): Decision {
  return {
    outcome: d.outcome,
    rationale: d.rationale,
    decidedBy,
    decidedAt: d.recordedAt,
    conditions: d.conditions,
    dissent: d.dissent,
    monitoring: isApproval(d.outcome) && d.monitoringPlan ? recordPlan(d.monitoringPlan) : null,
  }
}

export function signatoriesSection(signatures: { name: string; signedAs: SignedAs; signedAt: Date }[]): Signatory[] {
  return signatures.map((s) => ({ name: s.name, role: ROLE_LABELS[s.signedAs], signedAt: s.signedAt }))
}

/** The record pins the chain at the entry of its own last signature. */
export function auditSection(entry: Pick<AuditEntry, 'hash' | 'seq'>): AuditHead {
  return { hash: entry.hash, seq: entry.seq }
}

/**
 * Minority views to start the dissent from: for each criterion reviewers
 * scored two or more bands apart, what each of them gave and why.
 */
export function dissentSuggestions(s: Pick<ScreeningResult, 'criteria'>): string[] {
  return s.criteria
    .filter((c) => c.disagreement)
    .map((c) => {
      const views = [...c.reviews]
        .sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact)
        .map((r) => `${r.reviewer} scored ${r.likelihood} × ${r.impact} = ${r.likelihood * r.impact}${r.rationale ? `: ${r.rationale}` : ''}`)
      return `Reviewers disagreed on “${c.name}” (scores from ${c.range.min} to ${c.range.max}). ${views.join('; ')}`
    })
}
