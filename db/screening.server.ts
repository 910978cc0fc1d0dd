import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql, type SQL, type Table } from 'drizzle-orm'
import { type Queryable } from './client.server'
import {
  privacyAnswers,
  reviewScores,
  rubrics,
  screenings,
  screeningReviewers,
  type RubricContent,
} from './schema/index'

export function latestRubric(db: Queryable, organisationId: string) {
  return db.query.rubrics.findFirst({
    where: eq(rubrics.organisationId, organisationId),
    orderBy: [desc(rubrics.version)],
  })
}

export function findRubric(db: Queryable, rubricId: string) {
  return db.query.rubrics.findFirst({ where: eq(rubrics.id, rubricId) })
}

export function listRubricVersions(db: Queryable, organisationId: string) {
  return db.query.rubrics.findMany({
    where: eq(rubrics.organisationId, organisationId),
    orderBy: [desc(rubrics.version)],
    columns: { id: true, version: true, createdAt: true, createdBy: true },
  })
}

/**
 * Adds a rubric version with the given number; undefined when that number is
 * taken (someone else saved a version first), so nobody overwrites unseen work.
 */
export async function insertRubricVersion(
  db: Queryable,
  organisationId: string,
  version: number,
  content: RubricContent,
  createdBy: string | null,
) {
  const [row] = await db.insert(rubrics).values({ organisationId, version, content, createdBy }).onConflictDoNothing().returning()
  return row
}

/** Every version's content, oldest first: keys once used stay reserved. */
export function listRubricContents(db: Queryable, organisationId: string) {
  return db.query.rubrics.findMany({ where: eq(rubrics.organisationId, organisationId), orderBy: [asc(rubrics.version)] })
}

/** The first version, created from the default only if the organisation has none yet. */
export async function ensureRubric(db: Queryable, organisationId: string, initial: RubricContent) {
  const latest = await latestRubric(db, organisationId)
  if (latest) return latest
  return (await insertRubricVersion(db, organisationId, 1, initial, null)) ?? (await latestRubric(db, organisationId))!
}

export async function insertScreening(db: Queryable, values: typeof screenings.$inferInsert) {
  await db.insert(screenings).values(values)
}

export function findScreening(db: Queryable, proposalId: string, round: number) {
  return db.query.screenings.findFirst({
    where: and(eq(screenings.proposalId, proposalId), eq(screenings.round, round)),
  })
}

/** The rubric version a started round of screening uses, in one read; undefined before the round starts. */
export async function findScreeningRubric(db: Queryable, proposalId: string, round: number) {
  const [row] = await db
    .select({ version: rubrics.version, content: rubrics.content })
    .from(screenings)
    .innerJoin(rubrics, eq(rubrics.id, screenings.rubricId))
    .where(and(eq(screenings.proposalId, proposalId), eq(screenings.round, round)))
    .limit(1)
  return row
}

/** The latest round that started, for a proposal screened more than once. */
export function latestScreening(db: Queryable, proposalId: string) {
  return db.query.screenings.findFirst({
    where: eq(screenings.proposalId, proposalId),
    orderBy: [desc(screenings.round)],
  })
}

export function listReviewerRows(db: Queryable, proposalId: string, round?: number) {
  return db.query.screeningReviewers.findMany({
    where:
      round === undefined
        ? eq(screeningReviewers.proposalId, proposalId)
        : and(eq(screeningReviewers.proposalId, proposalId), eq(screeningReviewers.round, round)),
  })
}

/**
 * Rows for the reviewers now assigned: new ones are added; an undeclared
 * reviewer the proposer dropped (only possible in a draft) is removed.
 */
export async function syncReviewerRows(db: Queryable, proposalId: string, round: number, reviewerIds: string[], now: Date) {
  const key = and(eq(screeningReviewers.proposalId, proposalId), eq(screeningReviewers.round, round))
  const existing = await db.query.screeningReviewers.findMany({ where: key })
  const dropped = existing.filter((r) => !reviewerIds.includes(r.reviewerId) && r.declaredAt === null)
  if (dropped.length) {
    await db.delete(screeningReviewers).where(
      and(
        key,
        isNull(screeningReviewers.declaredAt),
        inArray(
          screeningReviewers.reviewerId,
          dropped.map((r) => r.reviewerId),
        ),
      ),
    )
  }
  if (reviewerIds.length) {
    await db
      .insert(screeningReviewers)
      .values(reviewerIds.map((reviewerId) => ({ proposalId, round, reviewerId, assignedAt: now })))
      .onConflictDoNothing()
  }
}

