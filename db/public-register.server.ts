import { and, asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { decisionRecords, decisions, organisations, proposals } from './schema/index'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'

/** The outcomes a public register lists: every final decision, not a return for revision. */
const PUBLISHED_OUTCOMES = ['approve', 'approve_with_conditions', 'reject'] as const satisfies readonly Outcome[]

/** An addendum is known by its record's own reference (the partnership's, with a suffix). */
export type PublicAddendum = { id: string; reference: string; outcome: string; signedAt: string; sha256: string }

/**
 * One signed decision as the public register shows it. Only what the signed
 * decision published: never reviewers, concern authors or concern texts.
 */
export type PublicDecision = {
  recordId: string
  /** The partnership's reference, as people quote it. */
  reference: string
  /** The signed record's own reference. */
  recordReference: string
  title: string
  partner: string
  contractor: string | null
  outcome: Outcome
  signedAt: string
  rationale: string
  conditions: string[]
  sha256: string
  addenda: PublicAddendum[]
}

export type PublicRegisterQuery = { q?: string; limit?: number; offset?: number }

function matching(organisationId: string, q: string | undefined) {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  return and(
    eq(decisionRecords.organisationId, organisationId),
    eq(decisionRecords.kind, 'decision'),
    inArray(decisions.outcome, [...PUBLISHED_OUTCOMES]),
    like
      ? or(ilike(proposals.reference, like), ilike(decisionRecords.reference, like), ilike(decisionRecords.proposalTitle, like), ilike(decisionRecords.partner, like))
      : undefined,
  )
}

/**
 * Every signed decision of a service, the latest signed first, each with the
 * addenda later signed beside it (reassessments, suspensions). The title and
 * partner are those the signed record printed, not the proposal's later edits.
 * Without a limit, every row: the downloads.
 */
export async function listPublicDecisions(db: Queryable, organisationId: string, query: PublicRegisterQuery = {}) {
  const where = matching(organisationId, query.q)
  const base = db
    .select({
      recordId: decisionRecords.id,
      reference: proposals.reference,
      recordReference: decisionRecords.reference,
      title: decisionRecords.proposalTitle,
      partner: decisionRecords.partner,
      contractor: proposals.contractor,
      outcome: decisions.outcome,
      signedAt: decisionRecords.signedAt,
      rationale: decisions.rationale,
      conditions: decisions.conditions,
      sha256: decisionRecords.sha256,
    })
    .from(decisionRecords)
    .innerJoin(decisions, eq(decisions.recordId, decisionRecords.id))
    .innerJoin(proposals, eq(proposals.id, decisionRecords.proposalId))
    .where(where)
    .orderBy(desc(decisionRecords.signedAt), asc(decisionRecords.reference))
    .$dynamic()
  const paged = query.limit === undefined ? base : base.limit(query.limit).offset(query.offset ?? 0)
  const [rows, [total]] = await Promise.all([
    paged,
    db
      .select({ n: count() })
      .from(decisionRecords)
      .innerJoin(decisions, eq(decisions.recordId, decisionRecords.id))
      .innerJoin(proposals, eq(proposals.id, decisionRecords.proposalId))
      .where(where),
  ])
  const addenda = rows.length
    ? await db
        .select({
          parent: decisionRecords.parentRecordId,
          id: decisionRecords.id,
          reference: decisionRecords.reference,
          outcome: decisionRecords.outcome,
          signedAt: decisionRecords.signedAt,
          sha256: decisionRecords.sha256,
        })
        .from(decisionRecords)
        .where(and(eq(decisionRecords.organisationId, organisationId), inArray(decisionRecords.parentRecordId, rows.map((r) => r.recordId))))
        .orderBy(asc(decisionRecords.signedAt))
    : []
  const decisionsFound: PublicDecision[] = rows.map((r) => ({
    ...r,
    outcome: r.outcome as Outcome,
    signedAt: new Date(r.signedAt).toISOString(),
    conditions: ((r.conditions ?? []) as Condition[]).map((c) => c.text),
    addenda: addenda
      .filter((a) => a.parent === r.recordId)
      .map(({ parent: _parent, ...a }) => ({ ...a, signedAt: new Date(a.signedAt).toISOString() })),
  }))
  return { rows: decisionsFound, total: Number(total?.n ?? 0) }
}

/** The services that publish a register, by name: the public's way in. */
export function listPublishedRegisters(db: Queryable) {
  return db
    .select({ name: organisations.name, slug: organisations.slug, settings: organisations.settings })
    .from(organisations)
    .orderBy(asc(organisations.name))
    .then((rows) => rows.filter((o) => o.settings.publicRegister).map(({ name, slug }) => ({ name, slug })))
}
