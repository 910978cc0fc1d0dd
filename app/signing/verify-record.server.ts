import crypto from 'node:crypto'
import { verifyChain } from '#db/audit.server'
import { type Queryable } from '#db/client.server'
import { findPublicRecord, type PublicRecord } from '#db/records.server'
import { readEmbeddedRecord } from '~/pdf/embedded-record.server'
import { recordDataFacts } from '~/pdf/record-data-summary'
import { RECORD_SCHEMA_PATH, recordContentFromJson } from '~/pdf/record-json'
import { reassessmentOutcomeLabel, type Fact } from '~/pdf/sections'
import { outcomeLabel } from '#machines/vocabulary/labels'
import { type Outcome } from '#machines/vocabulary/decision'
import { type ReassessmentOutcome } from '#machines/vocabulary/monitoring'
import { signingTrust, type SigningConfig } from './certificates.server'
import { readRecordFile } from './issue-record.server'
import { checkPdfSignature, failedCheck, withIssue, type SignatureCheck } from './verify-pdf.server'
import { fixedT, type Locale } from '~/utils/i18n'

/**
 * What the public verify page reports. It carries only what the record
 * itself prints, so a check reveals nothing the holder of the file could
 * not already read.
 */
export type RecordSummary = {
  id: string
  kind: 'decision' | 'addendum'
  reference: string
  organisationName: string
  proposalReference: string
  proposalTitle: string
  partner: string
  /** The outcome in English words (as tests and the JSON consumers read it). */
  outcome: string
  /** The outcome's value (a decision outcome, or a reassessment outcome for an addendum), for a page to name in its language. */
  outcomeCode: string
  signedAt: Date
  sha256: string
  auditHeadHash: string
  auditHeadSeq: number
  parent: { reference: string; sha256: string } | null
}

export type ChainStatus = { verified: boolean; message: string }

/**
 * The chain's status as a key of the 'verify' namespace's `chain` group and its values, beside
 * `ChainStatus` (whose shape stays as it is), so a page words it in its reader's language.
 */
export type ChainWording = {
  code: 'verifies' | 'moved' | 'missing' | 'unlinked' | 'altered' | 'releaseChanged'
  values: { seq: number; missing: number }
}

/** The record data the file carries (JSON attached before signing), as the file says it. */
export type RecordDataSummary = {
  /** The attached file's name, e.g. decision-record.json. */
  name: string
  schemaPath: string
  facts: Fact[]
  /** Set (in English) when the attachment is there but cannot be read as record data; pages word it from `verify:result.dataUnreadable`. */
  problem: string | null
}

export type RecordVerification = {
  sha256: string
  signature: SignatureCheck
  record: RecordSummary | null
  chain: ChainStatus | null
  /** How to word `chain` in the reader's language; null when `chain` is (absent: word `chain.message` as it is). */
  chainWording?: ChainWording | null
  /** Null when the file carries no record data (records issued before it was added, or other files). */
  data: RecordDataSummary | null
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/

function summarise(row: PublicRecord): RecordSummary {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    organisationName: row.organisationName,
    proposalReference: row.proposalReference,
    proposalTitle: row.proposalTitle,
    partner: row.partner,
    outcome:
      row.kind === 'decision'
        ? outcomeLabel(row.outcome as Outcome)
        : reassessmentOutcomeLabel(row.outcome as ReassessmentOutcome),
    outcomeCode: row.outcome,
    signedAt: row.signedAt,
    sha256: row.sha256,
    auditHeadHash: row.auditHeadHash,
    auditHeadSeq: row.auditHeadSeq,
    parent: row.parent,
  }
}

async function recordData(pdf: Buffer, locale: Locale): Promise<RecordDataSummary | null> {
  const embedded = await readEmbeddedRecord(pdf)
  if (!embedded) return null
  try {
    return { name: embedded.name, schemaPath: RECORD_SCHEMA_PATH, facts: recordDataFacts(recordContentFromJson(embedded.json), locale), problem: null }
  } catch {
    return { name: embedded.name, schemaPath: RECORD_SCHEMA_PATH, facts: [], problem: fixedT('en', 'verify')('result.dataUnreadable') }
  }
}

/** The audit trail must verify from its start up to the entry the record names, and end in the hash it prints. */
export async function checkChainUpTo(db: Queryable, row: PublicRecord): Promise<ChainStatus & { wording: ChainWording }> {
  const chain = await verifyChain(db, row.proposalId, row.auditHeadSeq)
  const wording: ChainWording = !chain.ok
    ? chain.reason.code === 'missing'
      ? { code: 'missing', values: { seq: chain.brokenAtSeq, missing: chain.reason.missing } }
      : { code: chain.reason.code, values: { seq: chain.brokenAtSeq, missing: 0 } }
    : chain.headSeq !== row.auditHeadSeq || chain.headHash !== row.auditHeadHash
      ? { code: 'moved', values: { seq: row.auditHeadSeq, missing: 0 } }
      : { code: 'verifies', values: { seq: row.auditHeadSeq, missing: 0 } }
  // The English message comes from the same catalogue entry a page words it from.
  return { verified: wording.code === 'verifies', message: fixedT('en', 'verify')(`chain.${wording.code}`, wording.values), wording }
}

async function chainOf(db: Queryable, row: PublicRecord): Promise<Pick<RecordVerification, 'chain' | 'chainWording'>> {
  const { wording, ...chain } = await checkChainUpTo(db, row)
  return { chain, chainWording: wording }
}

/** A file someone holds: is it signed, is it ours, and does the history behind it still hold? `locale` words the data's facts. */
export async function verifyRecordFile(db: Queryable, config: SigningConfig, pdf: Buffer, locale: Locale = 'en'): Promise<RecordVerification> {
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex')
  const signature = await checkPdfSignature(pdf, await signingTrust(config))
  const row = await findPublicRecord(db, { sha256 })
  return {
    sha256,
    signature,
    record: row ? summarise(row) : null,
    ...(row ? await chainOf(db, row) : { chain: null, chainWording: null }),
    data: await recordData(pdf, locale),
  }
}

/**
 * A record named by the link in its QR code (its id) or by its hash: the
 * stored file is checked as an uploaded one would be. Undefined when no
 * such record exists.
 */
export async function verifyStoredRecord(
  db: Queryable,
  config: SigningConfig,
  by: { id: string } | { sha256: string },
  locale: Locale = 'en',
): Promise<RecordVerification | undefined> {
  const row = await findPublicRecord(db, by)
  if (!row) return undefined
  const pdf = await readRecordFile(db, row)
  if (!pdf) {
    return {
      sha256: row.sha256,
      signature: failedCheck('storedUnreadable'),
      record: summarise(row),
      ...(await chainOf(db, row)),
      data: null,
    }
  }
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex')
  const signature = await checkPdfSignature(pdf, await signingTrust(config))
  return {
    sha256,
    signature:
      sha256 === row.sha256 ? signature : { ...signature, ...withIssue({ code: 'storedChanged' }) },
    record: summarise(row),
    ...(await chainOf(db, row)),
    data: await recordData(pdf, locale),
  }
}
