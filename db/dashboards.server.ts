import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { rowsOf } from './rows'
import { monitoringPlans, proposals, reassessments, staffConcerns, users } from './schema/index'

/**
 * The home page's queries. Each is one indexed statement whatever the size of
 * the service, so that the dashboards stay fast with thousands of proposals
 * (bench/dashboards.ts measures them).
 */

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

/**
 * Monitored partnerships whose next review falls due on or before `dueBy`,
 * the most overdue first: the first `limit`, and how many there are in all.
 */
export async function listReviewsDue(db: Queryable, organisationId: string, dueBy: string, limit: number) {
  const rows = await db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      slot: monitoringPlans.nextSlot,
      dueOn: monitoringPlans.nextDueOn,
      responsible: users.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(monitoringPlans)
    .innerJoin(proposals, eq(proposals.id, monitoringPlans.proposalId))
    .innerJoin(users, eq(users.id, monitoringPlans.responsibleId))
    .where(and(eq(proposals.organisationId, organisationId), eq(proposals.stage, 'monitoring'), lte(monitoringPlans.nextDueOn, dueBy)))
    .orderBy(asc(monitoringPlans.nextDueOn), asc(proposals.reference))
    .limit(limit)
  return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 }
}

/** Partnerships being reassessed or suspended, the longest waiting first: the first `limit`, and how many in all. */
export async function listInReassessment(db: Queryable, organisationId: string, limit: number) {
  const rows = await db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      stage: proposals.stage,
      trigger: reassessments.trigger,
      openedAt: reassessments.openedAt,
      outcome: reassessments.outcome,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(proposals)
    .leftJoin(reassessments, and(eq(reassessments.proposalId, proposals.id), isNull(reassessments.closedAt)))
    .where(and(eq(proposals.organisationId, organisationId), inArray(proposals.stage, ['reassessment', 'suspended'])))
    .orderBy(asc(reassessments.openedAt), asc(proposals.reference))
    .limit(limit)
  return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 }
}

/**
 * What stands in the way of proposals not yet decided, in the round the
 * machine is on: a required privacy protection a reviewer who submitted
 * found missing in screening, and, during consultation, staff concerns and
 * professional-body recommendations still unanswered. One statement that
 * starts from those few rows (see the partial indexes in the
 * dashboard-indexes migration), never from every proposal: the first `limit`
 * by reference, and how many proposals there are in all.
 */
export async function listBlockingIssues(db: Queryable, organisationId: string, limit: number) {
  const rows = rowsOf<{ id: string; reference: string; title: string; stage: string; privacy: number; concerns: number; recommendations: number; total: number }>(
    await db.execute(sql`
      with required as materialized (
        -- Each rubric's required items, read once rather than once an answer.
        select r.id as rubric_id, item ->> 'key' as key
        from rubrics r cross join lateral jsonb_array_elements(r.content -> 'privacyItems') item
        where r.organisation_id = ${organisationId} and (item ->> 'required')::boolean
      ),
      issues as (
        select pa.proposal_id, pa.round, 'privacy' as kind, pa.item_key as key
        from privacy_answers pa
        where pa.answer = 'no'
          and exists (
            select 1 from screening_reviewers sr
            where sr.proposal_id = pa.proposal_id and sr.round = pa.round and sr.reviewer_id = pa.reviewer_id and sr.submitted_at is not null
          )
          -- The round's rubric is looked up for each of the few answers, never joined to every screening.
          and (pa.item_key, (select s.rubric_id from screenings s where s.proposal_id = pa.proposal_id and s.round = pa.round)) in (
            select q.key, q.rubric_id from required q
          )
        union all
        select sc.proposal_id, sc.round, 'concern', sc.id::text
        from staff_concerns sc
        where sc.response is null and sc.hidden_reason is null and sc.phase = 'consultation'
        union all
        select c.proposal_id, c.round, 'recommendation', r.id::text
        from professional_body_recommendations r join professional_body_consultations c on c.id = r.consultation_id
        where r.answer is null
      ),
      -- The round each open proposal is on, read from its snapshot before any join carries the snapshot along.
      open as materialized (
        select id, reference, title, stage, coalesce((snapshot -> 'context' ->> 'revisions')::int, 0) as round
        from proposals
        where organisation_id = ${organisationId} and stage in ('screening', 'consultation', 'decision')
      ),
      counted as (
        select p.id, p.reference, p.title, p.stage,
          count(distinct i.key) filter (where i.kind = 'privacy')::int as privacy,
          (count(*) filter (where i.kind = 'concern' and p.stage = 'consultation'))::int as concerns,
          (count(*) filter (where i.kind = 'recommendation' and p.stage = 'consultation'))::int as recommendations
        from issues i
        join open p on p.id = i.proposal_id and p.round = i.round
        group by p.id, p.reference, p.title, p.stage
      )
      select *, (count(*) over ())::int as total
      from counted
      where privacy + concerns + recommendations > 0
      order by reference
      limit ${limit}`),
  )
  return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 }
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
