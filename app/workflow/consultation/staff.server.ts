import {
  completeStaffConsultation as completeStaffConsultationRow,
  insertStaffConsultation,
  insertUnionConsultation,
} from '#db/consultation.server'
import { type Database } from '#db/client.server'
import { staffBlockers, type StaffBlocker } from '#machines/consultation-readiness'
import { kickDelivery, type MailSettings } from '~/utils/mail.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { addDays, earliestClosingDate, endOfServiceDay, formatDate, serviceDate } from '~/utils/calendar'
import { notifyConsultationOpened } from './notify.server'
import { releaseHeldContributions } from './release-anonymous.server'
import { refuse } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'

/**
 * The staff side of the consultation (the machine's `staff` region): the
 * proposer opens it with a closing date and a summary, records the trade
 * union's response, and completes it once the closing date has passed and
 * every concern has an answer. Concerns themselves are in concerns.server.ts.
 */

/** `locale`: the language the refusal is worded in (the page's); English by default. */
type Common = { user: Person; proposalId: string; now?: Date; locale?: Locale }

function refusalWords(locale: Locale | undefined) {
  return fixedT(locale ?? DEFAULT_LOCALE, 'consultation')
}

export async function openStaffConsultation(
  db: Database,
  input: Common & {
    closesOn: string
    summary: string
    mail: MailSettings
    expectedVersion?: number
  },
) {
  const now = input.now ?? new Date()
  const loaded = await loadProposal(db, input.user.organisationId, input.proposalId)
  if (loaded?.snapshot.context.proposerId === input.user.id) {
    const earliest = earliestClosingDate(now, loaded.snapshot.context.minConsultationDays)
    if (input.closesOn < earliest) {
      const locale = input.locale ?? DEFAULT_LOCALE
      return refuse(
        400,
        refusalWords(locale)('refusals.minDays', {
          count: loaded.snapshot.context.minConsultationDays,
          date: formatDate(earliest, locale),
        }),
        'closesOn',
      )
    }
  }
  const closesAt = endOfServiceDay(input.closesOn)
  const result = await applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: {
      type: 'staff.open',
      closingDate: closesAt.toISOString(),
      at: now.toISOString(),
      actor: actorFor(input.user),
    },
    expectedVersion: input.expectedVersion,
    now,
    audit: { kind: 'staff.opened', closesOn: input.closesOn },
    effect: async (tx, after, proposal) => {
      await insertStaffConsultation(tx, {
        proposalId: input.proposalId,
        round: after.context.revisions,
        summary: input.summary,
        openedOn: serviceDate(now),
        closesOn: input.closesOn,
        closesAt,
        openedBy: input.user.id,
        openedAt: now,
      })
      await notifyConsultationOpened(tx, proposal, input.closesOn, input.mail)
    },
  })
  // E-mail leaves only once the consultation has really opened.
  if (result.ok && input.mail.smtp) kickDelivery()
  return result
}

export async function recordUnionResponse(
  db: Database,
  input: Common & { unionName: string; consultedOn: string; response: string },
) {
  const now = input.now ?? new Date()
  if (input.consultedOn > serviceDate(now))
    return refuse(400, refusalWords(input.locale)('refusals.responseInFuture'), 'consultedOn')
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: { type: 'union.record', actor: actorFor(input.user) },
    now,
    audit: { kind: 'union.response.recorded', union: input.unionName },
    effect: async (tx, after) => {
      await insertUnionConsultation(tx, {
        proposalId: input.proposalId,
        round: after.context.revisions,
        unionName: input.unionName,
        consultedOn: input.consultedOn,
        response: input.response,
        recordedBy: input.user.id,
        recordedAt: now,
      })
    },
  })
}

const BLOCKER_KEYS = {
  unanswered_concerns: 'staff.blocker.unansweredConcerns',
  union_missing: 'staff.blocker.unionMissing',
} as const satisfies Record<Exclude<StaffBlocker, 'before_closing_date'>, string>

/**
 * What each blocker asks of the proposer. Closing early is refused by design,
 * so the closing-date blocker names the first day completing is allowed: the
 * day after the closing date, whose last moment the machine waits for.
 */
export function staffBlockerMessages(
  blockers: StaffBlocker[],
  closingDate: string | null,
  locale: Locale = DEFAULT_LOCALE,
): string[] {
  const t = refusalWords(locale)
  return staffBlockerNotes(blockers, closingDate).map((n) =>
    n.reason !== 'before_closing_date'
      ? t(BLOCKER_KEYS[n.reason])
      : n.closesOn && n.from
        ? t('staff.blocker.beforeClosingDate', { closesOn: formatDate(n.closesOn, locale), from: formatDate(n.from, locale) })
        : t('staff.blocker.noClosingDate'),
  )
}

/** Each blocker by its reason, with the days it names: the page words it in its own language. */
export function staffBlockerNotes(blockers: StaffBlocker[], closingDate: string | null) {
  return blockers.map((reason) => {
    const closesOn =
      reason === 'before_closing_date' && closingDate && !Number.isNaN(Date.parse(closingDate))
        ? serviceDate(new Date(closingDate))
        : null
    return { reason, closesOn, from: closesOn ? addDays(closesOn, 1) : null }
  })
}

export async function completeStaffConsultation(
  db: Database,
  input: Common & { expectedVersion?: number },
) {
  const now = input.now ?? new Date()
  const before = await loadProposal(db, input.user.organisationId, input.proposalId)
  if (
    before?.snapshot.context.proposerId === input.user.id &&
    !staffBlockers(before.snapshot.context, now.toISOString()).includes('before_closing_date')
  ) {
    // Released at the closing (ADR 023): held contributions must be read and answered before it completes.
    const released = await releaseHeldContributions(db, { organisationId: input.user.organisationId, proposalId: input.proposalId, occasion: 'closing', now })
    if (released.concerns + released.endorsements > 0) {
      return refuse(409, refusalWords(input.locale)('refusals.anonymousReleased'))
    }
  }
  const loaded = await loadProposal(db, input.user.organisationId, input.proposalId)
  if (
    loaded?.snapshot.context.proposerId === input.user.id &&
    loaded.snapshot.matches({ consultation: { staff: 'open' } })
  ) {
    const blockers = staffBlockers(loaded.snapshot.context, now.toISOString())
    if (blockers.length > 0) return refuse(409, staffBlockerMessages(blockers, loaded.snapshot.context.staff.closingDate, input.locale).join(' '))
  }
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: { type: 'staff.complete', at: now.toISOString(), actor: actorFor(input.user) },
    expectedVersion: input.expectedVersion,
    now,
    audit: { kind: 'staff.completed' },
    effect: (tx, after) =>
      completeStaffConsultationRow(
        tx,
        { proposalId: input.proposalId, round: after.context.revisions },
        now,
      ),
  })
}
