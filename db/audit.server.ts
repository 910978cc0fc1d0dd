import crypto from 'node:crypto'
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { AuditDetailSchema, type AuditDetail } from '#machines/vocabulary/audit-entries'
import { canonicalJson } from './canonical-json'
import { releasedDigest } from './held-contributions.server'
import { type Queryable } from './client.server'
import { auditEntries, type AuditEntry } from './schema/index'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditActorKind = AuditEntry['actorKind']

export type NewAuditEntry = {
  proposalId: string
  seq: number
  actorId: string | null
  actorKind: AuditActorKind
  eventType: string
  payload: unknown
  /** The English rendering kept beside `detail` for readers of the old column. */
  summary: string
  /** What happened, typed; validated here and covered by the hash. */
  detail?: AuditDetail | null
  stateBefore: string
  stateAfter: string
  at: Date
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

export function payloadDigest(payload: unknown) {
  return sha256(canonicalJson(payload))
}

type HashedFields = Omit<AuditEntry, 'id' | 'hash' | 'detail'> & { detail?: AuditDetail | null }

/**
 * The hash covers every field of the entry, including the previous entry's
 * hash. `detail` joins the hashed fields only when present, so entries written
 * before it existed (detail null) hash exactly as they always did.
 */
export function entryHash(entry: HashedFields): string {
  return sha256(
    canonicalJson({
      proposalId: entry.proposalId,
      seq: entry.seq,
      actorId: entry.actorId,
      actorKind: entry.actorKind,
      eventType: entry.eventType,
      payloadDigest: entry.payloadDigest,
      summary: entry.summary,
      ...(entry.detail == null ? {} : { detail: entry.detail }),
      stateBefore: entry.stateBefore,
      stateAfter: entry.stateAfter,
      at: entry.at.toISOString(),
      prevHash: entry.prevHash,
    }),
  )
}

/**
 * Appends the next link of a proposal's chain. Call inside the transaction that
 * changes the proposal, after its version update: that row lock serialises
 * writers, so the previous entry read here is the real head.
 */
export async function appendAuditEntry(tx: Queryable, entry: NewAuditEntry): Promise<AuditEntry> {
  const [head] = await tx
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .where(eq(auditEntries.proposalId, entry.proposalId))
    .orderBy(desc(auditEntries.seq))
    .limit(1)
  if ((head?.seq ?? 0) + 1 !== entry.seq) {
    throw new Error(`Audit sequence out of order for ${entry.proposalId}: ${head?.seq ?? 0} then ${entry.seq}`)
  }
  return insertAuditEntry(tx, entry, head?.hash ?? GENESIS_HASH)
}

/**
 * The entry with sequence number `seq`'s hash, as a subquery: the transition
 * service reads the head it links to in the same statement as its guarded
 * update of the proposal (whose version is the head's `seq`), not in one more.
 */
export function hashOfEntry(proposalId: string, seq: number): SQL<string | null> {
  return sql<string | null>`(select ${auditEntries.hash} from ${auditEntries} where ${auditEntries.proposalId} = ${proposalId} and ${auditEntries.seq} = ${seq})`
}

/** Appends the link after the one whose hash is `prevHash`; the caller vouches that it is the head. */
export async function insertAuditEntry(tx: Queryable, entry: NewAuditEntry, prevHash: string): Promise<AuditEntry> {
  const fields: HashedFields = {
    proposalId: entry.proposalId,
    seq: entry.seq,
    actorId: entry.actorId,
    actorKind: entry.actorKind,
    eventType: entry.eventType,
    payloadDigest: payloadDigest(entry.payload),
    summary: entry.summary,
    detail: entry.detail == null ? null : AuditDetailSchema.parse(entry.detail),
    stateBefore: entry.stateBefore,
    stateAfter: entry.stateAfter,
    // Stored with microseconds; keep milliseconds so the hash survives the round trip.
    at: new Date(Math.floor(entry.at.getTime())),
    prevHash,
  }
  const [row] = await tx.insert(auditEntries).values({ ...fields, hash: entryHash(fields) }).returning()
  return row!
}

export type ChainVerification =
  | { ok: true; proposalId: string; length: number; headSeq: number; headHash: string }
  | { ok: false; proposalId: string; length: number; brokenAtSeq: number; problem: string; reason: ChainBreak }

/** What broke, as a code beside the English `problem`, so a page can word it in its reader's language. */
export type ChainBreak = { code: 'missing'; missing: number } | { code: 'unlinked' | 'altered' | 'releaseChanged' }

/** Walks one proposal's chain from the start and reports the first broken link. */
export async function verifyChain(db: Queryable, proposalId: string, uptoSeq?: number): Promise<ChainVerification> {
  const rows = await db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.proposalId, proposalId))
    .orderBy(asc(auditEntries.seq))
  const entries = uptoSeq === undefined ? rows : rows.filter((r) => r.seq <= uptoSeq)
  return verifyReleases(db, entries, verifyEntries(proposalId, entries))
}

