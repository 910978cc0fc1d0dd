import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import {
  accountTokens,
  attachments,
  auditEntries,
  concernEndorsements,
  decisionSignatures,
  decisions,
  incidents,
  indicatorLibrary,
  monitoringPlans,
  monitoringReviews,
  notifications,
  outboxMessages,
  privacyAnswers,
  professionalBodyConsultations,
  professionalBodyRecommendations,
  proposalIntakes,
  proposals,
  reassessmentSignatures,
  reassessments,
  reviewScores,
  rubrics,
  screeningReviewers,
  serviceAuditEntries,
  sessions,
  ssoFlows,
  staffConcerns,
  staffConsultations,
  unionConsultations,
  users,
} from './schema/index'

/**
 * Every column that points at a person, and so every place a subject access
 * export must look (ADR 031). The integration test compares this with the
 * database's own foreign keys to `users`, so a new one fails it until it is
 * read here. Held and released anonymous contributions have none: Probity does
 * not know who wrote them.
 */
export const PERSON_COLUMNS = [
  'users.id',
  'sessions.user_id',
  'account_tokens.user_id',
  'sso_flows.user_id',
  'notifications.user_id',
  'proposals.proposer_id',
  'proposal_intakes.reviewer_ids',
  'attachments.uploaded_by',
  'rubrics.created_by',
  'indicator_library.created_by',
  'screening_reviewers.reviewer_id',
  'review_scores.reviewer_id',
  'privacy_answers.reviewer_id',
  'professional_body_consultations.requested_by',
  'professional_body_consultations.responded_by',
  'professional_body_consultations.closed_by',
  'professional_body_recommendations.answered_by',
  'staff_consultations.opened_by',
  'union_consultations.recorded_by',
  'staff_concerns.author_id',
  'staff_concerns.responded_by',
  'staff_concerns.hidden_by',
  'concern_endorsements.endorser_id',
  'decisions.recorded_by',
  'decision_signatures.user_id',
  'monitoring_plans.responsible_id',
  'reassessments.recorded_by',
  'reassessment_signatures.user_id',
  'monitoring_reviews.recorded_by',
  'incidents.recorded_by',
  'audit_entries.actor_id',
  'service_audit_entries.actor_id',
  'service_audit_entries.subject_id',
] as const

