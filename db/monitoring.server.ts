import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { isUniqueViolation } from './errors'
import {
  conditionChecks,
  decisionRecords,
  incidents,
  indicatorLibrary,
  monitoringConditions,
  monitoringIndicators,
  monitoringPlans,
  monitoringReviews,
  proposals,
  reassessments,
  reassessmentSignatures,
  reviewReadings,
  staffConcerns,
  users,
  type MonitoringPlanRow,
} from './schema/index'
import { type ConditionSource } from '#machines/vocabulary/decision'
import { type ConditionStatus, type EscalationTrigger, type OutcomePhase, type Rag } from '#machines/vocabulary/monitoring'
import { type PlanIndicator } from '#machines/vocabulary/monitoring-plan'

// Plans ----------------------------------------------------------------------

export async function insertPlan(
  db: Queryable,
  values: Pick<MonitoringPlanRow, 'proposalId' | 'intervalMonths' | 'startsOn' | 'responsibleId' | 'nextDueOn'>,
) {
  const [row] = await db.insert(monitoringPlans).values({ ...values, nextSlot: 1 }).returning()
  return row!
}

export function findPlan(db: Queryable, proposalId: string) {
  return db.query.monitoringPlans.findFirst({ where: eq(monitoringPlans.proposalId, proposalId) })
}

/** Moves the plan on to `nextSlot`, but only from the slot the caller saw (false if someone got there first). */
export async function advancePlan(db: Queryable, proposalId: string, fromSlot: number, nextSlot: number, nextDueOn: string) {
  const rows = await db
    .update(monitoringPlans)
    .set({ nextSlot, nextDueOn })
    .where(and(eq(monitoringPlans.proposalId, proposalId), eq(monitoringPlans.nextSlot, fromSlot)))
    .returning({ proposalId: monitoringPlans.proposalId })
  return rows.length === 1
}

export async function insertIndicators(db: Queryable, proposalId: string, list: PlanIndicator[]) {
  if (list.length === 0) return []
  return db
    .insert(monitoringIndicators)
    .values(
      list.map((i, n) => ({
        proposalId,
        position: n + 1,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        direction: i.direction,
        thresholdKind: i.thresholdKind,
        thresholdValue: i.thresholdValue,
        measure: i.measure,
        libraryIndicatorId: i.libraryIndicatorId ?? null,
      })),
    )
    .returning()
}

export function listIndicators(db: Queryable, proposalId: string) {
  return db.select().from(monitoringIndicators).where(eq(monitoringIndicators.proposalId, proposalId)).orderBy(asc(monitoringIndicators.position))
}

