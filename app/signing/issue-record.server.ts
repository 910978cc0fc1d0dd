import crypto from 'node:crypto'
import { type Queryable, type Transaction } from '#db/client.server'
import { countRecordsForProposal, findRecord, insertDecisionRecord } from '#db/records.server'
import { type DecisionRecordRow } from '#db/schema'
import { type AddendumData, type DecisionRecordData, type RecordMeta } from '~/pdf/record-data'
import { fileStore, StorageError } from '~/utils/storage/index.server'
import { requireSigningIdentity, type SigningConfig } from './certificates.server'
import { renderAndSignInPool } from './record-pool.server'
import { type SignatureDetails } from './sign-pdf.server'

/**
 * Issues a signed record: renders it, signs it, and stores the file and its
 * row in one transaction, so that there is never a row without its file nor a
 * file without its row.
 */

export type IssueRequest =
  | {
      kind: 'decision'
      organisationId: string
      proposalId: string
      data: Omit<DecisionRecordData, 'record'>
    }
  | {
      kind: 'addendum'
      organisationId: string
      proposalId: string
      parentRecordId: string
      data: Omit<AddendumData, 'record' | 'parent'>
    }

export type IssueOptions = {
  now?: Date
  /**
   * Further writes that must stand or fall with the record (the audit entry,
   * the machine's transition), run in the same transaction after the insert.
   */
  alsoInTransaction?: (tx: Transaction, record: DecisionRecordRow) => Promise<void>
}

export class RecordIssueError extends Error {}

/** The signed bytes of a record, exactly as issued; undefined if the stored file is missing. */
export function readRecordFile(db: Queryable, record: Pick<DecisionRecordRow, 'sha256'>): Promise<Buffer | undefined> {
  return fileStore(db).get(record.sha256)
}

export async function issueRecord(
  db: Queryable,
  config: SigningConfig,
  request: IssueRequest,
  options: IssueOptions = {},
): Promise<DecisionRecordRow> {
  const now = options.now ?? new Date()
  // Refusal before any work when the certificate is missing, unreadable, expired, revoked or from another chain.
  const identity = await requireSigningIdentity(config, now)
  const id = crypto.randomUUID()
  const proposalReference = request.data.proposal.reference
  const sequence = (await countRecordsForProposal(db, request.proposalId)) + 1
  const meta: RecordMeta = {
    reference: `${proposalReference}-R${sequence}`,
    issuedAt: now,
    verifyUrl: `${config.publicUrl}/verify/${id}`,
    accessibleUrl: `${config.publicUrl}/verify/${id}/record`,
  }

  const signature: SignatureDetails = {
    name: request.data.organisation.name,
    reason: `${request.kind === 'decision' ? 'Decision record' : 'Addendum'} ${meta.reference} for proposal ${proposalReference}`,
    location: request.data.organisation.name,
    contactInfo: `${config.publicUrl}/verify`,
    signingTime: now,
    // A failing authority throws before anything is written: the caller's transaction rolls back.
    timestampUrl: config.SIGNING_TSA_URL,
  }
  const signer = { privateKey: identity.privateKey, certificates: identity.certificates, algorithm: identity.algorithm }

  // Rendered and signed on a worker thread, so the server goes on answering meanwhile.
  let signed: Buffer
  let outcome: string
  let parentRecordId: string | null = null
  if (request.kind === 'decision') {
    signed = await renderAndSignInPool({ kind: 'decision', data: { ...request.data, record: meta }, signer, signature })
    outcome = request.data.decision.outcome
  } else {
    const parent = await findRecord(db, request.organisationId, request.parentRecordId)
    if (!parent || parent.proposalId !== request.proposalId) {
      throw new RecordIssueError('An addendum must add to a record of the same proposal.')
    }
    parentRecordId = parent.id
    const data = { ...request.data, record: meta, parent: { reference: parent.reference, sha256: parent.sha256, issuedAt: parent.signedAt } }
    signed = await renderAndSignInPool({ kind: 'addendum', data, signer, signature })
    outcome = request.data.outcome
  }

  const sha256 = crypto.createHash('sha256').update(signed).digest('hex')
  // Where records lived before they moved into the database; still unique, kept for the import at start.
  const filePath = `${request.organisationId}/${id}.pdf`

  return db.transaction(async (tx) => {
    await fileStore(tx)
      .put(sha256, signed)
      .catch((cause: unknown) => {
        throw new StorageError('The record file could not be stored.', { cause })
      })
    const row = await insertDecisionRecord(tx, {
      id,
      organisationId: request.organisationId,
      proposalId: request.proposalId,
      kind: request.kind,
      parentRecordId,
      reference: meta.reference,
      proposalTitle: request.data.proposal.title,
      partner: request.data.proposal.partner,
      outcome,
      sha256,
      filePath,
      byteSize: signed.length,
      auditHeadHash: request.data.audit.hash,
      auditHeadSeq: request.data.audit.seq,
      signedAt: now,
    })
    await options.alsoInTransaction?.(tx, row)
    return row
  })
}