/** Everything Probity holds that names or points at one person of one organisation, as stored. */
export async function readPersonData(db: Queryable, organisationId: string, userId: string) {
  const [account] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      roles: users.roles,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
  if (!account) return undefined
  const inOrganisation = eq(proposals.organisationId, organisationId)
  const pbc = professionalBodyConsultations

  const data = {
    account,
    sessions: await db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, method: sessions.method })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
    accountLinks: await db
      .select({ purpose: accountTokens.purpose, createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
      .from(accountTokens)
      .where(eq(accountTokens.userId, userId))
      .orderBy(asc(accountTokens.createdAt)),
    singleSignOnInProgress: await db
      .select({ purpose: ssoFlows.purpose, expiresAt: ssoFlows.expiresAt })
      .from(ssoFlows)
      .where(eq(ssoFlows.userId, userId)),
    notifications: await db
      .select({ kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt)),
    emails: await db
      .select({ to: outboxMessages.toAddress, subject: outboxMessages.subject, body: outboxMessages.body, status: outboxMessages.status, createdAt: outboxMessages.createdAt, sentAt: outboxMessages.sentAt })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organisationId, organisationId), sql`lower(${outboxMessages.toAddress}) = lower(${account.email})`))
      .orderBy(asc(outboxMessages.createdAt)),
    proposalsProposed: await db
      .select({ proposalId: proposals.id, title: proposals.title, partner: proposals.partner, stage: proposals.stage, createdAt: proposals.createdAt })
      .from(proposals)
      .where(and(inOrganisation, eq(proposals.proposerId, userId)))
      .orderBy(asc(proposals.createdAt)),
    chosenAsReviewer: await db
      .select({ proposalId: proposalIntakes.proposalId })
      .from(proposalIntakes)
      .innerJoin(proposals, eq(proposals.id, proposalIntakes.proposalId))
      .where(and(inOrganisation, sql`${proposalIntakes.reviewerIds} @> ${JSON.stringify([userId])}::jsonb`)),
    attachmentsUploaded: await db
      .select({ proposalId: attachments.proposalId, filename: attachments.filename, purpose: attachments.purpose, sha256: attachments.sha256, createdAt: attachments.createdAt })
      .from(attachments)
      .where(and(eq(attachments.organisationId, organisationId), eq(attachments.uploadedBy, userId))),
    rubricVersions: await db
      .select({ version: rubrics.version, createdAt: rubrics.createdAt })
      .from(rubrics)
      .where(and(eq(rubrics.organisationId, organisationId), eq(rubrics.createdBy, userId))),
    indicatorsCreated: await db
      .select({ name: indicatorLibrary.name, createdAt: indicatorLibrary.createdAt })
      .from(indicatorLibrary)
      .where(and(eq(indicatorLibrary.organisationId, organisationId), eq(indicatorLibrary.createdBy, userId))),
    screeningParts: await db
      .select({
        proposalId: screeningReviewers.proposalId,
        round: screeningReviewers.round,
        assignedAt: screeningReviewers.assignedAt,
        declaredAt: screeningReviewers.declaredAt,
        conflict: screeningReviewers.conflict,
        conflictReason: screeningReviewers.conflictReason,
        submittedAt: screeningReviewers.submittedAt,
      })
      .from(screeningReviewers)
      .innerJoin(proposals, eq(proposals.id, screeningReviewers.proposalId))
      .where(and(inOrganisation, eq(screeningReviewers.reviewerId, userId))),
    scores: await db
      .select({
        proposalId: reviewScores.proposalId,
        round: reviewScores.round,
        criterion: reviewScores.criterionKey,
        likelihood: reviewScores.likelihood,
        impact: reviewScores.impact,
        rationale: reviewScores.rationale,
        mitigations: reviewScores.mitigations,
        residualLikelihood: reviewScores.residualLikelihood,
        residualImpact: reviewScores.residualImpact,
        updatedAt: reviewScores.updatedAt,
      })
      .from(reviewScores)
      .innerJoin(proposals, eq(proposals.id, reviewScores.proposalId))
      .where(and(inOrganisation, eq(reviewScores.reviewerId, userId))),
    privacyAnswers: await db
      .select({ proposalId: privacyAnswers.proposalId, round: privacyAnswers.round, item: privacyAnswers.itemKey, answer: privacyAnswers.answer, evidence: privacyAnswers.evidence, updatedAt: privacyAnswers.updatedAt })
      .from(privacyAnswers)
      .innerJoin(proposals, eq(proposals.id, privacyAnswers.proposalId))
      .where(and(inOrganisation, eq(privacyAnswers.reviewerId, userId))),
    professionalBody: await db
      .select({
        proposalId: pbc.proposalId,
        round: pbc.round,
        body: pbc.bodyName,
        requested: sql<boolean>`${pbc.requestedBy} = ${userId}`,
        requestedAt: pbc.requestedAt,
        recordedResponse: sql<boolean>`${pbc.respondedBy} is not distinct from ${userId}`,
        responseSummary: pbc.responseSummary,
        closed: sql<boolean>`${pbc.closedBy} is not distinct from ${userId}`,
        closedNote: pbc.closedNote,
      })
      .from(pbc)
      .innerJoin(proposals, eq(proposals.id, pbc.proposalId))
      .where(and(inOrganisation, or(eq(pbc.requestedBy, userId), eq(pbc.respondedBy, userId), eq(pbc.closedBy, userId)))),
    recommendationsAnswered: await db
      .select({ proposalId: pbc.proposalId, text: professionalBodyRecommendations.text, answer: professionalBodyRecommendations.answer, rationale: professionalBodyRecommendations.rationale, answeredAt: professionalBodyRecommendations.answeredAt })
      .from(professionalBodyRecommendations)
      .innerJoin(pbc, eq(pbc.id, professionalBodyRecommendations.consultationId))
      .innerJoin(proposals, eq(proposals.id, pbc.proposalId))
      .where(and(inOrganisation, eq(professionalBodyRecommendations.answeredBy, userId))),
    staffConsultationsOpened: await db
      .select({ proposalId: staffConsultations.proposalId, round: staffConsultations.round, summary: staffConsultations.summary, openedAt: staffConsultations.openedAt })
      .from(staffConsultations)
      .innerJoin(proposals, eq(proposals.id, staffConsultations.proposalId))
      .where(and(inOrganisation, eq(staffConsultations.openedBy, userId))),
    unionResponsesRecorded: await db
      .select({ proposalId: unionConsultations.proposalId, union: unionConsultations.unionName, response: unionConsultations.response, recordedAt: unionConsultations.recordedAt })
      .from(unionConsultations)
      .innerJoin(proposals, eq(proposals.id, unionConsultations.proposalId))
      .where(and(inOrganisation, eq(unionConsultations.recordedBy, userId))),
    // Only named concerns: an anonymous one has no author (a check constraint says so).
    namedConcerns: await db
      .select({ proposalId: staffConcerns.proposalId, category: staffConcerns.category, text: staffConcerns.text, raisedOn: staffConcerns.raisedOn, response: staffConcerns.response, respondedOn: staffConcerns.respondedOn })
      .from(staffConcerns)
      .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
      .where(and(inOrganisation, eq(staffConcerns.authorId, userId))),
    concernsAnswered: await db
      .select({
        proposalId: staffConcerns.proposalId,
        answered: sql<boolean>`${staffConcerns.respondedBy} is not distinct from ${userId}`,
        response: staffConcerns.response,
        responseCondition: staffConcerns.responseCondition,
        respondedOn: staffConcerns.respondedOn,
        hid: sql<boolean>`${staffConcerns.hiddenBy} is not distinct from ${userId}`,
        hiddenReason: staffConcerns.hiddenReason,
        hiddenOn: staffConcerns.hiddenOn,
      })
      .from(staffConcerns)
      .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
      .where(and(inOrganisation, or(eq(staffConcerns.respondedBy, userId), eq(staffConcerns.hiddenBy, userId)))),
    namedEndorsements: await db
      .select({ proposalId: staffConcerns.proposalId, concernText: staffConcerns.text, endorsedOn: concernEndorsements.endorsedOn })
      .from(concernEndorsements)
      .innerJoin(staffConcerns, eq(staffConcerns.id, concernEndorsements.concernId))
      .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
      .where(and(inOrganisation, eq(concernEndorsements.endorserId, userId))),
    decisionsRecorded: await db
      .select({ proposalId: decisions.proposalId, round: decisions.round, outcome: decisions.outcome, rationale: decisions.rationale, recordedAt: decisions.recordedAt })
      .from(decisions)
      .where(and(eq(decisions.organisationId, organisationId), eq(decisions.recordedBy, userId))),
    signatures: await db
      .select({ proposalId: decisions.proposalId, round: decisions.round, position: decisionSignatures.position, signedAs: decisionSignatures.signedAs, signedAt: decisionSignatures.signedAt })
      .from(decisionSignatures)
      .innerJoin(decisions, eq(decisions.id, decisionSignatures.decisionId))
      .where(and(eq(decisions.organisationId, organisationId), eq(decisionSignatures.userId, userId))),
    monitoringResponsibleFor: await db
      .select({ proposalId: monitoringPlans.proposalId, nextDueOn: monitoringPlans.nextDueOn })
      .from(monitoringPlans)
      .innerJoin(proposals, eq(proposals.id, monitoringPlans.proposalId))
      .where(and(inOrganisation, eq(monitoringPlans.responsibleId, userId))),
    reassessmentsRecorded: await db
      .select({ proposalId: reassessments.proposalId, phase: reassessments.phase, outcome: reassessments.outcome, rationale: reassessments.rationale, recordedAt: reassessments.recordedAt })
      .from(reassessments)
      .innerJoin(proposals, eq(proposals.id, reassessments.proposalId))
      .where(and(inOrganisation, eq(reassessments.recordedBy, userId))),
    reassessmentSignatures: await db
      .select({ proposalId: reassessments.proposalId, phase: reassessments.phase, signedAt: reassessmentSignatures.signedAt })
      .from(reassessmentSignatures)
      .innerJoin(reassessments, eq(reassessments.id, reassessmentSignatures.reassessmentId))
      .innerJoin(proposals, eq(proposals.id, reassessments.proposalId))
      .where(and(inOrganisation, eq(reassessmentSignatures.userId, userId))),
    monitoringReviews: await db
      .select({ proposalId: monitoringReviews.proposalId, slot: monitoringReviews.slot, reviewedOn: monitoringReviews.reviewedOn, narrative: monitoringReviews.narrative, status: monitoringReviews.status, recordedAt: monitoringReviews.recordedAt })
      .from(monitoringReviews)
      .innerJoin(proposals, eq(proposals.id, monitoringReviews.proposalId))
      .where(and(inOrganisation, eq(monitoringReviews.recordedBy, userId))),
    incidents: await db
      .select({ proposalId: incidents.proposalId, occurredOn: incidents.occurredOn, location: incidents.location, description: incidents.description, actionTaken: incidents.actionTaken, recordedAt: incidents.recordedAt })
      .from(incidents)
      .innerJoin(proposals, eq(proposals.id, incidents.proposalId))
      .where(and(inOrganisation, eq(incidents.recordedBy, userId))),
    auditEntries: await db
      .select({ proposalId: auditEntries.proposalId, seq: auditEntries.seq, at: auditEntries.at, eventType: auditEntries.eventType, detail: auditEntries.detail, summary: auditEntries.summary })
      .from(auditEntries)
      .innerJoin(proposals, eq(proposals.id, auditEntries.proposalId))
      .where(and(inOrganisation, eq(auditEntries.actorId, userId), eq(auditEntries.actorKind, 'user')))
      .orderBy(asc(auditEntries.proposalId), asc(auditEntries.seq)),
    serviceAuditEntries: await db
      .select({ seq: serviceAuditEntries.seq, at: serviceAuditEntries.at, detail: serviceAuditEntries.detail, asActor: sql<boolean>`${serviceAuditEntries.actorId} = ${userId}` })
      .from(serviceAuditEntries)
      .where(and(eq(serviceAuditEntries.organisationId, organisationId), or(eq(serviceAuditEntries.actorId, userId), eq(serviceAuditEntries.subjectId, userId))))
      .orderBy(asc(serviceAuditEntries.seq)),
  }
  return data
}

export type PersonData = NonNullable<Awaited<ReturnType<typeof readPersonData>>>

/** Reference and title of the proposals an export mentions, so a reader can tell them apart. */
export function proposalNames(db: Queryable, organisationId: string, proposalIds: string[]) {
  if (proposalIds.length === 0) return Promise.resolve([])
  return db
    .select({ id: proposals.id, reference: proposals.reference, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.organisationId, organisationId), inArray(proposals.id, proposalIds)))
    .orderBy(asc(proposals.reference))
}
