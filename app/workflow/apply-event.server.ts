import { and, eq, getTableColumns } from 'drizzle-orm'
import { hashOfEntry, insertAuditEntry, type AuditActorKind } from '#db/audit.server'
import { type Queryable, type Database, type Transaction } from '#db/client.server'
import { proposals, type AuditEntry, type Proposal } from '#db/schema'
import { ProposalEventSchema, type ProposalEvent } from '#machines/proposal-events'
import { can, describeState, next, restore, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'
import { type AuditDetail } from '#machines/vocabulary/audit-entries'
import { renderAuditDetail } from '~/utils/audit-summary'
import { startOfUtcDay } from '~/utils/calendar'
import { RefusedError, type Refusal } from './refusal'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'

export type Applied = { ok: true; proposal: Proposal; snapshot: ProposalSnapshot }

/** The conflict refusal in English, as the tests and the API's English clients read it. */
export const CONFLICT_MESSAGE = fixedT(DEFAULT_LOCALE, 'common')('refusals.conflict')

export type ApplyEventOptions<Prepared = undefined> = {
  organisationId: string
  proposalId: string
  event: ProposalEvent
  /**
   * The version the user saw. When given, any change since is a conflict (409)
   * and nothing is applied. Omit it for events independent of what the user
   * saw (a new concern, a draft score): they are checked against the latest state.
   */
  expectedVersion?: number
  /** The language its refusals are worded in (the page's); English by default. */
  locale?: Locale
  /**
   * The proposal as this request has already read it (requireProposal): saves
   * reading it again. Should it have moved on before the write, the event is
   * asked again of the latest state (or, with `expectedVersion`, refused).
   */
  current?: LoadedProposal
  /** The proposal's own descriptive columns the event changes: written by its guarded update, not by one more statement. */
  columns?: Partial<Pick<Proposal, 'title' | 'partner' | 'contractor' | 'description'>>
  /**
   * What the timeline and the record say happened, as a kind and its data
   * (machines/vocabulary/audit-entries.ts); must never identify the author of
   * an anonymous contribution.
   */
  audit?: AuditDetail
  /**
   * Reads the event's writes need, done before the transaction opens (on the
   * embedded database every statement of an open transaction holds the one
   * lock all requests share): given the state after the event and the row
   * before it. May refuse by throwing a RefusedError. Its answer goes to `effect`.
   */
  prepare?: (after: ProposalSnapshot, proposal: Proposal) => Promise<Prepared>
  /** Domain writes that belong to the event, in the same transaction: writes only, one statement a table where it can. */
  effect?: (tx: Transaction, after: ProposalSnapshot, proposal: Proposal, prepared: Prepared) => Promise<void>
  /**
   * Writes that must name the audit entry this event creates, such as a
   * signed record pinning the chain's head at that entry; run after it is
   * appended, in the same transaction, so a failure here undoes the event too.
   */
  afterAudit?: (tx: Transaction, entry: AuditEntry, proposal: Proposal) => Promise<void>
  now?: Date
}

export type LoadedProposal = { row: Proposal; snapshot: ProposalSnapshot }

function actorKind(event: ProposalEvent): AuditActorKind {
  if (event.actor.id) return 'user'
  return event.actor.roles.includes('system') ? 'system' : 'anonymous_staff'
}

export async function loadProposal(db: Queryable, organisationId: string, proposalId: string) {
  const row = await db.query.proposals.findFirst({
    where: and(eq(proposals.id, proposalId), eq(proposals.organisationId, organisationId)),
  })
  if (!row) return undefined
  return { row, snapshot: restore(row.snapshot, row.machineVersion) }
}

/** Another writer moved the proposal on between our read and our guarded write. */
class MovedOn extends Error {}

/**
 * Optimistic attempts before the last one, which reads the row under its lock
 * inside the transaction and so cannot lose again: independent events on a
 * busy proposal (many staff raising concerns) always get through.
 */
const OPTIMISTIC_ATTEMPTS = 4

/**
 * The one way a proposal changes. Everything that is not a write happens
 * before the transaction: reading the proposal (or taking the request's own
 * read), restoring its snapshot, asking the machine, the effect's reads. The
 * transaction then holds only the guarded writes: the proposal's update,
 * conditional on the version read (and returning the hash of the audit entry
 * that version ended with, which the new entry links to), the event's domain
 * rows and the audit entry (ADR 027). If someone else wrote first the update
 * matches no row: an event the user chose on a page they saw carries
 * `expectedVersion` and is a conflict (409) rather than a silent overwrite;
 * an independent event (a new concern, a draft score) is asked again of the
 * latest state, and its last attempt takes the row lock before reading so it
 * queues rather than losing again.
 */
export async function applyEvent<Prepared = undefined>(
  db: Database,
  options: ApplyEventOptions<Prepared>,
): Promise<Applied | Refusal> {
  const t = fixedT(options.locale ?? DEFAULT_LOCALE, 'common')
  const parsed = ProposalEventSchema.safeParse(options.event)
  if (!parsed.success) return { ok: false, status: 400, message: t('notFound.unexpectedForm') }
  const { event } = options
  if (event.actor.organisationId !== options.organisationId) {
    return { ok: false, status: 404, message: t('notFound.proposal') }
  }
  try {
    let loaded = options.current
    let fresh = !loaded
    for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt++) {
      loaded ??= await loadProposal(db, options.organisationId, options.proposalId)
      if (!loaded) throw new RefusedError(t('notFound.proposal'), 404)
      const plan = planEvent(options, loaded)
      if (!plan.ok && !fresh) {
        // The request's own read may be a moment old: refuse only on the latest.
        loaded = undefined
        fresh = true
        continue
      }
      if (!plan.ok) throw new RefusedError(plan.message, plan.status)
      const prepared = (await options.prepare?.(plan.after.snapshot, loaded.row)) as Prepared
      try {
        return await db.transaction((tx) => write(tx, options, loaded!.row, plan, prepared))
      } catch (error) {
        if (!(error instanceof MovedOn)) throw error
        if (options.expectedVersion !== undefined) throw new RefusedError(t('refusals.conflict'), 409)
        loaded = undefined
        fresh = true
      }
    }
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, options.proposalId), eq(proposals.organisationId, options.organisationId)))
        .for('update')
      if (!row) throw new RefusedError(t('notFound.proposal'), 404)
      const plan = planEvent(options, { row, snapshot: restore(row.snapshot, row.machineVersion) })
      if (!plan.ok) throw new RefusedError(plan.message, plan.status)
      const prepared = (await options.prepare?.(plan.after.snapshot, row)) as Prepared
      return write(tx, options, row, plan, prepared)
    })
  } catch (error) {
    if (error instanceof RefusedError) return { ok: false, status: error.status, message: error.message }
    throw error
  }
}

