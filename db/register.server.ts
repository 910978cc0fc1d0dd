import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import { type AnyPgColumn } from 'drizzle-orm/pg-core'
import { type Queryable } from './client.server'
import { decisions, monitoringPlans, organisations, proposalRiskBands, proposals } from './schema/index'
import { type RiskBand } from '~/utils/risk-heatmap'
import { type REGISTER_SORTS } from '~/workflow/monitoring/register-query'

/** The machine's revision count: which screening and decision round is current. */
const currentRound = sql<number>`coalesce((${proposals.snapshot} -> 'context' ->> 'revisions')::int, 0)`

/** Stages in which the current round's screening is complete, so its risk band is final. */
export const SCREENED_STAGES = ['consultation', 'decision', 'approved', 'monitoring', 'reassessment', 'suspended', 'rejected', 'terminated', 'concluded', 'withdrawn'] as const

/**
 * Fills the risk band of every screened round that has none yet, in one
 * statement: each criterion's median inherent score (likelihood × impact)
 * over the reviewers who submitted, the highest of those, placed in the
 * bands of the rubric the round used. The same rule as the screening
 * aggregate (app/workflow/screening/aggregate.ts). Cheap when nothing is
 * missing: one anti-join.
 */
export async function fillRiskBands(db: Queryable, organisationId: string) {
  await db.execute(sql`
    with missing as (
      select p.id, coalesce((p.snapshot -> 'context' ->> 'revisions')::int, 0) as round
      from proposals p
      where p.organisation_id = ${organisationId}
        and p.stage in (${sql.join(SCREENED_STAGES.map((s) => sql`${s}`), sql`, `)})
        and not exists (
          select 1 from proposal_risk_bands b
          where b.proposal_id = p.id and b.round = coalesce((p.snapshot -> 'context' ->> 'revisions')::int, 0)
        )
    ),
    medians as (
      select rs.proposal_id, rs.criterion_key,
             percentile_cont(0.5) within group (order by rs.likelihood * rs.impact) as score
      from missing m
      join review_scores rs on rs.proposal_id = m.id and rs.round = m.round
      join screening_reviewers sr
        on sr.proposal_id = rs.proposal_id and sr.round = rs.round and sr.reviewer_id = rs.reviewer_id
       and sr.submitted_at is not null
      where rs.likelihood is not null and rs.impact is not null
      group by rs.proposal_id, rs.criterion_key
    ),
    highest as (
      select proposal_id, max(score) as score from medians group by proposal_id
    )
    insert into proposal_risk_bands (proposal_id, round, band)
    select m.id, m.round,
      case
        when h.score is null then null
        when h.score >= (r.content -> 'bands' ->> 'veryHigh')::numeric then 'very_high'
        when h.score >= (r.content -> 'bands' ->> 'high')::numeric then 'high'
        when h.score >= (r.content -> 'bands' ->> 'medium')::numeric then 'medium'
        else 'low'
      end
    from missing m
    left join highest h on h.proposal_id = m.id
    left join screenings s on s.proposal_id = m.id and s.round = m.round
    left join rubrics r on r.id = s.rubric_id
    on conflict do nothing
  `)
}

export type RegisterSort = (typeof REGISTER_SORTS)[number]

export type RegisterFilter = {
  stage?: string
  risk?: RiskBand
  outcome?: string
  q?: string
  /** Only partnerships whose next review is due on or before this date. */
  dueBy?: string
}

/** The latest signed decision of each proposal. */
const latestDecision = sql`lateral (
  select ${decisions.outcome} as outcome, ${decisions.signedAt} as signed_at, ${decisions.rationale} as rationale, ${decisions.conditions} as conditions, ${decisions.recordId} as record_id
  from ${decisions}
  where ${decisions.proposalId} = ${proposals.id} and ${decisions.signedAt} is not null
  order by ${decisions.round} desc limit 1
) as d`

const RISK_ORDER = sql`case ${proposalRiskBands.band} when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'very_high' then 4 end`

