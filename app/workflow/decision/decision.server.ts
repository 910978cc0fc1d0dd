import { type Database, type Queryable } from '#db/client.server'
import { findDecision, insertSignature, listSignatures, markDecisionSigned, saveDecision } from '#db/decisions.server'
import { type DecisionRow, type Proposal, type SignedAs } from '#db/schema'
import { findOrganisation, findUserInOrganisation } from '#db/users.server'
import { type ProposalEvent } from '#machines/proposal-events'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { isLastSignature, signerRole } from '#machines/signatures'
import { type DecisionRecordData } from '~/pdf/record-data'
import { issueRecord } from '~/signing/issue-record.server'
import { sign } from '~/workflow/signing/sign.server'
import { stepUpDetail, type SignInput } from '~/workflow/signing/step-up.server'
import { refuse, type Refusal } from '~/workflow/refusal'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { translateMessage } from '~/utils/translate-reply'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { getConsultationRecord } from '~/workflow/consultation/record.server'
import { type Person } from '~/workflow/person'
import { getProposalSummary } from '~/workflow/intake/intake.server'
import { createMonitoringPlan } from '~/workflow/monitoring/plan.server'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { conditionsFor, decisionProblems, isApproval, type DecisionValues } from './decision-schema'
import {
  auditSection,
  blockingIssuesOf,
  deciderName,
  decisionSection,
  organisationSection,
  privacySection,
  screeningSection,
  signatoriesSection,
} from './record-sections'

/**
 * The decision stage's use cases: the chief librarian records the decision,
 * each signatory signs it by re-entering their password, and the last
 * signature issues the signed PDF record (and, for an approval, the
 * monitoring plan) in the same transaction as the signature itself.
 */

/** ['overrides', 0, 'rationale'] → "overrides[0].rationale" */
function fieldName(path: (string | number)[]) {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '')
}

export type DecisionInput = Omit<DecisionValues, 'intent' | 'version'>

const probe = (user: Person): ProposalEvent => ({ type: 'decision.record', outcome: 'approve', actor: actorFor(user) })
const signEvent = (user: Person): ProposalEvent => ({ type: 'decision.sign', stepUpVerified: true, actor: actorFor(user) })

/** What the machine lets this person do with the decision now. */
export function decisionActions(snapshot: ProposalSnapshot, user: Person) {
  return { canRecord: can(snapshot, probe(user)), canSign: can(snapshot, signEvent(user)) }
}

/**
 * Records (or, until the first signature, re-records) the decision on the
 * proposal's current round. Approving despite a blocking issue needs an
 * override for each; an approval carries its monitoring plan.
 */
export async function recordDecision(
  db: Database,
  input: { user: Person; proposalId: string; values: DecisionInput; expectedVersion?: number; now?: Date; locale?: Locale },
): Promise<{ ok: true; decisionId: string } | Refusal> {
  const { user, values } = input
  const now = input.now ?? new Date()
  const locale = input.locale ?? DEFAULT_LOCALE
  const t = fixedT(locale, 'validation')
  const loaded = await loadProposal(db, user.organisationId, input.proposalId)
  if (!loaded) return refuse(404, t('decision.proposalNotFound'))
  const event: ProposalEvent = { type: 'decision.record', outcome: values.outcome, actor: actorFor(user) }
  if (!can(loaded.snapshot, event)) {
    return refuse(403, t('decision.notTheProposer'))
  }
  const screening = await getScreeningResult(db, loaded.row)
  const issues = screening ? blockingIssuesOf(screening) : []
  const [problem] = decisionProblems(values, issues)
  if (problem) return refuse(400, translateMessage(problem[1], locale), fieldName(problem[0]))

  let decisionId = ''
  const approval = isApproval(values.outcome)
  const result = await applyEvent(db, {
    organisationId: user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event,
    expectedVersion: input.expectedVersion,
    audit: { kind: 'decision.recorded', outcome: values.outcome },
    now,
    effect: async (tx, after) => {
      const row = await saveDecision(
        tx,
        { organisationId: user.organisationId, proposalId: input.proposalId, round: after.context.revisions },
        {
          outcome: values.outcome,
          rationale: values.rationale,
          conditions: conditionsFor(values.outcome, values.conditions),
          overrides: approval
            ? issues.map((b) => ({ ...b, rationale: values.overrides.find((o) => o.key === b.key)?.rationale ?? '' }))
            : [],
          dissent: values.dissent,
          monitoringPlan: approval ? (values.monitoring ?? null) : null,
          recordedBy: user.id,
          recordedAt: now,
        },
      )
      decisionId = row.id
    },
  })
  return result.ok ? { ok: true, decisionId } : result
}

