import { and, eq } from 'drizzle-orm'
import { appendAuditEntry, type AuditActorKind } from '#db/audit.server'
import { type Queryable, type Database, type Transaction } from '#db/client.server'
import { proposals, type Proposal } from '#db/schema'
import { ProposalEventSchema, type ProposalEvent } from '#machines/proposal-events'
import { can, describeState, next, restore, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'

export type Refusal = {
  ok: false
  status: 400 | 403 | 404 | 409
  message: string
}

export type Applied = { ok: true; proposal: Proposal; snapshot: ProposalSnapshot }

/** A domain write refused inside the transaction (e.g. a duplicate endorsement); rolls it back. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 409 = 400,
  ) {
    super(message)
  }
}

class ConflictError extends Error {}

export const CONFLICT_MESSAGE = 'This proposal was changed by someone else. Reload the page to see the latest version, then try again.'
const NOT_ALLOWED = 'That action is not available to you at this stage.'

export type ApplyEventOptions = {
  organisationId: string
  proposalId: string
  event: ProposalEvent
  /**
   * The version the user saw. When given, any change since is a conflict (409)
   * and nothing is applied. When omitted, the event is independent of what the
   * user saw (a new concern, a draft score): it is re-checked against the latest
   * state and retried.
   */
  expectedVersion?: number
  /** Shown in the timeline; must never name the author of an anonymous contribution. */
  summary?: string
  /** Domain writes that belong to the event, in the same transaction. */
  effect?: (tx: Transaction, after: ProposalSnapshot, proposal: Proposal) => Promise<void>
  now?: Date
}

function actorKind(event: ProposalEvent): AuditActorKind {
  if (event.actor.id) return 'user'
  return event.actor.roles.includes('system') ? 'system' : 'anonymous_staff'
}

function startOfDayUtc(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

export async function loadProposal(db: Queryable, organisationId: string, proposalId: string) {
  const row = await db.query.proposals.findFirst({
    where: and(eq(proposals.id, proposalId), eq(proposals.organisationId, organisationId)),
  })
  if (!row) return undefined
  return { row, snapshot: restore(row.snapshot, row.machineVersion) }
}

/**
 * The one way a proposal changes: load, restore, ask the machine, then write
 * the new snapshot (only if nobody else wrote first) and its audit entry in one
 * transaction, with the event's domain writes.
 */
export async function applyEvent(db: Database, options: ApplyEventOptions): Promise<Applied | Refusal> {
  const parsed = ProposalEventSchema.safeParse(options.event)
  if (!parsed.success) return { ok: false, status: 400, message: 'That request was not in the expected form.' }
  const attempts = options.expectedVersion === undefined ? 8 : 1
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = await attemptOnce(db, options)
    if (result !== 'conflict') return result
  }
  return { ok: false, status: 409, message: CONFLICT_MESSAGE }
}

async function attemptOnce(db: Database, options: ApplyEventOptions): Promise<Applied | Refusal | 'conflict'> {
  const { event } = options
  const loaded = await loadProposal(db, options.organisationId, options.proposalId)
  if (!loaded || event.actor.organisationId !== options.organisationId) {
    return { ok: false, status: 404, message: 'Proposal not found' }
  }
  const { row, snapshot } = loaded
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) return 'conflict'
  if (!can(snapshot, event)) return { ok: false, status: 403, message: NOT_ALLOWED }

  const after = next(snapshot, event)
  const now = options.now ?? new Date()
  const kind = actorKind(event)
  try {
    const proposal = await db.transaction(async (tx) => {
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
      if (!updated) throw new ConflictError()
      await options.effect?.(tx, after.snapshot, updated)
      const { actor: _actor, ...payload } = event
      await appendAuditEntry(tx, {
        proposalId: row.id,
        seq: row.version + 1,
        actorId: event.actor.id,
        actorKind: kind,
        eventType: event.type,
        payload,
        summary: options.summary ?? '',
        stateBefore: describeState(snapshot.value),
        stateAfter: describeState(after.snapshot.value),
        at: kind === 'anonymous_staff' ? startOfDayUtc(now) : now,
      })
      return updated
    })
    return { ok: true, proposal, snapshot: after.snapshot }
  } catch (error) {
    if (error instanceof ConflictError) return 'conflict'
    if (error instanceof RefusedError) return { ok: false, status: error.status, message: error.message }
    throw error
  }
}

/** For routes: a refusal becomes the matching HTTP answer. */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(refusal.message, { status: refusal.status })
}
