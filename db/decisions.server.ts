import { and, asc, count, eq, isNull } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { decisionRecords, decisions, decisionSignatures, users, type DecisionRow, type SignedAs } from './schema/index'

export type DecisionContent = Pick<
  DecisionRow,
  'outcome' | 'rationale' | 'conditions' | 'overrides' | 'dissent' | 'monitoringPlan' | 'recordedBy' | 'recordedAt'
>

export function findDecision(db: Queryable, proposalId: string, round: number) {
  return db.query.decisions.findFirst({ where: and(eq(decisions.proposalId, proposalId), eq(decisions.round, round)) })
}

/**
 * Records the round's decision, replacing an unsigned one. The trigger on the
 * table refuses the replacement once anyone has signed; the machine refuses
 * the event before that.
 */
export async function saveDecision(
  db: Queryable,
  key: { organisationId: string; proposalId: string; round: number },
  content: DecisionContent,
) {
  const [row] = await db
    .insert(decisions)
    .values({ ...key, ...content })
    .onConflictDoUpdate({ target: [decisions.proposalId, decisions.round], set: content })
    .returning()
  return row!
}

/** Appends the next signature; the caller holds the proposal's row lock, so positions do not race. */
export async function insertSignature(
  db: Queryable,
  values: { decisionId: string; userId: string; signedAs: SignedAs; signedAt: Date },
) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(decisionSignatures)
    .where(eq(decisionSignatures.decisionId, values.decisionId))
  await db.insert(decisionSignatures).values({ ...values, position: n + 1 })
}

/** Who signed, in the order they signed, with the name each holds now. */
export function listSignatures(db: Queryable, decisionId: string) {
  return db
    .select({
      userId: decisionSignatures.userId,
      name: users.name,
      signedAs: decisionSignatures.signedAs,
      signedAt: decisionSignatures.signedAt,
    })
    .from(decisionSignatures)
    .innerJoin(users, eq(users.id, decisionSignatures.userId))
    .where(eq(decisionSignatures.decisionId, decisionId))
    .orderBy(asc(decisionSignatures.position))
}

/** Stamps the last signature and its record; only an unsigned decision can be stamped. */
export async function markDecisionSigned(db: Queryable, decisionId: string, signedAt: Date, recordId: string) {
  const rows = await db
    .update(decisions)
    .set({ signedAt, recordId })
    .where(and(eq(decisions.id, decisionId), isNull(decisions.signedAt)))
    .returning({ id: decisions.id })
  if (rows.length !== 1) throw new Error(`Decision ${decisionId} was already signed`)
}

/** Every round's decision, oldest first, with its signed record when there is one. */
export function listDecisions(db: Queryable, organisationId: string, proposalId: string) {
  return db
    .select({ decision: decisions, record: decisionRecords })
    .from(decisions)
    .leftJoin(decisionRecords, eq(decisionRecords.id, decisions.recordId))
    .where(and(eq(decisions.organisationId, organisationId), eq(decisions.proposalId, proposalId)))
    .orderBy(asc(decisions.round))
}
