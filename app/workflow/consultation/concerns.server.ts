import {
  findConcern,
  findConcernByReceipt,
  hideConcern as hideConcernRow,
  insertConcern,
  insertEndorsement,
  respondToConcern as respondToConcernRow,
} from '#db/consultation.server'
import { type Database } from '#db/client.server'
import { endorsementExists, findHeldByReceipt, insertHeld } from '#db/held-contributions.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { can, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'
import { type ConcernCategory } from '#machines/vocabulary/consultation'
import { contributionBlocker } from '#machines/staff-contributions'
import { keyedDigest } from '~/utils/secrets.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal, type LoadedProposal } from '~/workflow/apply-event.server'
import { RefusedError } from '~/workflow/refusal'
import { checkConcernSurge } from '~/workflow/monitoring/escalation.server'
import { formatDate, serviceDate, utcDate } from '~/utils/calendar'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { notifyConcernAnswered } from './notify.server'
import { RateLimiter } from './rate-limit.server'
import { newReceiptCode, normaliseReceiptCode, receiptHash } from './receipt.server'
import { refuse, type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'

/**
 * Staff concerns: raised named or anonymously, endorsed once per person,
 * answered or hidden by the proposer.
 *
 * Anonymity: an anonymous concern or endorsement is not sent to the machine
 * when it is made. It is held, with a random id and the UTC day only, and
 * released later in a batch (release-anonymous.server.ts, ADR 023), so that
 * no version, audit entry or notification places it among named events. Its
 * row holds no user id. What remains is a tag,
 * HMAC(server secret, user, concern), which is the same whether that person
 * raises or endorses the concern: so nobody endorses twice or their own
 * concern, while tags cannot be linked to each other or to anyone without the
 * secret. Nothing here logs.
 */

const HOUR = 3_600_000
/** Per person, in memory only (see RateLimiter). */
export const concernLimit = new RateLimiter(5, HOUR)
export const endorsementLimit = new RateLimiter(30, HOUR)

type Common = {
  user: Person
  proposalId: string
  now?: Date
  /** The proposal as the request already read it (requireProposal), so as not to read it again. */
  current?: LoadedProposal
  /** The reader's language, for the words of a refusal (English by default). */
  locale?: Locale
}

/** The words of a refusal, in the reader's language. */
function refusalWords(locale: Locale | undefined) {
  return fixedT(locale ?? DEFAULT_LOCALE, 'validation')
}

export function concernTag(secret: string, userId: string, concernId: string) {
  return keyedDigest(secret, 'concern-tag', userId, concernId)
}

/** Why a staff contribution is refused, in words; the machine has already said no. */
function whyNot(snapshot: ProposalSnapshot, user: Person, now: Date, what: 'raise' | 'endorse', locale = DEFAULT_LOCALE): Refusal {
  const t = refusalWords(locale)
  switch (contributionBlocker(snapshot, user.roles, now.toISOString(), what)) {
    case 'not_staff':
      return refuse(403, what === 'raise' ? t('concern.notStaffRaise') : t('concern.notStaffEndorse'))
    case 'closed':
      return refuse(409, t('concern.closed', { date: formatDate(serviceDate(new Date(snapshot.context.staff.closingDate!)), locale) }))
    case 'not_opened':
      return refuse(409, t('concern.notOpened'))
    case 'wrong_stage':
      return refuse(409, what === 'raise' ? t('concern.wrongStageRaise') : t('concern.wrongStageEndorse'))
  }
}

export type RaisedConcern = { ok: true; concernId: string; receipt: string | null }

/** An anonymous author gets a receipt code, shown once, to look the concern up later. */
export async function raiseConcern(
  db: Database,
  input: Common & { category: ConcernCategory; text: string; anonymous: boolean; secret: string },
): Promise<RaisedConcern | Refusal> {
  const { user, anonymous } = input
  const now = input.now ?? new Date()
  const t = refusalWords(input.locale)
  if (!concernLimit.allowed(user.id, now)) return refuse(429, t('concern.raiseLimit'))
  const loaded = input.current ?? (await loadProposal(db, user.organisationId, input.proposalId))
  if (!loaded) return refuse(404, t('concern.proposalNotFound'))
  const concernId = crypto.randomUUID()
  // Whether this person may raise a concern is asked with their own identity;
  // only then is the event sent without it.
  const named: ProposalEvent = {
    type: 'concern.raise',
    concernId,
    at: now.toISOString(),
    actor: actorFor(user),
  }
  if (!can(loaded.snapshot, named)) return whyNot(loaded.snapshot, user, now, 'raise', input.locale)
  const authorTag = concernTag(input.secret, user.id, concernId)
  if (anonymous) {
    // Held, not applied: nothing ordered (version, chain, notification) learns of it until the batch's release.
    const receipt = newReceiptCode()
    await insertHeld(db, {
      organisationId: user.organisationId,
      proposalId: input.proposalId,
      kind: 'concern',
      concernId,
      tag: authorTag,
      round: loaded.snapshot.context.revisions,
      phase: stageOf(loaded.snapshot.value),
      category: input.category,
      text: input.text,
      receiptHash: receiptHash(receipt),
      heldOn: utcDate(now),
    })
    concernLimit.record(user.id, now)
    return { ok: true, concernId, receipt }
  }
  const result = await applyEvent(db, {
    organisationId: user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: named,
    now,
    current: loaded,
    audit: { kind: 'concern.raised', anonymous: false, category: input.category },
    effect: async (tx, after) => {
      await insertConcern(tx, {
        id: concernId,
        proposalId: input.proposalId,
        round: after.context.revisions,
        phase: stageOf(after.value),
        category: input.category,
        text: input.text,
        anonymous: false,
        authorId: user.id,
        authorTag,
        receiptHash: null,
        raisedOn: utcDate(now),
      })
    },
  })
  if (!result.ok) return result
  concernLimit.record(user.id, now)
  // A surge of concerns about a monitored partnership sends it back for reassessment.
  if (stageOf(result.snapshot.value) === 'monitoring') {
    await checkConcernSurge(db, { organisationId: user.organisationId, proposalId: input.proposalId, now })
  }
  return { ok: true, concernId, receipt: null }
}

export async function endorseConcern(
  db: Database,
  input: Common & { concernId: string; anonymous: boolean; secret: string },
): Promise<{ ok: true } | Refusal> {
  const { user, anonymous } = input
  const now = input.now ?? new Date()
  const t = refusalWords(input.locale)
  if (!endorsementLimit.allowed(user.id, now)) return refuse(429, t('concern.endorseLimit'))
  const loaded = input.current ?? (await loadProposal(db, user.organisationId, input.proposalId))
  const concern = loaded ? await findConcern(db, input.proposalId, input.concernId) : undefined
  if (!loaded || !concern) return refuse(404, t('concern.notFound'))
  const named: ProposalEvent = {
    type: 'concern.endorse',
    concernId: concern.id,
    actor: actorFor(user),
  }
  if (!can(loaded.snapshot, named)) return whyNot(loaded.snapshot, user, now, 'endorse', input.locale)
  if (concern.hiddenReason !== null) return refuse(409, t('concern.hiddenCannotEndorse'))
  const tag = concernTag(input.secret, user.id, concern.id)
  if (tag === concern.authorTag) return refuse(409, t('concern.ownConcern'))
  const already = t('concern.alreadyEndorsed')
  if (await endorsementExists(db, concern.id, tag)) return refuse(409, already)
  if (anonymous) {
    try {
      await insertHeld(db, {
        organisationId: user.organisationId,
        proposalId: input.proposalId,
        kind: 'endorsement',
        concernId: concern.id,
        tag,
        round: null,
        phase: null,
        category: null,
        text: null,
        receiptHash: null,
        heldOn: utcDate(now),
      })
    } catch {
      // The unique (concern, tag) index: a second click that raced the first.
      return refuse(409, already)
    }
    endorsementLimit.record(user.id, now)
    return { ok: true }
  }
  const result = await applyEvent(db, {
    organisationId: user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: named,
    now,
    current: loaded,
    audit: { kind: 'concern.endorsed', anonymous: false },
    effect: async (tx) => {
      const inserted = await insertEndorsement(tx, {
        concernId: concern.id,
        tag,
        endorserId: user.id,
        endorsedOn: utcDate(now),
      })
      if (!inserted) throw new RefusedError(already, 409)
    },
  })
  if (!result.ok) return result
  endorsementLimit.record(user.id, now)
  return { ok: true }
}

/** The published answer; a condition it commits to is carried into the decision. */
export async function respondToConcern(
  db: Database,
  input: Common & { concernId: string; response: string; condition?: string },
) {
  const now = input.now ?? new Date()
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: { type: 'concern.respond', concernId: input.concernId, actor: actorFor(input.user) },
    now,
    audit: { kind: 'concern.answered', condition: Boolean(input.condition) },
    effect: async (tx, _after, proposal) => {
      const answered = await respondToConcernRow(tx, input.proposalId, input.concernId, {
        response: input.response,
        condition: input.condition ?? null,
        respondedOn: serviceDate(now),
        respondedBy: input.user.id,
      })
      if (!answered) throw new RefusedError(refusalWords(input.locale)('concern.alreadyAnswered'), 409)
      if (answered.authorId) await notifyConcernAnswered(tx, proposal, answered.authorId)
    },
  })
}