/** Appends conditions after any the partnership already has. */
export async function appendConditions(
  db: Queryable,
  proposalId: string,
  list: { text: string; source: ConditionSource }[],
  reassessmentId: string | null = null,
) {
  if (list.length === 0) return []
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${monitoringConditions.position}), 0)` })
    .from(monitoringConditions)
    .where(eq(monitoringConditions.proposalId, proposalId))
  const start = Number(last?.position ?? 0)
  return db
    .insert(monitoringConditions)
    .values(list.map((c, n) => ({ proposalId, position: start + n + 1, text: c.text, source: c.source, reassessmentId })))
    .returning()
}

export function listConditions(db: Queryable, proposalId: string) {
  return db.select().from(monitoringConditions).where(eq(monitoringConditions.proposalId, proposalId)).orderBy(asc(monitoringConditions.position))
}

// Reviews --------------------------------------------------------------------

export async function insertReview(
  db: Queryable,
  values: {
    proposalId: string
    slot: number
    dueOn: string
    reviewedOn: string
    narrative: string
    status: Rag
    escalation: EscalationTrigger | null
    recordedBy: string
    recordedAt: Date
  },
  readings: { indicatorId: string; value: number; status: Rag; breached: boolean }[],
  checks: { conditionId: string; status: ConditionStatus; note: string }[],
) {
  const [review] = await db.insert(monitoringReviews).values(values).returning()
  if (readings.length) await db.insert(reviewReadings).values(readings.map((r) => ({ ...r, reviewId: review!.id })))
  if (checks.length) await db.insert(conditionChecks).values(checks.map((c) => ({ ...c, reviewId: review!.id })))
  return review!
}

export function listReviews(db: Queryable, proposalId: string) {
  return db.select().from(monitoringReviews).where(eq(monitoringReviews.proposalId, proposalId)).orderBy(asc(monitoringReviews.slot))
}

export function findReview(db: Queryable, proposalId: string, reviewId: string) {
  return db.query.monitoringReviews.findFirst({
    where: and(eq(monitoringReviews.id, reviewId), eq(monitoringReviews.proposalId, proposalId)),
  })
}

export function findLatestReview(db: Queryable, proposalId: string) {
  return db.query.monitoringReviews.findFirst({
    where: eq(monitoringReviews.proposalId, proposalId),
    orderBy: [desc(monitoringReviews.slot)],
  })
}

export function listReadings(db: Queryable, reviewIds: string[]) {
  if (reviewIds.length === 0) return Promise.resolve([])
  return db.select().from(reviewReadings).where(inArray(reviewReadings.reviewId, reviewIds))
}

export function listChecks(db: Queryable, reviewIds: string[]) {
  if (reviewIds.length === 0) return Promise.resolve([])
  return db.select().from(conditionChecks).where(inArray(conditionChecks.reviewId, reviewIds))
}

// Counted indicators ---------------------------------------------------------

/** Incidents that happened in [from, to). */
export async function countIncidents(db: Queryable, proposalId: string, from: string, to: string) {
  const [row] = await db
    .select({ n: count() })
    .from(incidents)
    .where(and(eq(incidents.proposalId, proposalId), gte(incidents.occurredOn, from), lt(incidents.occurredOn, to)))
  return row?.n ?? 0
}

/** Staff concerns raised in [from, to), at any stage. */
export async function countConcerns(db: Queryable, proposalId: string, from: string, to: string) {
  const [row] = await db
    .select({ n: count() })
    .from(staffConcerns)
    .where(and(eq(staffConcerns.proposalId, proposalId), gte(staffConcerns.raisedOn, from), lt(staffConcerns.raisedOn, to)))
  return row?.n ?? 0
}

/** Concerns raised while the partnership was being monitored, on or after `from` and after `after` if given. */
export async function countMonitoringConcerns(db: Queryable, proposalId: string, from: string, after: string | null) {
  const [row] = await db
    .select({ n: count() })
    .from(staffConcerns)
    .where(
      and(
        eq(staffConcerns.proposalId, proposalId),
        eq(staffConcerns.phase, 'monitoring'),
        gte(staffConcerns.raisedOn, from),
        after ? sql`${staffConcerns.raisedOn} > ${after}` : undefined,
      ),
    )
  return row?.n ?? 0
}

// Incidents ------------------------------------------------------------------

export async function insertIncident(db: Queryable, values: typeof incidents.$inferInsert) {
  const [row] = await db.insert(incidents).values(values).returning()
  return row!
}

export function listIncidents(db: Queryable, proposalId: string) {
  return db
    .select({
      id: incidents.id,
      occurredOn: incidents.occurredOn,
      occurredTime: incidents.occurredTime,
      location: incidents.location,
      description: incidents.description,
      rolesInvolved: incidents.rolesInvolved,
      actionTaken: incidents.actionTaken,
      recordedAt: incidents.recordedAt,
      recordedBy: users.name,
    })
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.recordedBy))
    .where(eq(incidents.proposalId, proposalId))
    .orderBy(desc(incidents.occurredOn), desc(incidents.recordedAt))
}

// Reassessments --------------------------------------------------------------

export async function openRound(
  db: Queryable,
  values: {
    proposalId: string
    phase: OutcomePhase
    trigger: EscalationTrigger
    triggerSummary: string
    reviewId: string | null
    openedAt: Date
  },
) {
  const [row] = await db.insert(reassessments).values(values).returning()
  return row!
}

export function findOpenRound(db: Queryable, proposalId: string) {
  return db.query.reassessments.findFirst({
    where: and(eq(reassessments.proposalId, proposalId), isNull(reassessments.closedAt)),
  })
}

export function listRounds(db: Queryable, proposalId: string) {
  return db.select().from(reassessments).where(eq(reassessments.proposalId, proposalId)).orderBy(asc(reassessments.openedAt))
}

export function findLastRound(db: Queryable, proposalId: string) {
  return db.query.reassessments.findFirst({
    where: eq(reassessments.proposalId, proposalId),
    orderBy: [desc(reassessments.openedAt)],
  })
}

export async function recordRoundOutcome(
  db: Queryable,
  id: string,
  values: { outcome: NonNullable<typeof reassessments.$inferSelect.outcome>; rationale: string; newConditions: string[]; recordedBy: string; recordedAt: Date },
) {
  await db.update(reassessments).set(values).where(and(eq(reassessments.id, id), isNull(reassessments.closedAt)))
}

export async function insertRoundSignature(db: Queryable, reassessmentId: string, userId: string, signedAt: Date) {
  await db.insert(reassessmentSignatures).values({ reassessmentId, userId, signedAt })
}

export function listRoundSignatures(db: Queryable, reassessmentId: string) {
  return db
    .select({ userId: reassessmentSignatures.userId, name: users.name, roles: users.roles, signedAt: reassessmentSignatures.signedAt })
    .from(reassessmentSignatures)
    .innerJoin(users, eq(users.id, reassessmentSignatures.userId))
    .where(eq(reassessmentSignatures.reassessmentId, reassessmentId))
    .orderBy(asc(reassessmentSignatures.signedAt))
}

export async function closeRound(db: Queryable, id: string, closedAt: Date, addendumId: string | null) {
  await db.update(reassessments).set({ closedAt, addendumId }).where(eq(reassessments.id, id))
}

/** The signed decision record an addendum adds to: the proposal's latest decision. */
export async function findDecisionRecord(db: Queryable, proposalId: string) {
  const [row] = await db
    .select({ id: decisionRecords.id, reference: decisionRecords.reference })
    .from(decisionRecords)
    .where(and(eq(decisionRecords.proposalId, proposalId), eq(decisionRecords.kind, 'decision')))
    .orderBy(desc(decisionRecords.signedAt))
    .limit(1)
  return row
}

// Indicator library ----------------------------------------------------------

export function listLibrary(db: Queryable, organisationId: string, { includeRetired = false } = {}) {
  return db
    .select()
    .from(indicatorLibrary)
    .where(and(eq(indicatorLibrary.organisationId, organisationId), includeRetired ? undefined : isNull(indicatorLibrary.retiredAt)))
    .orderBy(asc(indicatorLibrary.name))
}

export function findLibraryIndicator(db: Queryable, organisationId: string, id: string) {
  return db.query.indicatorLibrary.findFirst({
    where: and(eq(indicatorLibrary.id, id), eq(indicatorLibrary.organisationId, organisationId)),
  })
}

type LibraryValues = Pick<
  typeof indicatorLibrary.$inferInsert,
  'name' | 'unit' | 'description' | 'direction' | 'thresholdKind' | 'thresholdValue' | 'measure'
>

/** Undefined when the organisation already has an indicator of that name. */
export async function insertLibraryIndicator(db: Queryable, organisationId: string, createdBy: string, values: LibraryValues) {
  const [row] = await db
    .insert(indicatorLibrary)
    .values({ ...values, organisationId, createdBy })
    .onConflictDoNothing()
    .returning()
  return row
}

/** False when not found, or when the new name is taken. */
export async function updateLibraryIndicator(db: Queryable, organisationId: string, id: string, values: LibraryValues & { retired: boolean }) {
  const { retired, ...rest } = values
  try {
    const rows = await db
      .update(indicatorLibrary)
      .set({
        ...rest,
        updatedAt: new Date(),
        retiredAt: retired ? sql`coalesce(${indicatorLibrary.retiredAt}, now())` : null,
      })
      .where(and(eq(indicatorLibrary.id, id), eq(indicatorLibrary.organisationId, organisationId)))
      .returning({ id: indicatorLibrary.id })
    return rows.length === 1
  } catch (error) {
    if (isUniqueViolation(error)) return false
    throw error
  }
}

// Overdue reviews -------------------------------------------------------------

/** Whether any monitored partnership of the organisation has an overdue review nobody has been told of. */
export async function hasUnnotifiedOverdue(db: Queryable, organisationId: string, today: string) {
  const [row] = await db
    .select({ id: monitoringPlans.proposalId })
    .from(monitoringPlans)
    .innerJoin(proposals, eq(proposals.id, monitoringPlans.proposalId))
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        eq(proposals.stage, 'monitoring'),
        lt(monitoringPlans.nextDueOn, today),
        lt(monitoringPlans.overdueNotifiedSlot, monitoringPlans.nextSlot),
      ),
    )
    .limit(1)
  return row !== undefined
}

/**
 * Marks each newly overdue review as notified and returns them: the update is
 * the claim, so two requests never notify the same review twice.
 */
export async function claimOverdue(db: Queryable, organisationId: string, today: string) {
  return db
    .update(monitoringPlans)
    .set({ overdueNotifiedSlot: sql`${monitoringPlans.nextSlot}` })
    .from(proposals)
    .where(
      and(
        eq(proposals.id, monitoringPlans.proposalId),
        eq(proposals.organisationId, organisationId),
        eq(proposals.stage, 'monitoring'),
        lt(monitoringPlans.nextDueOn, today),
        lt(monitoringPlans.overdueNotifiedSlot, monitoringPlans.nextSlot),
      ),
    )
    .returning({
      proposalId: monitoringPlans.proposalId,
      slot: monitoringPlans.nextSlot,
      dueOn: monitoringPlans.nextDueOn,
      responsibleId: monitoringPlans.responsibleId,
      title: proposals.title,
    })
}
