import { AuditDetailSchema, type AuditDetail } from '#machines/vocabulary/audit-entries'
import { CONCERN_CATEGORY_LABELS, RAG_LABELS, outcomeLabel } from '#machines/vocabulary/labels'
import { OUTCOME_LABELS } from '#machines/vocabulary/monitoring'
import { ROLE_LABELS } from '#machines/vocabulary/roles'
import { formatDate } from './calendar'

/**
 * The one place an audit entry becomes words. The timeline, the record and
 * anything else that shows what happened call this; a Welsh rendering is a
 * second branch here, not a change at every call site.
 */
export function renderAuditDetail(d: AuditDetail): string {
  switch (d.kind) {
    case 'proposal.created':
      return 'Proposal created'
    case 'draft.saved':
      return 'Draft saved'
    case 'attachment.added':
      return `Attached “${d.filename}”`
    case 'attachment.removed':
      return 'Attachment removed'
    case 'reviewers.assigned':
      return 'Ethics reviewers assigned'
    case 'proposal.submitted':
      return 'Submitted for ethics screening'
    case 'proposal.withdrawn':
      return 'Withdrawn'
    case 'reviewer.added':
      return 'Ethics reviewer added'
    case 'conflict.declared':
      return d.conflict
        ? 'A reviewer declared a conflict of interest and is recused'
        : 'A reviewer declared no conflict of interest'
    case 'scores.saved':
      return d.submitted ? 'A reviewer submitted their scores' : 'A reviewer saved draft scores'
    case 'screening.completed':
      return 'Ethics screening completed'
    case 'pb.requested':
      return `Opinion requested from ${d.body}, due by ${formatDate(d.deadline)}`
    case 'pb.response.recorded':
      return `Response from ${d.body ?? 'the professional body'} recorded, with ${d.recommendations === 1 ? 'one recommendation' : `${d.recommendations} recommendations`}`
    case 'pb.recommendation.answered':
      return d.accepted
        ? 'Recommendation accepted as a condition'
        : 'Recommendation not accepted, with a rationale'
    case 'pb.closed.unanswered':
      return 'Closed: no response was received by the deadline'
    case 'pb.completed':
      return 'Professional body consultation completed'
    case 'staff.opened':
      return `Staff consultation opened, closing on ${formatDate(d.closesOn)}`
    case 'union.response.recorded':
      return `Response of ${d.union} recorded`
    case 'staff.completed':
      return 'Staff consultation completed'
    case 'concern.raised':
      return `Concern raised${d.anonymous ? ' anonymously' : ''}: ${CONCERN_CATEGORY_LABELS[d.category].toLowerCase()}`
    case 'concern.endorsed':
      return d.anonymous ? 'Concern endorsed anonymously' : 'Concern endorsed'
    case 'concern.answered':
      return d.condition
        ? 'Response published to a concern, with a condition'
        : 'Response published to a concern'
    case 'concern.hidden':
      return 'A concern was hidden for breaking the code of conduct'
    case 'anonymous.released': {
      const parts = [
        d.concerns > 0 ? plural(d.concerns, 'anonymous concern') : null,
        d.endorsements > 0 ? plural(d.endorsements, 'anonymous endorsement') : null,
      ].filter(Boolean)
      return `${parts.join(' and ')} released${d.occasion === 'closing' ? ' at the consultation’s closing' : ''}`
    }
    case 'decision.recorded':
      return `Decision recorded for signature: ${outcomeLabel(d.outcome)}`
    case 'decision.signed': {
      // Never the stored name of an older entry: the timeline names the signer from the account, pseudonym after an erasure.
      const signed = `Decision signed as ${ROLE_LABELS[d.signer.role].toLowerCase()}, ${stepUpPhrase(d.stepUp)}.`
      return d.issued ? `${signed} ${outcomeLabel(d.issued)}: signed record issued.` : signed
    }
    case 'monitoring.started':
      return 'Monitoring started'
    case 'contract.ended':
      return 'Contract ended'
    case 'review.recorded':
      return `Review ${d.slot} recorded (${RAG_LABELS[d.status]})${d.findings.length ? `: ${d.findings.join('; ')}` : ''}${d.escalates ? '. The partnership goes back for reassessment.' : ''}`
    case 'incident.recorded':
      return `Incident recorded: ${formatDate(d.occurredOn)}, ${d.location}`
    case 'escalated':
      return `Escalated for reassessment: ${d.reason}`
    case 'concern.surge':
      return `A surge of staff concerns: ${d.raised} raised in this review period, against a limit of ${d.limit}. The partnership goes back for reassessment.`
    case 'outcome.proposed':
      return `${d.phase === 'reassessment' ? 'Reassessment' : 'Suspension'} outcome proposed for signature: ${OUTCOME_LABELS[d.outcome]}`
    case 'outcome.signed': {
      // Entries written before single sign-on did not say how an outcome's signer stepped up.
      const how = d.stepUp ? ` ${stepUpPhrase(d.stepUp)}` : ''
      return d.inForce
        ? `Outcome signed${how}${how ? ',' : ''} and in force: ${OUTCOME_LABELS[d.outcome]}. Signed addendum issued.`
        : `Outcome signed${how}: ${OUTCOME_LABELS[d.outcome]}`
    }
  }
}

/**
 * What an entry says happened: rendered from its typed detail; entries written
 * before details existed keep their stored text; failing both, the event's name.
 */
export function describeAuditEntry(entry: {
  detail: unknown
  summary: string
  eventType: string
}): string {
  if (entry.detail != null) {
    const parsed = AuditDetailSchema.safeParse(entry.detail)
    if (parsed.success) return renderAuditDetail(parsed.data)
  }
  return entry.summary || entry.eventType
}

/** How the signatory proved it was them, as the audit trail words it. */
function stepUpPhrase(stepUp: Extract<AuditDetail, { kind: 'decision.signed' }>['stepUp']): string {
  return stepUp?.method === 'sso'
    ? `after signing in again at ${stepUp.provider} (single sign-on)`
    : 'after re-entering their password'
}

function plural(n: number, noun: string) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
