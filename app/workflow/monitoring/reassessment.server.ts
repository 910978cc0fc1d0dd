import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { type Database, type Queryable } from '#db/client.server'
import {
  advancePlan,
  appendConditions,
  closeRound,
  findDecisionRecord,
  findOpenRound,
  findPlan,
  insertRoundSignature,
  listChecks,
  listConditions,
  listReadings,
  listReviews,
  listRoundSignatures,
  openRound,
  recordRoundOutcome,
} from '#db/monitoring.server'
import { type Proposal, type ReassessmentRow } from '#db/schema'
import { findOrganisation, findUserInOrganisation } from '#db/users.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { can, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'
import { isLastSignature } from '#machines/signatures'
import { type AddendumData, type TriggeringReview } from '~/pdf/record-data'
import { type Condition } from '#machines/vocabulary/decision'
import { issueRecord } from '~/signing/issue-record.server'
import { organisationSection } from '~/workflow/decision/record-sections'
import { type SigningConfig } from '~/signing/certificates.server'
import { dueOn, slotAfterSuspension } from '~/utils/review-schedule'
import { ROLE_LABELS } from '#machines/vocabulary/roles'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { RefusedError } from '~/workflow/refusal'
import { serviceDate } from '~/utils/calendar'
import { refuse, type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'
import { sign } from '~/workflow/signing/sign.server'
import { stepUpDetail, type SignInput } from '~/workflow/signing/step-up.server'
import { loadPlan, planForRecord } from './plan.server'
import { indicatorThreshold } from './reviews.server'
import { type OutcomePhase, type ReassessmentOutcome } from '#machines/vocabulary/monitoring'

type Outcome = NonNullable<ReassessmentRow['outcome']>

/** Which signed round the partnership is in: reassessment or suspension, or neither. */
export function phaseOf(snapshot: ProposalSnapshot): OutcomePhase | null {
  const stage = stageOf(snapshot.value)
  return stage === 'reassessment' ? 'reassessment' : stage === 'suspended' ? 'suspension' : null
}

function recordEvent(phase: OutcomePhase, outcome: Outcome, user: Person): ProposalEvent {
  const actor = actorFor(user)
  return phase === 'reassessment'
    ? { type: 'reassessment.record', outcome: outcome as Extract<ProposalEvent, { type: 'reassessment.record' }>['outcome'], actor }
    : { type: 'suspension.record', outcome: outcome as Extract<ProposalEvent, { type: 'suspension.record' }>['outcome'], actor }
}

function signEvent(phase: OutcomePhase, user: Person): ProposalEvent {
  return { type: phase === 'reassessment' ? 'reassessment.sign' : 'suspension.sign', stepUpVerified: true, actor: actorFor(user) }
}

/** What the page may offer this person now, asked of the machine. */
export function outcomeActions(snapshot: ProposalSnapshot, user: Person) {
  const phase = phaseOf(snapshot)
  if (!phase) return { phase, canRecord: false, canSign: false }
  const probe: Outcome = phase === 'reassessment' ? 'continue' : 'resume'
  return { phase, canRecord: can(snapshot, recordEvent(phase, probe, user)), canSign: can(snapshot, signEvent(phase, user)) }
}

/**
 * The chief librarian proposes how the round ends. Until the first signature
 * it may be changed; signing it is a separate, step-up act.
 */
export async function recordOutcome(
  db: Database,
  input: {
    user: Person
    proposalId: string
    values: { outcome: Outcome; rationale: string; newConditions?: string[] }
    expectedVersion?: number
    now?: Date
    /** The reader's language, for the words of a refusal (English by default). */
    locale?: Locale
  },
): Promise<{ ok: true } | Refusal> {
  const { user, values } = input
  const now = input.now ?? new Date()
  const locale = input.locale ?? DEFAULT_LOCALE
  const t = fixedT(locale, 'monitoring')
  const proposal = await loadProposal(db, user.organisationId, input.proposalId)
  if (!proposal) return refuse(404, fixedT(locale, 'common')('notFound.proposal'))
  const phase = phaseOf(proposal.snapshot)
  if (!phase) return refuse(409, t('refusals.notReassessed'))
  const newConditions = values.outcome === 'add_conditions' ? (values.newConditions ?? []) : []
  const result = await applyEvent(db, {
    locale,
    organisationId: user.organisationId,
    proposalId: input.proposalId,
    event: recordEvent(phase, values.outcome, user),
    expectedVersion: input.expectedVersion,
    audit: { kind: 'outcome.proposed', phase, outcome: values.outcome },
    now,
    effect: async (tx) => {
      const round = await findOpenRound(tx, input.proposalId)
      if (!round || round.phase !== phase) throw new RefusedError(t('refusals.noOpenRound'), 409)
      await recordRoundOutcome(tx, round.id, { outcome: values.outcome, rationale: values.rationale, newConditions, recordedBy: user.id, recordedAt: now })
    },
  })
  return result.ok ? { ok: true } : result
}

export type SignedOutcome = { ok: true; closed: boolean; addendumId: string | null }

/**
 * A signatory signs the proposed outcome after re-entering their password.
 * The last signature closes the round, carries out the outcome (conditions
 * added, suspension opened, reviews resumed) and issues the signed addendum
 * linked to the original decision record, all in one transaction.
 */
export async function signOutcome(db: Database, input: SignInput): Promise<SignedOutcome | Refusal> {
  const { user } = input
  const t = fixedT(input.locale ?? DEFAULT_LOCALE, 'decision')
  return sign(db, input, {
    event: (snapshot) => {
      const phase = phaseOf(snapshot)
      return phase && snapshot.context.pending ? signEvent(phase, user) : refuse(409, t('signing.noOutcomeToSign'))
    },
    cannot: t('signing.cannotSignOutcome'),
    record: 'addendum',
    apply: async ({ snapshot, event, now }) => {
      const closes = isLastSignature(snapshot.context)
      const outcome = snapshot.context.pending!.outcome
      let addendumId: string | null = null
      let added: Condition[] = []
      const result = await applyEvent(db, {
        organisationId: user.organisationId,
        proposalId: input.proposalId,
        event,
        expectedVersion: input.expectedVersion,
        audit: { kind: 'outcome.signed', stepUp: stepUpDetail(input), outcome: outcome as ReassessmentOutcome, inForce: closes },
        now,
        effect: async (tx) => {
          const round = await findOpenRound(tx, input.proposalId)
          if (!round?.outcome) throw new RefusedError(t('signing.noOutcomeToSign'), 409)
          await insertRoundSignature(tx, round.id, user.id, now)
          if (closes) added = await carryOut(tx, round, now)
        },
        // The addendum pins the chain at this very signature, so it is issued after the entry is appended.
        afterAudit: async (tx, entry, updated) => {
          if (!closes) return
          const round = (await findOpenRound(tx, input.proposalId))!
          const record = await issueAddendum(tx, input.signing, { proposal: updated, round, newConditions: added, audit: entry, now, locale: input.locale })
          addendumId = record.id
          await closeRound(tx, round.id, now, record.id)
          if (round.outcome === 'suspend') {
            await openRound(tx, {
              proposalId: input.proposalId,
              phase: 'suspension',
              trigger: round.trigger,
              triggerSummary: round.triggerSummary,
              reviewId: round.reviewId,
              openedAt: now,
            })
          }
        },
      })
      return result.ok ? { ok: true as const, closed: closes, addendumId } : result
    },
  })
}

/** What a signed outcome changes in monitoring itself; returns the conditions it added. */
async function carryOut(tx: Queryable, round: ReassessmentRow, now: Date): Promise<Condition[]> {
  if (round.outcome === 'add_conditions') {
    const added = round.newConditions.map((text) => ({ text, source: 'decision' as const }))
    await appendConditions(tx, round.proposalId, added, round.id)
    return added
  }
  if (round.outcome === 'resume') {
    const plan = await findPlan(tx, round.proposalId)
    if (plan) {
      const slot = slotAfterSuspension(plan, plan.nextSlot, serviceDate(now))
      await advancePlan(tx, round.proposalId, plan.nextSlot, slot, dueOn(plan, slot))
    }
  }
  return []
}

/** The round's trigger as the addendum shows it: the review that sent it back, or the latest before it. */
async function triggeringReview(tx: Queryable, round: ReassessmentRow): Promise<TriggeringReview> {
  const reviews = await listReviews(tx, round.proposalId)
  const review = round.reviewId
    ? reviews.find((r) => r.id === round.reviewId)
    : reviews.filter((r) => r.recordedAt <= round.openedAt).at(-1)
  const [indicators, conditions, readings, checks] = await Promise.all([
    loadPlan(tx, round.proposalId).then((p) => p?.indicators ?? []),
    listConditions(tx, round.proposalId),
    listReadings(tx, review ? [review.id] : []),
    listChecks(tx, review ? [review.id] : []),
  ])
  return {
    trigger: round.trigger,
    summary: round.triggerSummary,
    reviewedOn: review?.reviewedOn ?? serviceDate(round.openedAt),
    status: review?.status ?? 'red',
    narrative: review?.narrative ?? round.triggerSummary,
    readings: readings.flatMap((r) => {
      const i = indicators.find((x) => x.id === r.indicatorId)
      if (!i) return []
      const { threshold } = indicatorThreshold(i)
      return [{ name: i.name, unit: i.unit, baseline: i.baseline, direction: i.direction, threshold, value: r.value, breached: r.breached }]
    }),
    conditions: checks.flatMap((c) => {
      const condition = conditions.find((x) => x.id === c.conditionId)
      return condition ? [{ text: condition.text, status: c.status }] : []
    }),
  }
}

async function issueAddendum(
  tx: Queryable,
  signing: SigningConfig,
  input: { proposal: Proposal; round: ReassessmentRow; newConditions: Condition[]; audit: { hash: string; seq: number }; now: Date; locale?: Locale },
) {
  const { proposal, round } = input
  const parent = await findDecisionRecord(tx, proposal.id)
  if (!parent) throw new RefusedError(fixedT(input.locale ?? DEFAULT_LOCALE, 'monitoring')('refusals.noDecisionRecord'), 409)
  const [organisation, signatures, recorder, loaded, review] = await Promise.all([
    findOrganisation(tx, proposal.organisationId),
    listRoundSignatures(tx, round.id),
    round.recordedBy ? findUserInOrganisation(tx, proposal.organisationId, round.recordedBy) : undefined,
    loadPlan(tx, proposal.id),
    triggeringReview(tx, round),
  ])
  const outcome = round.outcome!
  const continues = outcome === 'continue' || outcome === 'add_conditions' || outcome === 'resume'
  const data: Omit<AddendumData, 'record' | 'parent'> = {
    organisation: organisationSection(organisation!),
    proposal: { reference: proposal.reference, title: proposal.title, partner: proposal.partner, contractor: proposal.contractor },
    review,
    outcome,
    rationale: round.rationale,
    decidedBy: recorder ? `${recorder.name}, ${ROLE_LABELS.chief_librarian}` : 'The chief librarian',
    decidedAt: round.recordedAt ?? input.now,
    newConditions: input.newConditions,
    monitoring: continues && loaded ? planForRecord(loaded) : null,
    signatories: signatures.map((s) => ({
      name: s.name,
      role: s.roles.includes('chief_librarian') ? ROLE_LABELS.chief_librarian : ROLE_LABELS.signatory,
      signedAt: s.signedAt,
    })),
    audit: { hash: input.audit.hash, seq: input.audit.seq },
  }
  return issueRecord(tx, signing, { kind: 'addendum', organisationId: proposal.organisationId, proposalId: proposal.id, parentRecordId: parent.id, data }, { now: input.now })
}
