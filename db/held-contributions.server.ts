import crypto from 'node:crypto'
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm'
import { canonicalJson } from './canonical-json'
import { type Queryable } from './client.server'
import { concernEndorsements, heldContributions, proposals, staffConcerns, type HeldContributionRow } from './schema/index'

/**
 * Anonymous contributions waiting for release, and the released batches'
 * digests (docs/decisions/023-anonymity.md).
 */

export type NewHeld = Omit<HeldContributionRow, 'id'>

export async function insertHeld(db: Queryable, values: NewHeld) {
  await db.insert(heldContributions).values({ ...values, id: crypto.randomUUID() })
}

/** Whether this tag already endorsed the concern, released or still held. */
export async function endorsementExists(db: Queryable, concernId: string, tag: string) {
  const [released] = await db
    .select({ n: count() })
    .from(concernEndorsements)
    .where(and(eq(concernEndorsements.concernId, concernId), eq(concernEndorsements.tag, tag)))
  const [held] = await db
    .select({ n: count() })
    .from(heldContributions)
    .where(and(eq(heldContributions.concernId, concernId), eq(heldContributions.tag, tag)))
  return (released?.n ?? 0) + (held?.n ?? 0) > 0
}

export function listHeld(db: Queryable, proposalId: string) {
  return db.select().from(heldContributions).where(eq(heldContributions.proposalId, proposalId))
}

/** Each proposal with something held, and how much: what the release job looks at. */
export function proposalsWithHeld(db: Queryable) {
  return db
    .select({ organisationId: heldContributions.organisationId, proposalId: heldContributions.proposalId, held: count() })
    .from(heldContributions)
    .groupBy(heldContributions.organisationId, heldContributions.proposalId)
}

export async function countHeld(db: Queryable, proposalId: string) {
  const [row] = await db.select({ n: count() }).from(heldContributions).where(eq(heldContributions.proposalId, proposalId))
  return row?.n ?? 0
}

/** A held concern a receipt code was given for: its author may ask after it before the release. */
export async function findHeldByReceipt(db: Queryable, organisationId: string, receiptHash: string) {
  const [row] = await db
    .select({
      category: heldContributions.category,
      text: heldContributions.text,
      heldOn: heldContributions.heldOn,
      proposal: { id: proposals.id, reference: proposals.reference, title: proposals.title },
    })
    .from(heldContributions)
    .innerJoin(proposals, eq(proposals.id, heldContributions.proposalId))
    .where(and(eq(heldContributions.receiptHash, receiptHash), eq(heldContributions.organisationId, organisationId)))
  return row
}

export type ReleasedConcern = {
  id: string
  proposalId: string
  round: number
  phase: string
  category: NonNullable<HeldContributionRow['category']>
  text: string
  authorTag: string
  receiptHash: string
  raisedOn: string
}
export type ReleasedEndorsement = { concernId: string; tag: string; endorsedOn: string }

/**
 * SHA-256 over a batch's released rows, sorted by their random ids (so the
 * digest says nothing of the order they were written in). The batch's audit
 * entry carries it; verifying the chain recomputes it from the rows.
 */
export function batchDigest(concerns: ReleasedConcern[], endorsements: ReleasedEndorsement[]) {
  const c = concerns
    .map(({ id, round, phase, category, text, authorTag, receiptHash, raisedOn }) => ({ id, round, phase, category, text, authorTag, receiptHash, raisedOn }))
    .sort((a, b) => a.id.localeCompare(b.id))
  const e = endorsements
    .map(({ concernId, tag, endorsedOn }) => ({ concernId, tag, endorsedOn }))
    .sort((a, b) => (a.concernId + a.tag).localeCompare(b.concernId + b.tag))
  return crypto.createHash('sha256').update(canonicalJson({ concerns: c, endorsements: e })).digest('hex')
}

/**
 * Writes a batch as concerns and endorsements and deletes what was held, in
 * the release's transaction; false when another release took some of it first.
 */
export async function releaseBatch(
  tx: Queryable,
  batch: { heldIds: string[]; concerns: ReleasedConcern[]; endorsements: ReleasedEndorsement[]; seq: number },
) {
  const deleted = await tx
    .delete(heldContributions)
    .where(inArray(heldContributions.id, batch.heldIds))
    .returning({ id: heldContributions.id })
  if (deleted.length !== batch.heldIds.length) return false
  if (batch.concerns.length > 0) {
    await tx.insert(staffConcerns).values(
      batch.concerns.map((c) => ({ ...c, anonymous: true, authorId: null, releasedSeq: batch.seq })),
    )
  }
  if (batch.endorsements.length > 0) {
    await tx
      .insert(concernEndorsements)
      .values(batch.endorsements.map((e) => ({ ...e, endorserId: null, releasedSeq: batch.seq })))
      .onConflictDoNothing()
  }
  return true
}

/** The digest of what a batch released, as the rows now stand. */
export async function releasedDigest(db: Queryable, proposalId: string, seq: number) {
  const concerns = await db
    .select({
      id: staffConcerns.id,
      proposalId: staffConcerns.proposalId,
      round: staffConcerns.round,
      phase: staffConcerns.phase,
      category: staffConcerns.category,
      text: staffConcerns.text,
      authorTag: staffConcerns.authorTag,
      receiptHash: staffConcerns.receiptHash,
      raisedOn: staffConcerns.raisedOn,
    })
    .from(staffConcerns)
    .where(and(eq(staffConcerns.proposalId, proposalId), eq(staffConcerns.releasedSeq, seq)))
  const endorsements = await db
    .select({ concernId: concernEndorsements.concernId, tag: concernEndorsements.tag, endorsedOn: concernEndorsements.endorsedOn })
    .from(concernEndorsements)
    .innerJoin(staffConcerns, eq(staffConcerns.id, concernEndorsements.concernId))
    .where(and(eq(staffConcerns.proposalId, proposalId), eq(concernEndorsements.releasedSeq, seq), isNotNull(concernEndorsements.releasedSeq)))
    .orderBy(asc(concernEndorsements.concernId))
  return batchDigest(concerns.map((c) => ({ ...c, receiptHash: c.receiptHash ?? '' })), endorsements)
}
