import { and, asc, count, desc, eq, ilike, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm'
import { type AnyPgColumn, type SelectedFields } from 'drizzle-orm/pg-core'
import { type Queryable } from './client.server'
import { rowsOf } from './rows'
import { decisions, monitoringPlans, organisations, proposalRiskBands, proposals } from './schema/index'
import { type RiskBand } from '#machines/vocabulary/risk'
import { type REGISTER_SORTS } from '#machines/vocabulary/register'

/** Stages in which the latest round's screening is complete, so its risk band is final. */
export const SCREENED_STAGES = ['consultation', 'decision', 'approved', 'monitoring', 'reassessment', 'suspended', 'rejected', 'terminated', 'concluded', 'withdrawn'] as const

const screenedStages = sql.join(
  SCREENED_STAGES.map((s) => sql`${s}`),
  sql`, `,
)

/** Each screened proposal's (of these, if given) latest screening round that has no risk band yet. */
const MISSING = (organisationId: string, ids?: string[]) => sql`
  select l.proposal_id as id, l.round
  from (
    select s.proposal_id, max(s.round) as round
    from screenings s join proposals p on p.id = s.proposal_id
    where p.organisation_id = ${organisationId} and p.stage in (${screenedStages})
      ${ids ? sql`and p.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql``}
    group by s.proposal_id
  ) l
  left join proposal_risk_bands b on b.proposal_id = l.proposal_id and b.round = l.round
  where b.proposal_id is null`

/**
 * Keeps the risk band of each proposal's latest completed screening, one row
 * a proposal: each criterion's median inherent score (likelihood × impact)
 * over the reviewers who submitted, the highest of those, placed in the bands
 * of the rubric the round used. The same rule as the screening aggregate
 * (app/workflow/screening/aggregate.ts). When nothing is missing this is one
 * cheap read.
 */
export async function fillRiskBands(db: Queryable, organisationId: string, ids?: string[]) {
  if (ids?.length === 0) return
  // A band can only go missing when a proposal changes, so a service none of whose
  // proposals changed since the last complete check needs no new one.
  const change = ids ? null : await lastChange(db, organisationId)
  if (change && checkedUpTo.get(organisationId) === change.at) return
  const [first] = rowsOf<{ missing: boolean }>(await db.execute(sql`select exists (${MISSING(organisationId, ids)}) as missing`))
  if (!first?.missing) {
    // Only a settled change is remembered: a transaction that stamped an earlier time
    // may still be committing, and the latest change would hide it.
    if (change?.settled) checkedUpTo.set(organisationId, change.at)
    return
  }
  await db.transaction(async (tx) => {
    // A later round replaces the band of an earlier one.
    await tx.execute(sql`delete from proposal_risk_bands b using (${MISSING(organisationId, ids)}) m where b.proposal_id = m.id`)
    await tx.execute(sql`
      with missing as (${MISSING(organisationId, ids)}),
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
  })
}

/** Per organisation, the latest proposal change up to which every band is known to be filled in. */
const checkedUpTo = new Map<string, string>()

/** Longer than any transaction that changes a proposal takes. */
const SETTLED = sql`interval '1 minute'`