/**
 * A released batch of anonymous contributions is covered by its entry's
 * digest: the rows it released must still hash to it (ADR 023).
 */
async function verifyReleases(db: Queryable, rows: AuditEntry[], chain: ChainVerification): Promise<ChainVerification> {
  if (!chain.ok) return chain
  for (const row of rows) {
    const detail = row.detail as AuditDetail | null
    if (detail?.kind !== 'anonymous.released') continue
    if ((await releasedDigest(db, row.proposalId, row.seq)) !== detail.digest) {
      return {
        ok: false,
        proposalId: row.proposalId,
        length: rows.length,
        brokenAtSeq: row.seq,
        problem: 'the anonymous contributions it released have been changed',
        reason: { code: 'releaseChanged' },
      }
    }
  }
  return chain
}

export function verifyEntries(proposalId: string, rows: AuditEntry[]): ChainVerification {
  let prevHash = GENESIS_HASH
  for (const [i, row] of rows.entries()) {
    const broken = (problem: string, reason: ChainBreak): ChainVerification => ({
      ok: false,
      proposalId,
      length: rows.length,
      brokenAtSeq: row.seq,
      problem,
      reason,
    })
    if (row.seq !== i + 1) return broken(`entry ${i + 1} is missing`, { code: 'missing', missing: i + 1 })
    if (row.prevHash !== prevHash) return broken('it does not link to the entry before it', { code: 'unlinked' })
    if (entryHash(row) !== row.hash) return broken('its content does not match its hash', { code: 'altered' })
    prevHash = row.hash
  }
  const head = rows.at(-1)
  return { ok: true, proposalId, length: rows.length, headSeq: head?.seq ?? 0, headHash: head?.hash ?? GENESIS_HASH }
}

export async function verifyAllChains(db: Queryable): Promise<ChainVerification[]> {
  const rows = await db.select().from(auditEntries).orderBy(asc(auditEntries.proposalId), asc(auditEntries.seq))
  const byProposal = new Map<string, AuditEntry[]>()
  for (const row of rows) {
    const list = byProposal.get(row.proposalId) ?? []
    list.push(row)
    byProposal.set(row.proposalId, list)
  }
  const results: ChainVerification[] = []
  for (const [id, entries] of byProposal) results.push(await verifyReleases(db, entries, verifyEntries(id, entries)))
  return results
}

export function listAuditEntries(db: Queryable, proposalId: string) {
  return db.select().from(auditEntries).where(eq(auditEntries.proposalId, proposalId)).orderBy(asc(auditEntries.seq))
}

/** The top-level stage of a stored state description ("consultation.staff.open | …" → "consultation"). */
const stageOf = (column: typeof auditEntries.stateAfter | typeof auditEntries.stateBefore) => sql<string>`split_part(${column}, '.', 1)`

/**
 * Each time the proposal entered another stage, oldest first: its history of
 * stages, as the hash-chained trail recorded the machine's states.
 */
export function listStageChanges(db: Queryable, proposalId: string) {
  return db
    .select({ stage: stageOf(auditEntries.stateAfter), at: auditEntries.at })
    .from(auditEntries)
    .where(and(eq(auditEntries.proposalId, proposalId), sql`${stageOf(auditEntries.stateBefore)} <> ${stageOf(auditEntries.stateAfter)}`))
    .orderBy(asc(auditEntries.seq))
}
