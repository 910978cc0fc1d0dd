import crypto from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { type SigningCheck, SigningUnavailableError } from './certificates.server'
import { checkSigner, CmsError, DIGESTS, OID, original, parseSignedData } from './cms.server'
import { certificateOf, commonName } from './certificate-chain.server'

/**
 * RFC 3161 trusted time (PAdES B-T): the signature value is sent, hashed, to
 * a timestamp authority, whose signed token goes back into the signature as
 * an unsigned attribute. Once the signing certificate expires, the token
 * still shows the signature existed at that time.
 */

// A decision's last signature waits for this inside its transaction, so a dead authority must fail fast.
const TIMEOUT_MS = 8000

export type TimestampToken = {
  /** The TimeStampToken (a CMS ContentInfo), as the authority sent it. */
  token: Buffer
  time: Date
  authority: string
}

export class TimestampUnavailableError extends SigningUnavailableError {
  constructor(
    readonly url: string,
    readonly why: string,
  ) {
    const check: SigningCheck = {
      status: 'timestamp_unavailable',
      source: 'configured',
      message: `The timestamp authority at ${url} (SIGNING_TSA_URL) did not give a timestamp: ${why}.`,
    }
    super(check)
    noteTimestampFailure(url, check.message)
  }
}

const SHA256 = '2.16.840.1.101.3.4.2.1'
const asNumber = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`)

export async function requestTimestamp(url: string, signatureValue: Uint8Array, timeoutMs = TIMEOUT_MS): Promise<TimestampToken> {
  const imprint = crypto.createHash('sha256').update(signatureValue).digest()
  const nonce = crypto.randomBytes(8)
  nonce[0]! &= 0x7f
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce) }),
    // The authority's certificate in the token, so a verifier needs nothing else.
    certReq: true,
  })
  let body: Buffer
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: new Uint8Array(request.toSchema().toBER()),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new TimestampUnavailableError(url, `it answered HTTP ${response.status}`)
    body = Buffer.from(await response.arrayBuffer())
  } catch (error) {
    if (error instanceof TimestampUnavailableError) throw error
    const cause = (error as { cause?: { code?: string } }).cause?.code
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} seconds` : (cause ?? String(error))
    throw new TimestampUnavailableError(url, why)
  }

  let token: Buffer
  try {
    const parsed = asn1js.fromBER(new Uint8Array(body))
    const response = new pkijs.TimeStampResp({ schema: parsed.result })
    const status = response.status.status
    if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
      const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ')
      throw new TimestampUnavailableError(url, `it refused the request (status ${status}${text ? `: ${text}` : ''})`)
    }
    // The token's own bytes, not a re-encoding: its signature covers them.
    token = original((parsed.result as asn1js.Sequence).valueBlock.value[1]!)
  } catch (error) {
    if (error instanceof TimestampUnavailableError) throw error
    throw new TimestampUnavailableError(url, 'its answer is not an RFC 3161 timestamp response')
  }
  const checked = checkTimestampToken(token, signatureValue)
  if (checked.problem) throw new TimestampUnavailableError(url, checked.problem)
  if (!checked.nonce || asNumber(checked.nonce) !== asNumber(nonce)) {
    throw new TimestampUnavailableError(url, 'its token answers another request (nonce mismatch)')
  }
  return { token, time: checked.time!, authority: checked.authority! }
}

export type TimestampCheck = {
  time: Date | null
  authority: string | null
  /** The token's message imprint is the hash of this signature value. */
  imprintMatches: boolean
  /** The authority's own signature over the token holds. */
  intact: boolean
  /** The authority's certificate says it is for timestamping (critical extendedKeyUsage). */
  forTimestamping: boolean
  authorityCertificates: Buffer[]
  nonce: Buffer | null
  problem: string | null
}

/** Checks a token against the signature value it should vouch for. */
export function checkTimestampToken(token: Uint8Array, signatureValue: Uint8Array): TimestampCheck {
  const failed = (problem: string): TimestampCheck => ({
    time: null,
    authority: null,
    imprintMatches: false,
    intact: false,
    forTimestamping: false,
    authorityCertificates: [],
    nonce: null,
    problem,
  })
  try {
    const signedData = parseSignedData(token)
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
      return failed('the timestamp token holds no TSTInfo')
    }
    const content = Buffer.from(signedData.encapContentInfo.eContent.getValue())
    const info = pkijs.TSTInfo.fromBER(new Uint8Array(content))
    const signer = checkSigner(signedData, [content])
    const imprintDigest = DIGESTS[info.messageImprint.hashAlgorithm.algorithmId]
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView)
    const imprintMatches = imprintDigest !== undefined && crypto.createHash(imprintDigest).update(signatureValue).digest().equals(imprint)
    const authorityCert = certificateOf(signer.signer)
    const eku = authorityCert.getExtension('2.5.29.37')
    const forTimestamping = Boolean(eku?.critical && (eku as unknown as { usages: string[] }).usages.includes(OID.timeStamping))
    const intact = signer.digestMatches && signer.signatureMatches
    return {
      time: info.genTime,
      authority: commonName(authorityCert),
      imprintMatches,
      intact,
      forTimestamping,
      authorityCertificates: signer.certificates,
      nonce: info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : null,
      problem: !intact
        ? 'the timestamp token’s own signature does not hold'
        : !imprintMatches
          ? 'the timestamp is not over this signature'
          : !forTimestamping
            ? 'the timestamp authority’s certificate is not for timestamping'
            : null,
    }
  } catch (error) {
    return failed(error instanceof CmsError ? `the timestamp token cannot be read (${error.message})` : 'the timestamp token cannot be read')
  }
}

// The last answer per authority, so admin pages do not call it on every view, and a refusal seen while signing shows at once.
const lastSeen = new Map<string, { at: number; problem: string | null }>()
const RECHECK_MS = 60_000

/**
 * Whether the configured timestamp authority answers with a valid token:
 * null when it does (or none is configured), else a sentence for the
 * administrator. Asks it afresh at most once a minute.
 */
export async function timestampAuthorityProblem(config: { SIGNING_TSA_URL?: string }, now = Date.now()): Promise<string | null> {
  const url = config.SIGNING_TSA_URL
  if (!url) return null
  const seen = lastSeen.get(url)
  if (seen && now - seen.at < RECHECK_MS) return seen.problem
  let problem: string | null = null
  try {
    await requestTimestamp(url, crypto.randomBytes(32))
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  lastSeen.set(url, { at: now, problem })
  return problem
}

/** A signature refused for want of a timestamp: the warning shows it without waiting for the next check. */
export function noteTimestampFailure(url: string, problem: string) {
  lastSeen.set(url, { at: Date.now(), problem })
}
