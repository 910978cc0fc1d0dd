import crypto from 'node:crypto'
import { asc, desc, eq, sql } from 'drizzle-orm'
import { ServiceAuditDetailSchema, type ServiceAuditDetail } from '#machines/vocabulary/audit-entries'
import { GENESIS_HASH } from './audit.server'
import { canonicalJson } from './canonical-json'
import { type Queryable } from './client.server'
import { organisations, serviceAuditEntries, type ServiceAuditEntry } from './schema/index'

type HashedFields = Omit<ServiceAuditEntry, 'id' | 'hash'>

/** Like a proposal's chain (db/audit.server.ts): every field and the previous entry's hash. */
export function serviceEntryHash(entry: HashedFields): string {
  return crypto
    .createHash('sha256')
    .update(
      canonicalJson({
        organisationId: entry.organisationId,
        seq: entry.seq,
        actorId: entry.actorId,
        subjectId: entry.subjectId,
        detail: entry.detail,
        at: entry.at.toISOString(),
        prevHash: entry.prevHash,
      }),
    )
    .digest('hex')
}

/** Takes the organisation's row lock, which serialises appends to its trail and the checks made before them. */
export async function lockServiceTrail(tx: Queryable, organisationId: string) {
  await tx.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${organisationId} for update`)
}

/**
 * Appends to the service's trail. Call inside the transaction that made the
 * change: the organisation's row lock serialises appends, so the head read
 * here is the real one.
 */
export async function appendServiceAuditEntry(
  tx: Queryable,
  entry: { organisationId: string; actorId: string; subjectId: string; detail: ServiceAuditDetail; at: Date },
): Promise<ServiceAuditEntry> {
  await lockServiceTrail(tx, entry.organisationId)
  const [head] = await tx
    .select({ seq: serviceAuditEntries.seq, hash: serviceAuditEntries.hash })
    .from(serviceAuditEntries)
    .where(eq(serviceAuditEntries.organisationId, entry.organisationId))
    .orderBy(desc(serviceAuditEntries.seq))
    .limit(1)
  const fields: HashedFields = {
    organisationId: entry.organisationId,
    seq: (head?.seq ?? 0) + 1,
    actorId: entry.actorId,
    subjectId: entry.subjectId,
    detail: ServiceAuditDetailSchema.parse(entry.detail),
    // Stored with microseconds; keep milliseconds so the hash survives the round trip.
    at: new Date(Math.floor(entry.at.getTime())),
    prevHash: head?.hash ?? GENESIS_HASH,
  }
  const [row] = await tx.insert(serviceAuditEntries).values({ ...fields, hash: serviceEntryHash(fields) }).returning()
  return row!
}

export type ServiceChainVerification =
  | { ok: true; organisationId: string; length: number }
  | { ok: false; organisationId: string; length: number; brokenAtSeq: number; problem: string }

/** Every service's trail, from its start: the first broken link of each. */
export async function verifyServiceChains(db: Queryable): Promise<ServiceChainVerification[]> {
  const rows = await db.select().from(serviceAuditEntries).orderBy(asc(serviceAuditEntries.organisationId), asc(serviceAuditEntries.seq))
  const byOrganisation = new Map<string, ServiceAuditEntry[]>()
  for (const row of rows) byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row])
  return [...byOrganisation].map(([organisationId, entries]) => {
    let prevHash = GENESIS_HASH
    for (const [i, row] of entries.entries()) {
      const broken = (problem: string): ServiceChainVerification => ({ ok: false, organisationId, length: entries.length, brokenAtSeq: row.seq, problem })
      if (row.seq !== i + 1) return broken(`entry ${i + 1} is missing`)
      if (row.prevHash !== prevHash) return broken('it does not link to the entry before it')
      if (serviceEntryHash(row) !== row.hash) return broken('its content does not match its hash')
      prevHash = row.hash
    }
    return { ok: true, organisationId, length: entries.length }
  })
}

/** The entries about one person, oldest first (for their subject access export). */
export function listServiceAuditEntriesAbout(db: Queryable, organisationId: string, subjectId: string) {
  return db
    .select()
    .from(serviceAuditEntries)
    .where(sql`${serviceAuditEntries.organisationId} = ${organisationId} and (${serviceAuditEntries.subjectId} = ${subjectId} or ${serviceAuditEntries.actorId} = ${subjectId})`)
    .orderBy(asc(serviceAuditEntries.seq))
}
