import { AuditDetailSchema, type AuditDetail } from '#machines/vocabulary/audit-entries'
import { formatDate } from './calendar'
import { DEFAULT_LOCALE, fixedT, type Locale } from './i18n'
import { vocabulary } from './vocabulary'

/**
 * The one place an audit entry becomes words, in the reader's language (the
 * 'audit' namespace). The timeline, the subject-access export and anything
 * else that shows what happened call this at display time; the English
 * rendering is also what a new entry stores as its summary.
 */
export function renderAuditDetail(d: AuditDetail, locale: Locale = DEFAULT_LOCALE): string {
  const t = fixedT(locale, 'audit')
  const label = vocabulary(locale)
  const date = (value: string) => formatDate(value, locale)
  switch (d.kind) {
    case 'proposal.created':
      return t('entry.proposalCreated')
    case 'draft.saved':
      return t('entry.draftSaved')
    case 'attachment.added':
      return t('entry.attachmentAdded', { filename: d.filename })
    case 'attachment.removed':
      return t('entry.attachmentRemoved')
    case 'reviewers.assigned':
      return t('entry.reviewersAssigned')
    case 'proposal.submitted':
      return t('entry.proposalSubmitted')
    case 'proposal.withdrawn':
      return t('entry.proposalWithdrawn')
    case 'reviewer.added':
      return t('entry.reviewerAdded')
    case 'conflict.declared':
      return d.conflict ? t('entry.conflictDeclared') : t('entry.noConflictDeclared')
    case 'scores.saved':
      return d.submitted ? t('entry.scoresSubmitted') : t('entry.scoresSaved')
    case 'screening.completed':
      return t('entry.screeningCompleted')
    case 'pb.requested':
      return t('entry.pbRequested', { body: d.body, deadline: date(d.deadline) })
    case 'pb.response.recorded':
      return d.body == null
        ? t('entry.pbResponseRecordedUnnamed', { count: d.recommendations })
        : t('entry.pbResponseRecorded', { count: d.recommendations, body: d.body })
    case 'pb.recommendation.answered':
      return d.accepted ? t('entry.recommendationAccepted') : t('entry.recommendationNotAccepted')
    case 'pb.closed.unanswered':
      return t('entry.pbClosedUnanswered')
    case 'pb.completed':
      return t('entry.pbCompleted')
    case 'staff.opened':
      return t('entry.staffOpened', { closesOn: date(d.closesOn) })
    case 'union.response.recorded':
      return t('entry.unionResponseRecorded', { union: d.union })
    case 'staff.completed':
      return t('entry.staffCompleted')
    case 'concern.raised': {
      const category = label('concernCategory', d.category).toLocaleLowerCase(locale)
      return d.anonymous ? t('entry.concernRaisedAnonymously', { category }) : t('entry.concernRaised', { category })
    }
    case 'concern.endorsed':
      return d.anonymous ? t('entry.concernEndorsedAnonymously') : t('entry.concernEndorsed')
    case 'concern.answered':
      return d.condition ? t('entry.concernAnsweredWithCondition') : t('entry.concernAnswered')
    case 'concern.hidden':
      return t('entry.concernHidden')
    case 'anonymous.released': {
      const concerns = d.concerns > 0 ? t('entry.anonymousConcerns', { count: d.concerns }) : null
      const endorsements = d.endorsements > 0 ? t('entry.anonymousEndorsements', { count: d.endorsements }) : null
      const what = concerns && endorsements ? t('entry.releasedBoth', { concerns, endorsements }) : (concerns ?? endorsements ?? '')
      return d.occasion === 'closing' ? t('entry.releasedAtClosing', { what }) : t('entry.released', { what })
    }
    case 'decision.recorded':
      return t('entry.decisionRecorded', { outcome: label('decisionOutcome', d.outcome) })
    case 'decision.signed': {
      // Never the stored name of an older entry: the timeline names the signer from the account, pseudonym after an erasure.
      const role = label('role', d.signer.role).toLocaleLowerCase(locale)
      const signed = t('entry.decisionSigned', { role, how: stepUpPhrase(d.stepUp, locale) })
      return d.issued ? t('entry.recordIssued', { signed, outcome: label('decisionOutcome', d.issued) }) : signed
    }
    case 'monitoring.started':
      return t('entry.monitoringStarted')
    case 'contract.ended':
      return t('entry.contractEnded')
    case 'review.recorded': {
      const review = t('entry.reviewRecorded', { slot: d.slot, status: label('rag', d.status) })
      const text = d.findings.length
        ? t('entry.reviewFindings', { review, findings: d.findings.join(t('entry.findingsSeparator')) })
        : review
      return d.escalates ? t('entry.backForReassessment', { text }) : text
    }
    case 'incident.recorded':
      return t('entry.incidentRecorded', { occurredOn: date(d.occurredOn), location: d.location })
    case 'escalated':
      return t('entry.escalated', { reason: d.reason })
    case 'concern.surge':
      return t('entry.concernSurge', { raised: d.raised, limit: d.limit })
    case 'outcome.proposed': {
      const outcome = label('reassessmentOutcome', d.outcome)
      return d.phase === 'reassessment'
        ? t('entry.reassessmentProposed', { outcome })
        : t('entry.suspensionProposed', { outcome })
    }
    case 'outcome.signed': {
      const outcome = label('reassessmentOutcome', d.outcome)
      // Entries written before single sign-on did not say how an outcome's signer stepped up.
      if (!d.stepUp) return d.inForce ? t('entry.outcomeInForce', { outcome }) : t('entry.outcomeSigned', { outcome })
      const how = stepUpPhrase(d.stepUp, locale)
      return d.inForce ? t('entry.outcomeInForceHow', { how, outcome }) : t('entry.outcomeSignedHow', { how, outcome })
    }
  }
}

/**
 * What an entry says happened, in the reader's language: rendered from its
 * typed detail; entries written before details existed keep their stored text
 * (English, as it was written); failing both, the event's name.
 */
export function describeAuditEntry(
  entry: {
    detail: unknown
    summary: string
    eventType: string
  },
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (entry.detail != null) {
    const parsed = AuditDetailSchema.safeParse(entry.detail)
    if (parsed.success) return renderAuditDetail(parsed.data, locale)
  }
  return entry.summary || entry.eventType
}

/** How the signatory proved it was them, as the audit trail words it. */
function stepUpPhrase(stepUp: Extract<AuditDetail, { kind: 'decision.signed' }>['stepUp'], locale: Locale): string {
  const t = fixedT(locale, 'audit')
  return stepUp?.method === 'sso' ? t('stepUp.sso', { provider: stepUp.provider }) : t('stepUp.password')
}
