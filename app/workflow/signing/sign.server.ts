import { type Database } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { type ProposalEvent } from '#machines/proposal-events'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { SigningUnavailableError } from '~/signing/certificates.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { refuse, type Refusal } from '~/workflow/refusal'
import { tellWhoMayAct } from '~/workflow/waiting/tell-who-may-act.server'
import { checkStepUpPassword, type SignInput, type StepUpResult } from './step-up.server'
import { StorageError } from '~/utils/storage/index.server'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'

type Account = Extract<StepUpResult, { ok: true }>['account']

export type SigningSteps<T> = {
  /** The signature event, or why there is nothing to sign. */
  event: (snapshot: ProposalSnapshot) => ProposalEvent | Refusal
  /** Said when the machine refuses this person's signature. */
  cannot: string
  /** Said when the page the signatory read is out of date; omit to leave the check to `applyEvent`. */
  stale?: string
  /** What is being signed, for the words of a failure to produce its record. */
  record: 'decision' | 'addendum'
  /** Applies the signature (and, for the last one, issues the record) once the signatory is verified. */
  apply: (step: { proposal: Proposal; snapshot: ProposalSnapshot; event: ProposalEvent; account: Account; now: Date }) => Promise<T | Refusal>
}

/**
 * The skeleton every signature shares, a decision's or a reassessment
 * outcome's: load the proposal, ask the machine, re-check the password
 * (step-up), then apply the signature. A failure to produce the signed record
 * that an administrator can fix becomes a refusal in words the signatory can
 * pass on, and nothing is recorded.
 */
export async function sign<T>(db: Database, input: SignInput, steps: SigningSteps<T>): Promise<T | Refusal> {
  const { user } = input
  const now = input.now ?? new Date()
  const loaded = await loadProposal(db, user.organisationId, input.proposalId)
  const locale = input.locale ?? DEFAULT_LOCALE
  if (!loaded) return refuse(404, fixedT(locale, 'decision')('signing.proposalNotFound'))
  const { row: proposal, snapshot } = loaded
  const event = steps.event(snapshot)
  if ('ok' in event) return event
  if (!can(snapshot, event)) return refuse(403, steps.cannot)
  if (steps.stale && input.expectedVersion !== undefined && input.expectedVersion !== proposal.version) {
    return refuse(409, steps.stale)
  }
  const stepUp = await checkStepUpPassword(db, { ...input, organisationId: user.organisationId, userId: user.id, now })
  if (!stepUp.ok) return refuse(stepUp.status, stepUp.message, stepUp.field)
  let applied: T | Refusal
  try {
    applied = await steps.apply({ proposal, snapshot, event, account: stepUp.account, now })
  } catch (error) {
    const refusal = signingFailure(error, steps.record, locale)
    if (refusal) return refusal
    throw error
  }
  // A signature that did not settle the outcome leaves it waiting for the next signatory.
  if (!isRefusal(applied)) {
    await tellWhoMayAct(db, {
      organisationId: user.organisationId,
      proposalId: proposal.id,
      actions: ['sign_decision', 'sign_reassessment', 'sign_suspension'],
      period: `after-version-${proposal.version}`,
      mail: input.mail,
    })
  }
  return applied
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false
}

/** A failure to produce the record that an administrator can fix, in words the signatory can pass on. */
function signingFailure(error: unknown, record: SigningSteps<unknown>['record'], locale: Locale): Refusal | null {
  const t = fixedT(locale, 'decision')
  const notRecorded = t(`signing.notRecorded.${record}`)
  // The detail is the certificate check's own words (English for now).
  if (error instanceof SigningUnavailableError && error.check.status === 'timestamp_unavailable') {
    return refuse(503, t('signing.timestampFailed', { notRecorded, detail: error.message }))
  }
  if (error instanceof SigningUnavailableError) {
    return refuse(503, t('signing.certificateUnusable', { notRecorded, detail: error.message }))
  }
  if (error instanceof StorageError) {
    return refuse(503, t('signing.storageFailed', { notRecorded }))
  }
  return null
}