async function lastChange(db: Queryable, organisationId: string) {
  const [row] = await db
    .select({
      at: sql<string | null>`max(${proposals.updatedAt})::text`,
      settled: sql<boolean>`coalesce(max(${proposals.updatedAt}) < now() - ${SETTLED}, true)`,
    })
    .from(proposals)
    .where(eq(proposals.organisationId, organisationId))
  return { at: row?.at ?? '', settled: row?.settled === true }
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

/** The latest signed decision of each of the organisation's proposals (of these, if given). */
function latestDecisions(db: Queryable, organisationId: string, ids?: string[]) {
  return db
    .selectDistinctOn([decisions.proposalId], {
      proposalId: decisions.proposalId,
      outcome: decisions.outcome,
      signedAt: decisions.signedAt,
      rationale: decisions.rationale,
      conditions: decisions.conditions,
      recordId: decisions.recordId,
    })
    .from(decisions)
    .where(and(eq(decisions.organisationId, organisationId), isNotNull(decisions.signedAt), ids ? inArray(decisions.proposalId, ids) : undefined))
    // Both descending, so that the signed-decisions index is read backwards instead of sorted.
    .orderBy(desc(decisions.proposalId), desc(decisions.round))
    .as('d')
}

type Needs = { risk: boolean; decision: boolean; plan: boolean }
const ALL: Needs = { risk: true, decision: true, plan: true }

function needsOf(f: RegisterFilter, sort?: RegisterSort): Needs {
  return { risk: !!f.risk || sort === 'risk', decision: !!f.outcome || sort === 'decided', plan: !!f.dueBy || sort === 'next_review' }
}

/**
 * The register's rows, joined only to what a query needs: a page is found
 * from proposals alone when it can be, and only its rows are then filled in.
 */
function register(db: Queryable, organisationId: string, needs: Needs, ids?: string[]) {
  const d = latestDecisions(db, organisationId, ids)
  const columns = {
    id: proposals.id,
    reference: proposals.reference,
    title: proposals.title,
    partner: proposals.partner,
    contractor: proposals.contractor,
    stage: proposals.stage,
    risk: proposalRiskBands.band,
    outcome: d.outcome,
    decidedAt: d.signedAt,
    rationale: d.rationale,
    conditions: d.conditions,
    recordId: d.recordId,
    nextDueOn: monitoringPlans.nextDueOn,
    nextSlot: monitoringPlans.nextSlot,
  }
  const select = <T extends SelectedFields>(fields: T) => {
    let q = db.select(fields).from(proposals).$dynamic()
    // The fields are chosen above, so a join chosen at run time leaves the row type as it is.
    type Q = typeof q
    if (needs.risk) q = q.leftJoin(proposalRiskBands, eq(proposalRiskBands.proposalId, proposals.id)) as unknown as Q
    if (needs.plan) q = q.leftJoin(monitoringPlans, eq(monitoringPlans.proposalId, proposals.id)) as unknown as Q
    if (needs.decision) q = q.leftJoin(d, eq(d.proposalId, proposals.id)) as unknown as Q
    return q
  }
  return { d, columns, select }
}

function conditions(organisationId: string, f: RegisterFilter, outcome: AnyPgColumn | SQL): SQL {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  return and(
    eq(proposals.organisationId, organisationId),
    // Drafts belong to their author until submitted.
    ne(proposals.stage, 'draft'),
    f.stage ? eq(proposals.stage, f.stage) : undefined,
    f.risk ? eq(proposalRiskBands.band, f.risk) : undefined,
    f.outcome ? sql`${outcome} = ${f.outcome}` : undefined,
    like ? or(ilike(proposals.reference, like), ilike(proposals.title, like), ilike(proposals.partner, like)) : undefined,
    f.dueBy ? and(eq(proposals.stage, 'monitoring'), sql`${monitoringPlans.nextDueOn} <= ${f.dueBy}`) : undefined,
  )!
}

const RISK_ORDER = sql`case ${proposalRiskBands.band} when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'very_high' then 4 end`

function ordering(sort: RegisterSort, dir: 'asc' | 'desc', decidedAt: AnyPgColumn | SQL): SQL[] {
  const by = (e: SQL | AnyPgColumn) => (dir === 'asc' ? sql`${e} asc nulls last` : sql`${e} desc nulls last`)
  const key: Record<RegisterSort, SQL> = {
    reference: by(proposals.reference),
    title: by(sql`lower(${proposals.title})`),
    partner: by(sql`lower(${proposals.partner})`),
    stage: by(proposals.stage),
    risk: by(RISK_ORDER),
    decided: by(decidedAt),
    next_review: by(monitoringPlans.nextDueOn),
  }
  // The reference breaks ties, so pages never overlap.
  return [key[sort], asc(proposals.reference)]
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
  rationale: string | null
  conditions: { text: string }[] | null
  recordId: string | null
  nextDueOn: string | null
  nextSlot: number | null
}

function normalise(rows: unknown[]): RegisterRow[] {
  return (rows as (Omit<RegisterRow, 'decidedAt'> & { decidedAt: Date | string | null })[]).map((r) => ({
    ...r,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
  }))
}

export async function listRegister(
  db: Queryable,
  organisationId: string,
  options: { filter: RegisterFilter; sort: RegisterSort; dir: 'asc' | 'desc'; limit?: number; offset?: number },
) {
  const { filter, sort, dir } = options
  const needs = needsOf(filter, sort)
  // Bands are filled in for every proposal when the view filters or sorts by them, else for the page shown.
  if (needs.risk || options.limit === undefined) await fillRiskBands(db, organisationId)
  if (options.limit === undefined) {
    const all = register(db, organisationId, ALL)
    const rows = await all
      .select(all.columns)
      .where(conditions(organisationId, filter, all.d.outcome))
      .orderBy(...ordering(sort, dir, all.d.signedAt))
    return normalise(rows)
  }
  // First the page, with only the joins its filter and order need; then its rows in full.
  const narrow = register(db, organisationId, needs)
  const page = await narrow
    .select({ id: proposals.id })
    .where(conditions(organisationId, filter, narrow.d.outcome))
    .orderBy(...ordering(sort, dir, narrow.d.signedAt))
    .limit(options.limit)
    .offset(options.offset ?? 0)
  if (page.length === 0) return []
  const ids = page.map((p) => p.id)
  if (!needs.risk) await fillRiskBands(db, organisationId, ids)
  const full = register(db, organisationId, ALL, ids)
  const rows = normalise(await full.select(full.columns).where(inArray(proposals.id, ids)))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return page.map((p) => byId.get(p.id)!)
}

/** Call after listRegister, which fills in the risk bands a risk filter counts. */
export async function countRegister(db: Queryable, organisationId: string, filter: RegisterFilter) {
  const narrow = register(db, organisationId, needsOf(filter))
  const [row] = await narrow.select({ n: count() }).where(conditions(organisationId, filter, narrow.d.outcome))
  return Number(row?.n ?? 0)
}

const PUBLIC_STAGES = ['approved', 'monitoring', 'reassessment', 'suspended', 'terminated', 'concluded']

/**
 * The public register: approved partnerships (and those since monitored,
 * reassessed, suspended or ended) with what their signed decision published,
 * the latest decided first, a page at a time. The page is found from each
 * proposal's latest outcome and date alone; only its rows are read in full.
 */
export async function listPublicRegister(db: Queryable, organisationId: string, page: { limit: number; offset: number }) {
  const d = db
    .selectDistinctOn([decisions.proposalId], { proposalId: decisions.proposalId, outcome: decisions.outcome, signedAt: decisions.signedAt })
    .from(decisions)
    .where(and(eq(decisions.organisationId, organisationId), isNotNull(decisions.signedAt)))
    .orderBy(desc(decisions.proposalId), desc(decisions.round))
    .as('d')
  const where = and(eq(proposals.organisationId, organisationId), inArray(proposals.stage, PUBLIC_STAGES), sql`${d.outcome} in ('approve', 'approve_with_conditions')`)
  const [found, [total]] = await Promise.all([
    db
      .select({ id: proposals.id })
      .from(proposals)
      .innerJoin(d, eq(d.proposalId, proposals.id))
      .where(where)
      .orderBy(desc(d.signedAt), asc(proposals.reference))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(proposals).innerJoin(d, eq(d.proposalId, proposals.id)).where(where),
  ])
  if (found.length === 0) return { rows: [], total: Number(total?.n ?? 0) }
  const ids = found.map((p) => p.id)
  const full = register(db, organisationId, ALL, ids)
  const byId = new Map(normalise(await full.select(full.columns).where(inArray(proposals.id, ids))).map((r) => [r.id, r]))
  return { rows: ids.map((id) => byId.get(id)!), total: Number(total?.n ?? 0) }
}

export function findOrganisationBySlug(db: Queryable, slug: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.slug, slug) })
}