type Plan = { ok: true; before: ProposalSnapshot; after: ReturnType<typeof next> }

/** Whether the event may happen to the proposal as read, and the state after it: no database work. */
function planEvent(options: Pick<ApplyEventOptions, 'expectedVersion' | 'event' | 'locale'>, { row, snapshot }: LoadedProposal): Plan | Refusal {
  const t = fixedT(options.locale ?? DEFAULT_LOCALE, 'common')
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
    return { ok: false, status: 409, message: t('refusals.conflict') }
  }
  if (!can(snapshot, options.event)) return { ok: false, status: 403, message: t('refusals.notAllowed') }
  return { ok: true, before: snapshot, after: next(snapshot, options.event) }
}

/** The event's writes, guarded by the version read: MovedOn if another writer came first. */
async function write<Prepared>(
  tx: Transaction,
  options: ApplyEventOptions<Prepared>,
  row: Proposal,
  { before, after }: Plan,
  prepared: Prepared,
): Promise<Applied> {
  const { event } = options
  const now = options.now ?? new Date()
  const kind = actorKind(event)
  const [written] = await tx
    .update(proposals)
    .set({
      ...options.columns,
      snapshot: after.persisted,
      machineVersion: after.version,
      stage: stageOf(after.snapshot.value),
      version: row.version + 1,
      // An anonymous contribution must not leave its time of day anywhere.
      updatedAt: kind === 'anonymous_staff' ? row.updatedAt : now,
    })
    .where(and(eq(proposals.id, row.id), eq(proposals.version, row.version)))
    .returning({ ...getTableColumns(proposals), headHash: hashOfEntry(row.id, row.version) })
  if (!written) throw new MovedOn()
  const { headHash, ...updated } = written
  if (headHash === null) throw new Error(`Audit chain of ${row.id} has no entry ${row.version}`)
  await options.effect?.(tx, after.snapshot, updated, prepared)
  const { actor: _actor, ...payload } = event
  const entry = await insertAuditEntry(
    tx,
    {
      proposalId: row.id,
      seq: row.version + 1,
      actorId: event.actor.id,
      actorKind: kind,
      eventType: event.type,
      payload,
      summary: options.audit ? renderAuditDetail(options.audit) : '',
      detail: options.audit ?? null,
      stateBefore: describeState(before.value),
      stateAfter: describeState(after.snapshot.value),
      at: kind === 'anonymous_staff' ? startOfUtcDay(now) : now,
    },
    headHash,
  )
  await options.afterAudit?.(tx, entry, updated)
  return { ok: true, proposal: updated, snapshot: after.snapshot }
}