/** Kept, marked hidden with the reason, never deleted; the record shows the fact and the reason. */
export async function hideConcern(
  db: Database,
  input: Common & { concernId: string; reason: string },
) {
  const now = input.now ?? new Date()
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: {
      type: 'concern.hide',
      concernId: input.concernId,
      reason: input.reason,
      actor: actorFor(input.user),
    },
    now,
    audit: { kind: 'concern.hidden' },
    effect: async (tx) => {
      const hidden = await hideConcernRow(tx, input.proposalId, input.concernId, {
        reason: input.reason,
        hiddenOn: serviceDate(now),
        hiddenBy: input.user.id,
      })
      if (!hidden) throw new RefusedError(refusalWords(input.locale)('concern.alreadyHidden'), 409)
    },
  })
}

/** The concern a receipt code was given for, within the reader's own organisation. */
export async function lookUpReceipt(db: Database, organisationId: string, code: string) {
  const normalised = normaliseReceiptCode(code)
  return normalised ? findConcernByReceipt(db, organisationId, receiptHash(normalised)) : undefined
}

/** A concern still held for release, which its author may ask after by receipt. */
export async function lookUpHeldReceipt(db: Database, organisationId: string, code: string) {
  const normalised = normaliseReceiptCode(code)
  return normalised ? findHeldByReceipt(db, organisationId, receiptHash(normalised)) : undefined
}
