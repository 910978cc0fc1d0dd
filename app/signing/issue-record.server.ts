import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Queryable, type Transaction } from '#db/client.server'
import { countRecordsForProposal, findRecord, insertDecisionRecord, recordFilePaths } from '#db/records.server'
import { type DecisionRecordRow } from '#db/schema'
import { type AddendumData, type DecisionRecordData, type RecordMeta } from '~/pdf/record-data'
import { renderAddendum, renderDecisionRecord } from '~/pdf/render.server'
import { requireSigningIdentity, type SigningConfig } from './certificates.server'
import { signPdf } from './sign-pdf.server'

/**
 * Issues a signed record: renders it, signs it, writes the file and records
 * it, so that there is never a row without its file nor a file without its
 * row. The row goes in inside a transaction after the file is safely on disk;
 * if the transaction fails the file is removed again.
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

export function recordsDirectory(dataDir: string) {
  return path.join(dataDir, 'records')
}

export function recordFilePath(dataDir: string, record: Pick<DecisionRecordRow, 'filePath'>) {
  return path.join(recordsDirectory(dataDir), record.filePath)
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

  let unsigned: Buffer
  let outcome: string
  let parentRecordId: string | null = null
  if (request.kind === 'decision') {
    unsigned = await renderDecisionRecord({ ...request.data, record: meta })
    outcome = request.data.decision.outcome
  } else {
    const parent = await findRecord(db, request.organisationId, request.parentRecordId)
    if (!parent || parent.proposalId !== request.proposalId) {
      throw new RecordIssueError('An addendum must add to a record of the same proposal.')
    }
    parentRecordId = parent.id
    unsigned = await renderAddendum({
      ...request.data,
      record: meta,
      parent: { reference: parent.reference, sha256: parent.sha256, issuedAt: parent.signedAt },
    })
    outcome = request.data.outcome
  }

  const signed = await signPdf(unsigned, identity, {
    name: request.data.organisation.name,
    reason: `${request.kind === 'decision' ? 'Decision record' : 'Addendum'} ${meta.reference} for proposal ${proposalReference}`,
    location: request.data.organisation.name,
    contactInfo: `${config.publicUrl}/verify`,
    signingTime: now,
    // A failing authority throws before anything is written: the caller's transaction rolls back.
    timestampUrl: config.SIGNING_TSA_URL,
  })
  const sha256 = crypto.createHash('sha256').update(signed).digest('hex')
  const filePath = path.join(request.organisationId, `${id}.pdf`)
  const absolute = path.join(recordsDirectory(config.dataDir), filePath)
  writeDurably(absolute, signed)

  try {
    return await db.transaction(async (tx) => {
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
  } catch (error) {
    fs.rmSync(absolute, { force: true })
    throw error
  }
}

/**
 * Removes record files that no row names: left by a crash between writing the
 * file and committing, or by a caller's outer transaction rolling back after
 * issueRecord returned. Only files older than `graceMs` go, so a record being
 * issued right now is never touched. Returns the paths removed.
 */
export async function sweepOrphanRecordFiles(db: Queryable, dataDir: string, graceMs = 3600_000, now = Date.now()) {
  const root = recordsDirectory(dataDir)
  if (!fs.existsSync(root)) return []
  const known = await recordFilePaths(db)
  const removed: string[] = []
  for (const relative of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const absolute = path.join(root, relative)
    const stat = fs.statSync(absolute)
    if (!stat.isFile() || known.has(relative) || now - stat.mtimeMs < graceMs) continue
    fs.rmSync(absolute, { force: true })
    removed.push(relative)
  }
  return removed
}

/** Temp file, fsync, rename, fsync the directory: the file is whole on disk or absent. */
function writeDurably(target: string, bytes: Buffer) {
  const dir = path.dirname(target)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`)
  try {
    const fd = fs.openSync(temp, 'wx', 0o600)
    try {
      fs.writeFileSync(fd, bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  const dirFd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(dirFd)
  } finally {
    fs.closeSync(dirFd)
  }
}
