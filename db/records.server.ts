import { and, asc, count, eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { decisionRecords, organisations, proposals, type DecisionRecordRow } from './schema/index'

export function insertDecisionRecord(db: Queryable, values: typeof decisionRecords.$inferInsert) {
  return db
    .insert(decisionRecords)
    .values(values)
    .returning()
    .then((rows) => rows[0]!)
}

export async function countRecordsForProposal(db: Queryable, proposalId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(decisionRecords).where(eq(decisionRecords.proposalId, proposalId))
  return row?.n ?? 0
}

export function listRecordsForProposal(db: Queryable, organisationId: string, proposalId: string) {
  return db
    .select()
    .from(decisionRecords)
    .where(and(eq(decisionRecords.organisationId, organisationId), eq(decisionRecords.proposalId, proposalId)))
    .orderBy(asc(decisionRecords.signedAt))
}

/** Scoped by organisation, as every signed-in lookup is. */
export function findRecord(db: Queryable, organisationId: string, recordId: string) {
  return db.query.decisionRecords.findFirst({
    where: and(eq(decisionRecords.id, recordId), eq(decisionRecords.organisationId, organisationId)),
  })
}

export type PublicRecord = DecisionRecordRow & {
  organisationName: string
  proposalReference: string
  parent: { reference: string; sha256: string } | null
}

/**
 * For the public verify page: a record found by its hash or id, with only
 * what the record itself prints beside it.
 */
export async function findPublicRecord(
  db: Queryable,
  by: { sha256: string } | { id: string },
): Promise<PublicRecord | undefined> {
  const [row] = await db
    .select({ record: decisionRecords, organisationName: organisations.name, proposalReference: proposals.reference })
    .from(decisionRecords)
    .innerJoin(organisations, eq(organisations.id, decisionRecords.organisationId))
    .innerJoin(proposals, eq(proposals.id, decisionRecords.proposalId))
    .where('sha256' in by ? eq(decisionRecords.sha256, by.sha256) : eq(decisionRecords.id, by.id))
  if (!row) return undefined
  const parent = row.record.parentRecordId
    ? await db.query.decisionRecords.findFirst({
        where: eq(decisionRecords.id, row.record.parentRecordId),
        columns: { reference: true, sha256: true },
      })
    : undefined
  return {
    ...row.record,
    organisationName: row.organisationName,
    proposalReference: row.proposalReference,
    parent: parent ?? null,
  }
}
