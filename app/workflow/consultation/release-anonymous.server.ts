import { type Database } from '#db/client.server'
import {
  batchDigest,
  listHeld,
  proposalsWithHeld,
  releaseBatch,
  type ReleasedConcern,
  type ReleasedEndorsement,
} from '#db/held-contributions.server'
import { insertNotifications } from '#db/notifications.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { findOrganisation, findUserInOrganisation, listUsersWithRole } from '#db/users.server'
import { isSmallGroup, releaseDue, type AnonymityPolicy, type ReleaseOccasion } from '#machines/anonymity'
import { stageOf } from '#machines/proposal-workflow'
import { systemActor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { checkConcernSurge } from '~/workflow/monitoring/escalation.server'
import { RefusedError } from '~/workflow/refusal'
import { SERVICE_TIME_ZONE } from '~/utils/calendar'
import { fixedT } from '~/utils/i18n'
import { noticeLocale, serviceLanguagesOf } from '~/utils/mail-language.server'

/**
 * Releases held anonymous contributions in a batch (docs/decisions/023-anonymity.md):
 * one machine event and one audit entry for the whole batch, the concerns in
 * random order with their day only, and the proposer told now rather than
 * when each was written.
 */

export async function anonymityPolicy(db: Database, organisationId: string): Promise<AnonymityPolicy> {
  const organisation = await findOrganisation(db, organisationId)
  const s = { ...DEFAULT_ORGANISATION_SETTINGS, ...organisation?.settings }
  return {
    minimumGroupSize: s.anonymityMinimumGroup,
    hold: s.anonymityHold,
    several: s.anonymitySeveral,
    releaseHour: s.anonymityReleaseHour,
  }
}

/** Who could have written an anonymous contribution: the organisation's active staff. */
export async function eligibleStaff(db: Database, organisationId: string) {
  return (await listUsersWithRole(db, organisationId, 'staff')).length
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export type Released = { concerns: number; endorsements: number }
const NOTHING: Released = { concerns: 0, endorsements: 0 }

export async function releaseHeldContributions(
  db: Database,
  input: { organisationId: string; proposalId: string; occasion: ReleaseOccasion; now?: Date },
): Promise<Released> {
  const now = input.now ?? new Date()
  const held = await listHeld(db, input.proposalId)
  if (held.length === 0) return NOTHING
  const policy = await anonymityPolicy(db, input.organisationId)
  const eligible = await eligibleStaff(db, input.organisationId)
  if (!releaseDue({ occasion: input.occasion, held: held.length, eligible, policy })) return NOTHING
  const batch = shuffled(held)
  const concerns: ReleasedConcern[] = batch.flatMap((h) =>
    h.kind === 'concern'
      ? [{ id: h.concernId, proposalId: h.proposalId, round: h.round!, phase: h.phase!, category: h.category!, text: h.text!, authorTag: h.tag, receiptHash: h.receiptHash!, raisedOn: h.heldOn }]
      : [],
  )
  const endorsements: ReleasedEndorsement[] = batch.flatMap((h) =>
    h.kind === 'endorsement' ? [{ concernId: h.concernId, tag: h.tag, endorsedOn: h.heldOn }] : [],
  )
  const result = await applyEvent(db, {
    organisationId: input.organisationId,
    proposalId: input.proposalId,
    event: { type: 'concern.release', concernIds: concerns.map((c) => c.id), actor: systemActor(input.organisationId) },
    now,
    audit: {
      kind: 'anonymous.released',
      concerns: concerns.length,
      endorsements: endorsements.length,
      occasion: input.occasion,
      digest: batchDigest(concerns, endorsements),
    },
    effect: async (tx, after, proposal) => {
      const released = await releaseBatch(tx, { heldIds: batch.map((h) => h.id), concerns, endorsements, seq: proposal.version })
      if (!released) throw new RefusedError('Released already', 409)
      if (concerns.length > 0) {
        // In the proposer's language, as the other notices are.
        const proposer = await findUserInOrganisation(tx, input.organisationId, after.context.proposerId)
        const t = fixedT(noticeLocale(await serviceLanguagesOf(tx, input.organisationId), proposer ?? {}), 'email')
        await insertNotifications(tx, [
          {
            organisationId: input.organisationId,
            userId: after.context.proposerId,
            kind: 'concerns.released',
            title: t('concernsReleased.title', { count: concerns.length, title: proposal.title }),
            body: t('concernsReleased.body'),
            link: `/proposals/${proposal.id}/consultation#concerns`,
          },
        ])
      }
    },
  })
  if (!result.ok) return NOTHING
  if (concerns.length > 0 && stageOf(result.snapshot.value) === 'monitoring') {
    await checkConcernSurge(db, { organisationId: input.organisationId, proposalId: input.proposalId, now })
  }
  return { concerns: concerns.length, endorsements: endorsements.length }
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_TIME_ZONE, hour: 'numeric', hourCycle: 'h23' })

/** The service-time hour of a moment, 0–23. */
export function serviceHour(at: Date) {
  return Number(hourFormat.format(at))
}

/**
 * The scheduled job (hourly): a consultation whose closing date has passed
 * releases everything held; otherwise a batch goes out only in the
 * organisation's release hour, so a batch never says more than "today".
 */
export async function releaseDueContributions(db: Database, now = new Date()): Promise<Released> {
  const total = { ...NOTHING }
  const policies = new Map<string, AnonymityPolicy>()
  for (const { organisationId, proposalId } of await proposalsWithHeld(db)) {
    const policy = policies.get(organisationId) ?? (await anonymityPolicy(db, organisationId))
    policies.set(organisationId, policy)
    const loaded = await loadProposal(db, organisationId, proposalId)
    if (!loaded) continue
    const closingDate = loaded.snapshot.context.staff.closingDate
    const closed =
      loaded.snapshot.matches({ consultation: { staff: 'open' } }) && closingDate !== null && Date.parse(closingDate) < now.getTime()
    const occasion: ReleaseOccasion | null = closed ? 'closing' : serviceHour(now) === policy.releaseHour ? 'daily' : null
    if (!occasion) continue
    const released = await releaseHeldContributions(db, { organisationId, proposalId, occasion, now })
    total.concerns += released.concerns
    total.endorsements += released.endorsements
  }
  return total
}

/** What pages tell staff and the proposer about anonymous contributions in this organisation. */
export async function anonymityInfo(db: Database, organisationId: string) {
  const policy = await anonymityPolicy(db, organisationId)
  const eligible = await eligibleStaff(db, organisationId)
  return { ...policy, eligible, smallGroup: isSmallGroup(eligible, policy) }
}
