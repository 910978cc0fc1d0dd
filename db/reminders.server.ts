import { and, eq, gte, isNull, lt, lte } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { auditEntries, decisions, decisionSignatures, monitoringPlans, organisations, proposals, staffConcerns, staffConsultations } from './schema/index'

export async function listOrganisationIds(db: Queryable) {
  return (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id)
}

/** Reviews of monitored partnerships due between `from` and `to` (dates), with who records them. */
export function reviewsFallingDue(db: Queryable, organisationId: string, from: string, to: string) {
  return db
    .select({
      proposalId: monitoringPlans.proposalId,
      slot: monitoringPlans.nextSlot,
      dueOn: monitoringPlans.nextDueOn,
      responsibleId: monitoringPlans.responsibleId,
      title: proposals.title,
    })
    .from(monitoringPlans)
    .innerJoin(proposals, eq(proposals.id, monitoringPlans.proposalId))
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        eq(proposals.stage, 'monitoring'),
        gte(monitoringPlans.nextDueOn, from),
        lte(monitoringPlans.nextDueOn, to),
      ),
    )
}

/** Open staff consultations closing between `from` and `to` (dates), with who opened them. */
export function consultationsClosing(db: Queryable, organisationId: string, from: string, to: string) {
  return db
    .select({
      consultationId: staffConsultations.id,
      proposalId: staffConsultations.proposalId,
      closesOn: staffConsultations.closesOn,
      openedBy: staffConsultations.openedBy,
      title: proposals.title,
    })
    .from(staffConsultations)
    .innerJoin(proposals, eq(proposals.id, staffConsultations.proposalId))
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        eq(proposals.stage, 'consultation'),
        isNull(staffConsultations.completedAt),
        gte(staffConsultations.closesOn, from),
        lte(staffConsultations.closesOn, to),
      ),
    )
}

/** Recorded decisions not yet fully signed. */
export function decisionsAwaitingSignature(db: Queryable, organisationId: string) {
  return db
    .select({ decisionId: decisions.id, proposalId: decisions.proposalId, recordedAt: decisions.recordedAt, title: proposals.title })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .where(and(eq(decisions.organisationId, organisationId), eq(proposals.stage, 'decision'), isNull(decisions.signedAt)))
}

/** Whether this person has already signed this decision. */
export async function hasSigned(db: Queryable, decisionId: string, userId: string) {
  const [row] = await db
    .select({ userId: decisionSignatures.userId })
    .from(decisionSignatures)
    .where(and(eq(decisionSignatures.decisionId, decisionId), eq(decisionSignatures.userId, userId)))
  return row !== undefined
}


/**
 * Concerns still without a response (or a reason to hide them) that were
 * raised before `today`: only ids, proposal and day, nothing about who wrote
 * them. Held anonymous concerns have no row yet; a released one carries the
 * moment of its batch's release (the same for the whole batch).
 */
export function concernsAwaitingAnswer(db: Queryable, organisationId: string, today: string) {
  return db
    .select({ id: staffConcerns.id, proposalId: staffConcerns.proposalId, raisedOn: staffConcerns.raisedOn, releasedAt: auditEntries.at })
    .from(staffConcerns)
    .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
    .leftJoin(auditEntries, and(eq(auditEntries.proposalId, staffConcerns.proposalId), eq(auditEntries.seq, staffConcerns.releasedSeq)))
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        isNull(staffConcerns.response),
        isNull(staffConcerns.hiddenReason),
        lt(staffConcerns.raisedOn, today),
      ),
    )
}
