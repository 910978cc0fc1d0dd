import { appendAuditEntry } from '#db/audit.server'
import { type Queryable } from '#db/client.server'
import { proposals, type OrganisationSettings } from '#db/schema'
import { PROPOSAL_MACHINE_ID, PROPOSAL_MACHINE_VERSION, type ProposalInput } from '#machines/proposal-machine'
import { initialSnapshot } from '#machines/proposal-workflow'
import { renderAuditDetail } from '~/utils/audit-summary'

export type NewProposal = {
  organisationId: string
  proposerId: string
  reference: string
  title: string
  partner: string
  contractor?: string | null
  description?: string
}

/** The organisation's rules at the time of proposing stay with the proposal. */
export function machineInput(
  proposalId: string,
  values: Pick<NewProposal, 'organisationId' | 'proposerId'>,
  settings: OrganisationSettings,
): ProposalInput {
  return {
    proposalId,
    organisationId: values.organisationId,
    proposerId: values.proposerId,
    minReviewers: settings.minReviewers,
    requiredSignatures: settings.secondSignatoryRequired ? 2 : 1,
    minConsultationDays: settings.minConsultationDays,
    unionRequired: settings.unionRecognised,
  }
}

/** Creates a proposal in `draft` with its first audit entry. Call inside a transaction. */
export async function createProposal(tx: Queryable, values: NewProposal, settings: OrganisationSettings, now = new Date()) {
  const id = crypto.randomUUID()
  const [row] = await tx
    .insert(proposals)
    .values({
      ...values,
      id,
      stage: 'draft',
      machineId: PROPOSAL_MACHINE_ID,
      machineVersion: PROPOSAL_MACHINE_VERSION,
      snapshot: initialSnapshot(machineInput(id, values, settings)),
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  const audit = { kind: 'proposal.created' } as const
  await appendAuditEntry(tx, {
    proposalId: id,
    seq: 1,
    actorId: values.proposerId,
    actorKind: 'user',
    eventType: 'proposal.create',
    payload: { reference: values.reference, title: values.title, partner: values.partner },
    summary: renderAuditDetail(audit),
    detail: audit,
    stateBefore: '',
    stateAfter: 'draft',
    at: now,
  })
  return row!
}
