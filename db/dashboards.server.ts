import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { monitoringPlans, proposals, reassessments, staffConcerns, users } from './schema/index'

/**
 * The home page's queries. Each is one indexed statement whatever the size of
 * the service, so that the dashboards stay fast with thousands of proposals
 * (bench/dashboards.ts measures them).
 */

// Spelled out in full: in a one-table query drizzle leaves columns unqualified,
// and inside a subquery an unqualified "id" would be the subquery's own.
const outer = { id: sql.raw('"proposals"."id"'), snapshot: sql.raw('"proposals"."snapshot"') }
const round = sql`coalesce((${outer.snapshot} -> 'context' ->> 'revisions')::int, 0)`

export function countByStage(db: Queryable, organisationId: string) {
  return db
    .select({ stage: proposals.stage, n: count() })
    .from(proposals)
    .where(eq(proposals.organisationId, organisationId))
    .groupBy(proposals.stage)
}

export function listProposerInProgress(db: Queryable, organisationId: string, proposerId: string, limit: number) {
  return db
    .select({ id: proposals.id, reference: proposals.reference, title: proposals.title, partner: proposals.partner, stage: proposals.stage })
    .from(proposals)
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        eq(proposals.proposerId, proposerId),
        inArray(proposals.stage, ['draft', 'screening', 'consultation', 'decision', 'approved']),
      ),
    )
    .orderBy(desc(proposals.updatedAt))
    .limit(limit)
}

/** Monitored partnerships whose next review falls due on or before `dueBy`, soonest first. */
export function listReviewsDue(db: Queryable, organisationId: string, dueBy: string) {
  return db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      slot: monitoringPlans.nextSlot,
      dueOn: monitoringPlans.nextDueOn,
      responsible: users.name,
    })
    .from(monitoringPlans)
    .innerJoin(proposals, eq(proposals.id, monitoringPlans.proposalId))
    .innerJoin(users, eq(users.id, monitoringPlans.responsibleId))
    .where(and(eq(proposals.organisationId, organisationId), eq(proposals.stage, 'monitoring'), lte(monitoringPlans.nextDueOn, dueBy)))
    .orderBy(asc(monitoringPlans.nextDueOn), asc(proposals.reference))
}

export function listInReassessment(db: Queryable, organisationId: string) {
  return db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      stage: proposals.stage,
      trigger: reassessments.trigger,
      openedAt: reassessments.openedAt,
      outcome: reassessments.outcome,
    })
    .from(proposals)
    .leftJoin(reassessments, and(eq(reassessments.proposalId, proposals.id), isNull(reassessments.closedAt)))
    .where(and(eq(proposals.organisationId, organisationId), inArray(proposals.stage, ['reassessment', 'suspended'])))
    .orderBy(asc(reassessments.openedAt))
}

/**
 * What stands in the way of proposals not yet decided: a required privacy
 * protection a reviewer found missing in the current screening round, staff
 * concerns and professional-body recommendations still unanswered (as the
 * machine counts them).
 */
export async function listBlockingIssues(db: Queryable, organisationId: string) {
  const rows = await db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      stage: proposals.stage,
      privacy: sql<number>`(
        select count(distinct pa.item_key)::int
        from privacy_answers pa
        join screening_reviewers sr on sr.proposal_id = pa.proposal_id and sr.round = pa.round and sr.reviewer_id = pa.reviewer_id and sr.submitted_at is not null
        join screenings s on s.proposal_id = pa.proposal_id and s.round = pa.round
        join rubrics r on r.id = s.rubric_id
        cross join lateral jsonb_array_elements(r.content -> 'privacyItems') item
        where pa.proposal_id = ${outer.id} and pa.round = ${round} and pa.answer = 'no'
          and item ->> 'key' = pa.item_key and (item ->> 'required')::boolean
      )`,
      concerns: sql<number>`(
        select count(*)::int from jsonb_each(${outer.snapshot} -> 'context' -> 'staff' -> 'concerns') e where e.value = 'false'::jsonb
      )`,
      recommendations: sql<number>`(
        select count(*)::int from jsonb_each(${outer.snapshot} -> 'context' -> 'professionalBody' -> 'recommendations') e where e.value = 'false'::jsonb
      )`,
    })
    .from(proposals)
    .where(and(eq(proposals.organisationId, organisationId), inArray(proposals.stage, ['screening', 'consultation', 'decision'])))
    .orderBy(asc(proposals.reference))
  return rows.filter((r) => r.privacy + r.concerns + r.recommendations > 0)
}

/** Screening proposals where this reviewer still has to declare, or to score and submit. */
export function listAwaitingReviewer(db: Queryable, organisationId: string, reviewerId: string) {
  const status = sql<'assigned' | 'cleared'>`${proposals.snapshot} -> 'context' -> 'reviewers' ->> ${reviewerId}::text`
  return db
    .select({ id: proposals.id, reference: proposals.reference, title: proposals.title, partner: proposals.partner, status })
    .from(proposals)
    .where(and(eq(proposals.organisationId, organisationId), eq(proposals.stage, 'screening'), sql`${status} in ('assigned', 'cleared')`))
    .orderBy(asc(proposals.reference))
}

/** Proposals whose staff consultation is open now, closing soonest first. */
export function listOpenConsultations(db: Queryable, organisationId: string) {
  const closing = sql<string | null>`${proposals.snapshot} -> 'context' -> 'staff' ->> 'closingDate'`
  return db
    .select({ id: proposals.id, reference: proposals.reference, title: proposals.title, partner: proposals.partner, closingDate: closing })
    .from(proposals)
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        eq(proposals.stage, 'consultation'),
        sql`${proposals.snapshot} -> 'value' -> 'consultation' ->> 'staff' = 'open'`,
      ),
    )
    .orderBy(asc(closing))
}

/** Partnerships staff can still raise concerns about, now they are monitored. */
export function listMonitored(db: Queryable, organisationId: string, limit: number) {
  return db
    .select({ id: proposals.id, reference: proposals.reference, title: proposals.title, partner: proposals.partner })
    .from(proposals)
    .where(and(eq(proposals.organisationId, organisationId), eq(proposals.stage, 'monitoring')))
    .orderBy(asc(proposals.reference))
    .limit(limit)
}

/** Concerns a member of staff raised under their own name; anonymous ones have no author to find. */
export function listNamedConcerns(db: Queryable, organisationId: string, authorId: string, limit: number) {
  return db
    .select({
      id: staffConcerns.id,
      proposalId: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      category: staffConcerns.category,
      raisedOn: staffConcerns.raisedOn,
      response: staffConcerns.response,
      respondedOn: staffConcerns.respondedOn,
      hidden: sql<boolean>`${staffConcerns.hiddenReason} is not null`,
    })
    .from(staffConcerns)
    .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
    .where(and(eq(staffConcerns.authorId, authorId), eq(proposals.organisationId, organisationId)))
    .orderBy(desc(staffConcerns.raisedOn))
    .limit(limit)
}
