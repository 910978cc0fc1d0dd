import { type AddendumData, type DecisionRecordData } from '~/pdf/record-data'
import { renderAddendum, renderDecisionRecord } from '~/pdf/render.server'
import { type SigningIdentity } from './certificates.server'
import { signPdf, type SignatureDetails } from './sign-pdf.server'
import { TimestampUnavailableError } from './timestamp.server'

/**
 * One record rendered and signed, as a task of the record pool
 * (record-pool.server.ts): this module is the worker threads' entry, built
 * on its own to build/worker/record-worker.js (vite.worker.config.ts).
 *
 * What crosses between threads is cloned: the record's data, the signer's
 * key as a KeyObject (never exported, never printed: a KeyObject shows no
 * key material) and certificates, which arrive as plain Uint8Arrays.
 */

export type RecordSigner = Pick<SigningIdentity, 'privateKey' | 'certificates' | 'algorithm'>

export type RecordJob = ({ kind: 'decision'; data: DecisionRecordData } | { kind: 'addendum'; data: AddendumData }) & {
  signer: RecordSigner
  signature: SignatureDetails
}

/**
 * The signed file, or why the timestamp authority gave none: that refusal
 * is part of the workflow (the caller shows it and writes nothing), so it
 * travels as data and is raised again, as the same error, on the caller's side.
 */
export type RecordJobResult = { ok: true; pdf: Uint8Array } | { ok: false; timestamp: { url: string; why: string } }

export async function renderAndSignRecord(job: RecordJob): Promise<RecordJobResult> {
  const unsigned = job.kind === 'decision' ? await renderDecisionRecord(job.data) : await renderAddendum(job.data)
  const signer: RecordSigner = { ...job.signer, certificates: job.signer.certificates.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)) }
  try {
    return { ok: true, pdf: await signPdf(unsigned, signer, job.signature) }
  } catch (error) {
    if (error instanceof TimestampUnavailableError) return { ok: false, timestamp: { url: error.url, why: error.why } }
    throw error
  }
}

export default renderAndSignRecord
