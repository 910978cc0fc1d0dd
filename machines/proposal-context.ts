/**
 * What the proposal machine remembers, in a module of its own so that the
 * rules beside the machine (./consultation-readiness.ts) can read it without
 * importing the machine that imports them.
 */

export type ReviewerStatus = 'assigned' | 'cleared' | 'recused' | 'submitted'

export type ProposalContext = {
  proposalId: string
  organisationId: string
  proposerId: string
  minReviewers: number
  /** 1 or 2: whether the organisation requires a second signatory. */
  requiredSignatures: number
  minConsultationDays: number
  unionRequired: boolean
  reviewers: Record<string, ReviewerStatus>
  professionalBody: {
    deadline: string | null
    responded: boolean
    /** recommendation id → answered */
    recommendations: Record<string, boolean>
    closedWithoutResponse: boolean
  }
  staff: {
    closingDate: string | null
    /** concern id → answered (a hidden concern needs no answer) */
    concerns: Record<string, boolean>
    unionRecorded: boolean
  }
  /** The outcome being signed and who has signed it, in decision, reassessment or suspension. */
  pending: { outcome: string; signedBy: string[] } | null
  revisions: number
  reviewsRecorded: number
}

export type ProposalInput = {
  proposalId: string
  organisationId: string
  proposerId: string
  minReviewers: number
  requiredSignatures: number
  minConsultationDays: number
  unionRequired: boolean
}