type ReviewerKey = { proposalId: string; round: number; reviewerId: string }

const reviewerWhere = (k: ReviewerKey) =>
  and(
    eq(screeningReviewers.proposalId, k.proposalId),
    eq(screeningReviewers.round, k.round),
    eq(screeningReviewers.reviewerId, k.reviewerId),
  )

export async function recordDeclaration(db: Queryable, k: ReviewerKey, conflict: boolean, reason: string | null, now: Date) {
  await db
    .update(screeningReviewers)
    .set({ declaredAt: now, conflict, conflictReason: conflict ? reason : null })
    .where(reviewerWhere(k))
}

export async function markReviewSubmitted(db: Queryable, k: ReviewerKey, now: Date) {
  await db.update(screeningReviewers).set({ submittedAt: now }).where(reviewerWhere(k))
}

export type ScoreValues = {
  criterionKey: string
  likelihood: number | null
  impact: number | null
  rationale: string
  mitigations: string
  residualLikelihood: number | null
  residualImpact: number | null
}

export type PrivacyValues = { itemKey: string; answer: 'yes' | 'no' | 'not_applicable' | null; evidence: string }

/**
 * Replaces a reviewer's draft with what the form holds now: one statement a
 * table, each row taking the values it was offered (`excluded`), since inside
 * a transaction every statement holds the embedded database's one lock.
 */
export async function upsertReview(db: Queryable, k: ReviewerKey, scores: ScoreValues[], privacy: PrivacyValues[], now: Date) {
  if (scores.length > 0) {
    await db
      .insert(reviewScores)
      .values(scores.map((s) => ({ ...k, ...s, updatedAt: now })))
      .onConflictDoUpdate({
        target: [reviewScores.proposalId, reviewScores.round, reviewScores.reviewerId, reviewScores.criterionKey],
        set: offered(reviewScores, ['likelihood', 'impact', 'rationale', 'mitigations', 'residualLikelihood', 'residualImpact', 'updatedAt']),
      })
  }
  if (privacy.length > 0) {
    await db
      .insert(privacyAnswers)
      .values(privacy.map((p) => ({ ...k, ...p, updatedAt: now })))
      .onConflictDoUpdate({
        target: [privacyAnswers.proposalId, privacyAnswers.round, privacyAnswers.reviewerId, privacyAnswers.itemKey],
        set: offered(privacyAnswers, ['answer', 'evidence', 'updatedAt']),
      })
  }
}

/** `set` for a multi-row upsert: each named column takes the value its own row offered. */
function offered<T extends Table, K extends keyof T['_']['columns'] & string>(table: T, keys: K[]) {
  const columns = getTableColumns(table)
  return Object.fromEntries(keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key]!.name)}`])) as Record<K, SQL>
}

/** The stored scores and privacy answers of the given reviewers only: callers decide who may see whose. */
export async function loadReviews(db: Queryable, proposalId: string, round: number, reviewerIds: string[]) {
  if (reviewerIds.length === 0) return { scores: [], privacy: [] }
  // One query after the other: inside a PGlite transaction they must not overlap.
  const scores = await db.query.reviewScores.findMany({
    where: and(
      eq(reviewScores.proposalId, proposalId),
      eq(reviewScores.round, round),
      inArray(reviewScores.reviewerId, reviewerIds),
    ),
  })
  const privacy = await db.query.privacyAnswers.findMany({
    where: and(
      eq(privacyAnswers.proposalId, proposalId),
      eq(privacyAnswers.round, round),
      inArray(privacyAnswers.reviewerId, reviewerIds),
    ),
  })
  return { scores, privacy }
}

export function findRubricVersion(db: Queryable, organisationId: string, version: number) {
  return db.query.rubrics.findFirst({ where: and(eq(rubrics.organisationId, organisationId), eq(rubrics.version, version)) })
}
