import { type Queryable } from '#db/client.server'
import { listDecisions, listSignatures } from '#db/decisions.server'
import { type Proposal } from '#db/schema'
import { type ProposalSnapshot } from '#machines/proposal-workflow'
import { isLastSignature } from '#machines/signatures'
import { checkSigningCertificate, type SigningConfig } from '~/signing/certificates.server'
import { serviceDate } from '~/utils/calendar'
import { ConsultationIncompleteError, getConsultationRecord } from '~/workflow/consultation/record.server'
import { type Person } from '~/workflow/person'
import { recordPlan } from '#machines/vocabulary/monitoring-plan'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { decisionActions } from './decision.server'
import { isApproval } from './decision-schema'
import { blockingIssuesOf, dissentSuggestions } from './record-sections'

async function consultationOrNull(db: Queryable, proposal: Proposal) {
  try {
    return await getConsultationRecord(db, proposal.organisationId, proposal.id)
  } catch (error) {
    if (error instanceof ConsultationIncompleteError) return null
    throw error
  }
}

/**
 * Everything the decision page shows one person: while the decision is being
 * made, what screening and consultation found, the form (pre-filled from
 * them or from the decision already recorded) and who has signed; and every
 * round's decision with its signed record.
 */
export async function decisionView(
  db: Queryable,
  input: { proposal: Proposal; snapshot: ProposalSnapshot; user: Person & { name: string }; signing: SigningConfig; now?: Date },
) {
  const { proposal, snapshot, user } = input
  const round = snapshot.context.revisions
  const deciding = snapshot.matches('decision')
  const actions = decisionActions(snapshot, user)
  const rows = await listDecisions(db, proposal.organisationId, proposal.id)
  const history = await Promise.all(
    rows.map(async ({ decision, record }) => ({
      id: decision.id,
      round: decision.round,
      outcome: decision.outcome,
      recordedAt: decision.recordedAt,
      signedAt: decision.signedAt,
      signatures: (await listSignatures(db, decision.id)).map((s) => ({
        name: s.name,
        // The role's value: the page names it in its reader's language.
        role: s.signedAs,
        signedAt: s.signedAt,
      })),
      record: record ? { id: record.id, reference: record.reference, sha256: record.sha256, signedAt: record.signedAt } : null,
    })),
  )
  const current = deciding ? rows.find((r) => r.decision.round === round)?.decision : undefined
  const [screening, consultation] = deciding
    ? await Promise.all([getScreeningResult(db, proposal), consultationOrNull(db, proposal)])
    : [undefined, null]
  const blockingIssues = screening ? blockingIssuesOf(screening) : []
  const lastSignature = isLastSignature(snapshot.context)
  // Only those who can act on it are told the certificate is unusable: an administrator, or whoever would sign last.
  const check =
    user.roles.includes('admin') || (actions.canSign && lastSignature) ? await checkSigningCertificate(input.signing) : null

  return {
    version: proposal.version,
    deciding,
    ...actions,
    requiredSignatures: snapshot.context.requiredSignatures,
    signingProblem: check && check.status !== 'ok' ? check.message : null,
    screening: screening ?? null,
    consultation,
    blockingIssues,
    current: current
      ? {
          ...history.find((h) => h.id === current.id)!,
          content: {
            outcome: current.outcome,
            rationale: current.rationale,
            conditions: current.conditions,
            overrides: current.overrides,
            dissent: current.dissent,
            monitoring: current.monitoringPlan ? recordPlan(current.monitoringPlan) : null,
          },
        }
      : null,
    history: history.filter((h) => h.id !== current?.id),
    form: {
      outcome: current?.outcome,
      rationale: current?.rationale ?? '',
      conditions: current ? current.conditions : (consultation?.conditions ?? []),
      overrides: blockingIssues.map((b) => ({
        key: b.key,
        rationale: current?.overrides.find((o) => o.key === b.key)?.rationale ?? '',
      })),
      dissent: current ? current.dissent : screening ? dissentSuggestions(screening) : [],
      monitoring:
        current && isApproval(current.outcome) && current.monitoringPlan
          ? current.monitoringPlan
          : { startsOn: serviceDate(input.now ?? new Date()), indicators: [{ measure: 'manual' as const }] },
    },
  }
}

export type DecisionView = Awaited<ReturnType<typeof decisionView>>
