import { and, eq } from 'drizzle-orm'
import { appendAuditEntry, type AuditActorKind } from '#db/audit.server'
import { type Queryable, type Database, type Transaction } from '#db/client.server'
import { proposals, type AuditEntry, type Proposal } from '#db/schema'
import { ProposalEventSchema, type ProposalEvent } from '#machines/proposal-events'
import { can, describeState, next, restore, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'
import { type AuditDetail } from '#machines/vocabulary/audit-entries'
import { renderAuditDetail } from '~/utils/audit-summary'
import { startOfUtcDay } from '~/utils/calendar'
import { RefusedError, type Refusal } from './refusal'

export type Applied = { ok: true; proposal: Proposal; snapshot: ProposalSnapshot }

export const CONFLICT_MESSAGE = 'This proposal was changed by someone else. Reload the page to see the latest version, then try again.'
const NOT_ALLOWED = 'That action is not available to you at this stage.'

export type ApplyEventOptions = {
  organisationId: string
  proposalId: string
  event: ProposalEvent
  /**
   * The version the user saw. When given, any change since is a conflict (409)
   * and nothing is applied. Omit it for events independent of what the user
   * saw (a new concern, a draft score): they are checked against the latest state.
   */
  expectedVersion?: number
  /**
   * What the timeline and the record say happened, as a kind and its data
   * (machines/vocabulary/audit-entries.ts); must never identify the author of
   * an anonymous contribution.
   */
  audit?: AuditDetail
  /** Domain writes that belong to the event, in the same transaction. */
  effect?: (tx: Transaction, after: ProposalSnapshot, proposal: Proposal) => Promise<void>
  /**
   * Writes that must name the audit entry this event creates, such as a
   * signed record pinning the chain's head at that entry; run after it is
   * appended, in the same transaction, so a failure here undoes the event too.
   */
  afterAudit?: (tx: Transaction, entry: AuditEntry, proposal: Proposal) => Promise<void>
  now?: Date
}

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

/**
 * The one way a proposal changes: inside one transaction, lock the proposal
 * row, restore its snapshot, ask the machine, then write the new snapshot, the
 * event's domain rows and the audit entry together. The row lock serialises
 * writers to one proposal, so independent events (a new concern, a draft
 * score) simply queue; an event the user chose on a page they saw carries
 * `expectedVersion`, and any change since is a conflict rather than a silent
 * overwrite.
 */
export async function applyEvent(db: Database, options: ApplyEventOptions): Promise<Applied | Refusal> {
  const parsed = ProposalEventSchema.safeParse(options.event)
  if (!parsed.success) return { ok: false, status: 400, message: 'That request was not in the expected form.' }
  const { event } = options
  if (event.actor.organisationId !== options.organisationId) {
    return { ok: false, status: 404, message: 'Proposal not found' }
  }
  const now = options.now ?? new Date()
  const kind = actorKind(event)
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, options.proposalId), eq(proposals.organisationId, options.organisationId)))
        .for('update')
      if (!row) throw new RefusedError('Proposal not found', 404)
      if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
        throw new RefusedError(CONFLICT_MESSAGE, 409)
      }
      const snapshot = restore(row.snapshot, row.machineVersion)
      if (!can(snapshot, event)) throw new RefusedError(NOT_ALLOWED, 403)
      const after = next(snapshot, event)
      const [updated] = await tx
        .update(proposals)
        .set({
          snapshot: after.persisted,
          machineVersion: after.version,
          stage: stageOf(after.snapshot.value),
          version: row.version + 1,
          // An anonymous contribution must not leave its time of day anywhere.
          updatedAt: kind === 'anonymous_staff' ? row.updatedAt : now,
        })
        .where(and(eq(proposals.id, row.id), eq(proposals.version, row.version)))
        .returning()
      if (!updated) throw new RefusedError(CONFLICT_MESSAGE, 409)
      await options.effect?.(tx, after.snapshot, updated)
      const { actor: _actor, ...payload } = event
      const entry = await appendAuditEntry(tx, {
        proposalId: row.id,
        seq: row.version + 1,
        actorId: event.actor.id,
        actorKind: kind,
        eventType: event.type,
        payload,
        summary: options.audit ? renderAuditDetail(options.audit) : '',
        detail: options.audit ?? null,
        stateBefore: describeState(snapshot.value),
        stateAfter: describeState(after.snapshot.value),
        at: kind === 'anonymous_staff' ? startOfUtcDay(now) : now,
      })
      await options.afterAudit?.(tx, entry, updated)
      return { ok: true as const, proposal: updated, snapshot: after.snapshot }
    })
  } catch (error) {
    if (error instanceof RefusedError) return { ok: false, status: error.status, message: error.message }
    throw error
  }
}