/** Everything the record shows except its signatures and the chain head, which only the last signature fixes. */
export async function recordBase(
  db: Queryable,
  proposal: Proposal,
  decision: DecisionRow,
): Promise<Omit<DecisionRecordData, 'record' | 'signatories' | 'audit'>> {
  const [organisation, summary, screening, consultation, recorder] = await Promise.all([
    findOrganisation(db, proposal.organisationId),
    getProposalSummary(db, proposal),
    getScreeningResult(db, proposal),
    getConsultationRecord(db, proposal.organisationId, proposal.id),
    findUserInOrganisation(db, proposal.organisationId, decision.recordedBy),
  ])
  if (!organisation || !screening) throw new Error(`Proposal ${proposal.id} has no screening to put on its record`)
  const decidedBy = deciderName(recorder?.name ?? 'The chief librarian')
  return {
    organisation: organisationSection(organisation),
    proposal: summary,
    screening: screeningSection(screening),
    privacy: privacySection(screening, decision, decidedBy),
    professionalBody: consultation.professionalBody,
    staff: consultation.staff,
    union: consultation.union,
    decision: decisionSection(decision, decidedBy),
  }
}

export type Signed = { ok: true; complete: boolean; recordId: string | null }

/**
 * A signatory signs the recorded decision after re-entering their password.
 * The last signature, in one transaction with its audit entry: assembles the
 * record from the stored screening, consultation and decision, pins it to
 * the audit entry of this very signature, renders, signs and stores it,
 * stamps the decision signed, and sets up monitoring for an approval. If any
 * of that fails (no usable certificate, an unwritable data directory) the
 * signature is not recorded either, and the signatory is told why.
 */
export async function signDecision(db: Database, input: SignInput & { locale?: Locale }): Promise<Signed | Refusal> {
  const { user } = input
  const t = fixedT(input.locale ?? DEFAULT_LOCALE, 'validation')
  return sign(db, input, {
    event: () => signEvent(user),
    cannot: t('decision.cannotSign'),
    stale: t('decision.changedSinceOpened'),
    record: 'decision',
    apply: async ({ proposal, snapshot, event, now }) => {
      const round = snapshot.context.revisions
      const decision = await findDecision(db, proposal.id, round)
      if (!decision) return refuse(409, t('decision.nothingToSign'))
      const last = isLastSignature(snapshot.context)
      // The machine has just accepted this signature, so it names a capacity.
      const signedAs: SignedAs = signerRole(snapshot.context, event.actor)!
      // Read before the transaction, on the version the signatory saw: the transaction refuses if anything moved since.
      const base = last ? await recordBase(db, proposal, decision) : null
      let recordId: string | null = null
      const result = await applyEvent(db, {
        organisationId: user.organisationId,
        proposalId: proposal.id,
        locale: input.locale,
        event,
        expectedVersion: proposal.version,
        audit: { kind: 'decision.signed', signer: { role: signedAs }, stepUp: stepUpDetail(input), issued: last ? decision.outcome : null },
        now,
        effect: (tx) => insertSignature(tx, { decisionId: decision.id, userId: user.id, signedAs, signedAt: now }),
        afterAudit: async (tx, entry) => {
          if (!base) return
          const signatures = await listSignatures(tx, decision.id)
          const record = await issueRecord(
            tx,
            input.signing,
            {
              kind: 'decision',
              organisationId: proposal.organisationId,
              proposalId: proposal.id,
              data: { ...base, signatories: signatoriesSection(signatures), audit: auditSection(entry) },
            },
            {
              now,
              // Inside the record's own savepoint, so that its file is removed if these fail.
              alsoInTransaction: async (inner, row) => {
                await markDecisionSigned(inner, decision.id, now, row.id)
                if (isApproval(decision.outcome) && decision.monitoringPlan) {
                  await createMonitoringPlan(inner, { ...decision.monitoringPlan, proposalId: proposal.id, conditions: decision.conditions })
                }
              },
            },
          )
          recordId = record.id
        },
      })
      return result.ok ? { ok: true as const, complete: last, recordId } : result
    },
  })
}