function conditions(organisationId: string, f: RegisterFilter): SQL {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  return and(
    eq(proposals.organisationId, organisationId),
    // Drafts belong to their author until submitted.
    ne(proposals.stage, 'draft'),
    f.stage ? eq(proposals.stage, f.stage) : undefined,
    f.risk ? eq(proposalRiskBands.band, f.risk) : undefined,
    f.outcome ? sql`d.outcome = ${f.outcome}` : undefined,
    like ? or(ilike(proposals.reference, like), ilike(proposals.title, like), ilike(proposals.partner, like)) : undefined,
    f.dueBy ? and(eq(proposals.stage, 'monitoring'), sql`${monitoringPlans.nextDueOn} <= ${f.dueBy}`) : undefined,
  )!
}

function baseQuery<T extends Record<string, unknown>>(db: Queryable, columns: T) {
  return db
    .select(columns as never)
    .from(proposals)
    .leftJoin(proposalRiskBands, and(eq(proposalRiskBands.proposalId, proposals.id), eq(proposalRiskBands.round, currentRound)))
    .leftJoin(monitoringPlans, eq(monitoringPlans.proposalId, proposals.id))
    .leftJoin(latestDecision, sql`true`)
}

const ROW = {
  id: proposals.id,
  reference: proposals.reference,
  title: proposals.title,
  partner: proposals.partner,
  contractor: proposals.contractor,
  stage: proposals.stage,
  risk: proposalRiskBands.band,
  outcome: sql<string | null>`d.outcome`,
  decidedAt: sql<string | null>`d.signed_at`,
  nextDueOn: monitoringPlans.nextDueOn,
  nextSlot: monitoringPlans.nextSlot,
}

export type RegisterRow = {
  id: string
  reference: string
  title: string
  partner: string
  contractor: string | null
  stage: string
  risk: RiskBand | null
  outcome: string | null
  decidedAt: string | null
  nextDueOn: string | null
  nextSlot: number | null
}

function ordering(sort: RegisterSort, dir: 'asc' | 'desc'): SQL[] {
  const by = (e: SQL | AnyPgColumn) => (dir === 'asc' ? sql`${e} asc nulls last` : sql`${e} desc nulls last`)
  const key: Record<RegisterSort, SQL> = {
    reference: by(proposals.reference),
    title: by(sql`lower(${proposals.title})`),
    partner: by(sql`lower(${proposals.partner})`),
    stage: by(proposals.stage),
    risk: by(RISK_ORDER),
    decided: by(sql`d.signed_at`),
    next_review: by(monitoringPlans.nextDueOn),
  }
  // The reference breaks ties, so pages never overlap.
  return [key[sort], asc(proposals.reference)]
}

export async function listRegister(
  db: Queryable,
  organisationId: string,
  options: { filter: RegisterFilter; sort: RegisterSort; dir: 'asc' | 'desc'; limit?: number; offset?: number },
) {
  const where = conditions(organisationId, options.filter)
  const query = baseQuery(db, ROW)
    .where(where)
    .orderBy(...ordering(options.sort, options.dir))
  const rows = (await (options.limit === undefined ? query : query.limit(options.limit).offset(options.offset ?? 0))) as unknown as RegisterRow[]
  return rows.map((r) => ({ ...r, decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null }))
}

export async function countRegister(db: Queryable, organisationId: string, filter: RegisterFilter) {
  const [row] = (await baseQuery(db, { n: count() }).where(conditions(organisationId, filter))) as unknown as { n: number }[]
  return Number(row?.n ?? 0)
}

/**
 * The public register: approved partnerships (and those since monitored,
 * reassessed, suspended, ended) with what their signed decision published.
 */
export async function listPublicRegister(db: Queryable, organisationId: string) {
  const rows = (await baseQuery(db, {
    ...ROW,
    rationale: sql<string>`d.rationale`,
    conditions: sql<{ text: string }[]>`d.conditions`,
    recordId: sql<string | null>`d.record_id`,
  })
    .where(
      and(
        eq(proposals.organisationId, organisationId),
        inArray(proposals.stage, ['approved', 'monitoring', 'reassessment', 'suspended', 'terminated', 'concluded']),
        sql`d.outcome in ('approve', 'approve_with_conditions')`,
      ),
    )
    .orderBy(desc(sql`d.signed_at`), asc(proposals.reference))) as unknown as (RegisterRow & {
    rationale: string
    conditions: { text: string }[]
    recordId: string | null
  })[]
  return rows.map((r) => ({ ...r, decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null }))
}

export function findOrganisationBySlug(db: Queryable, slug: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.slug, slug) })
}
