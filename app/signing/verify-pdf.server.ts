import { checkChain, commonName, certificateOf } from './certificate-chain.server'
import { type SigningTrust } from './certificates.server'
import { checkSigner, parseSignedData, timestampTokenOf } from './cms.server'
import { checkTimestampToken } from './timestamp.server'
import { fixedT } from '~/utils/i18n'

/**
 * Checks a signed PDF the way an independent reader would, without
 * trusting anything Probity stored: the signature's byte ranges, the CMS
 * message digest and signature, the signer's chain through any issuing CAs
 * to the trusted root (with revocation lists), and a timestamp if present.
 */

export type SignatureCheck = {
  /** A signature dictionary with a ByteRange and Contents was found. */
  found: boolean
  /** The digest of the signed bytes matches, and the signer's key made the signature. */
  intact: boolean
  /** The signed ranges are the whole file except the signature itself. */
  coversWholeFile: boolean
  /** The signer's certificate chains, through issuing CAs, to the trusted root. */
  chainsToCa: boolean
  /** Every certificate of the chain was valid, and none revoked, when the record was signed. */
  certificateValidAtSigning: boolean
  signer: { subject: string; issuer: string; validFrom: Date; validTo: Date } | null
  /** The signing time: the timestamp's when there is one, else what the signer claimed. */
  signingTime: Date | null
  /** An RFC 3161 timestamp over the signature (PAdES B-T), when the record carries one. */
  timestamp: { time: Date; authority: string; valid: boolean } | null
  /** The subjects of the chain, signer first, as far as it was built. */
  chain: string[]
  /** The first thing wrong, in English words; null when every check passed. */
  problem: string | null
  /** The same, as a key of the 'verify' namespace's `problems` and its values, so a page words it in its reader's language. */
  issue: SignatureIssue | null
}

export type SignatureProblem =
  | 'noSignature'
  | 'byteRangesUnreadable'
  | 'byteRangesMisfit'
  | 'notAtByteRanges'
  | 'unreadable'
  | 'changed'
  | 'keyMismatch'
  | 'partNotCovered'
  | 'timestampInvalid'
  | 'noCertificate'
  | 'wrongChain'
  | 'expired'
  | 'notYetValid'
  | 'revoked'
  | 'noSigningTime'
  | 'storedUnreadable'
  | 'storedChanged'

/** `detail` is a finer reason in English (from the certificate or timestamp check), shown on English pages only. */
export type SignatureIssue = { code: SignatureProblem; values?: { date?: string; detail?: string } }

/** The problem in the English the server has always reported (and tests assert), from the catalogue. */
export function withIssue(issue: SignatureIssue | null): Pick<SignatureCheck, 'problem' | 'issue'> {
  return { problem: issue ? fixedT('en', 'verify')(`problems.${issue.code}`, { date: '', detail: '', ...issue.values }) : null, issue }
}

/** A check that failed before any signature could be examined. */
export function failedCheck(code: SignatureProblem): SignatureCheck {
  return {
    found: false,
    intact: false,
    coversWholeFile: false,
    chainsToCa: false,
    certificateValidAtSigning: false,
    signer: null,
    signingTime: null,
    timestamp: null,
    chain: [],
    ...withIssue({ code }),
  }
}

const NOTHING = failedCheck('noSignature')

type Located = { byteRange: [number, number, number, number]; der: Buffer; count: number }

function locate(pdf: Buffer): Located | SignatureProblem | null {
  const marker = Buffer.from('/ByteRange')
  const at = pdf.lastIndexOf(marker)
  if (at === -1) return null
  let count = 0
  for (let i = pdf.indexOf(marker); i !== -1; i = pdf.indexOf(marker, i + 1)) count++
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'))
  if (!m) return 'byteRangesUnreadable'
  const byteRange = m.slice(1, 5).map(Number) as Located['byteRange']
  const [a, b, c, d] = byteRange
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return 'byteRangesMisfit'
  const gap = pdf.subarray(b, c).toString('latin1')
  if (!/^<[0-9a-fA-F]*>$/.test(gap)) return 'notAtByteRanges'
  return { byteRange, der: Buffer.from(gap.slice(1, -1), 'hex'), count }
}

/** `trust` null means no certificate is installed: the signature is still checked, the chain cannot be. */
export async function checkPdfSignature(pdf: Buffer, trust: Pick<SigningTrust, 'anchor' | 'pool' | 'crls'> | null): Promise<SignatureCheck> {
  const located = locate(pdf)
  if (located === null) return NOTHING
  if (typeof located === 'string') return { ...NOTHING, found: true, ...withIssue({ code: located }) }
  const [, b, c, d] = located.byteRange
  const coversWholeFile = located.count === 1 && c + d === pdf.length
  let cms: ReturnType<typeof checkSigner>
  try {
    cms = checkSigner(parseSignedData(located.der), [pdf.subarray(0, b), pdf.subarray(c, c + d)])
  } catch {
    // Hostile or damaged input of any shape ends here, never as a server error.
    return { ...NOTHING, found: true, coversWholeFile, ...withIssue({ code: 'unreadable' }) }
  }
  const token = timestampTokenOf(cms)
  const stamped = token ? checkTimestampToken(token, cms.signatureValue) : null
  const timestampValid = stamped !== null && stamped.problem === null
  const signingTime = timestampValid ? stamped.time : cms.signingTime
  const signer = certificateOf(cms.signer)
  const chain = trust
    ? await checkChain({
        signer: cms.signer,
        pool: [...cms.certificates, ...trust.pool],
        anchor: trust.anchor,
        crls: [...cms.crls, ...trust.crls],
        at: signingTime ?? new Date(),
        trustedTime: timestampValid,
      })
    : null
  const chainsToCa = chain !== null && chain.status !== 'wrong_chain'
  const certificateValidAtSigning = chain !== null && chain.status === 'ok' && signingTime !== null
  const intact = cms.digestMatches && cms.signatureMatches
  const issue: SignatureIssue | null = !cms.digestMatches
    ? { code: 'changed' }
    : !cms.signatureMatches
      ? { code: 'keyMismatch' }
      : !coversWholeFile
        ? { code: 'partNotCovered' }
        : stamped?.problem
          ? { code: 'timestampInvalid', values: { detail: stamped.problem } }
          : chain === null
            ? { code: 'noCertificate' }
            : chain.status === 'wrong_chain'
              ? { code: 'wrongChain', values: { detail: chain.message ?? '' } }
              : chain.status !== 'ok'
                ? {
                    code: chain.status === 'expired' ? 'expired' : chain.status === 'not_yet_valid' ? 'notYetValid' : 'revoked',
                    values: { date: signingTime ? ` (${signingTime.toISOString().slice(0, 10)})` : '', detail: chain.message ?? '' },
                  }
                : signingTime === null
                  ? { code: 'noSigningTime' }
                  : null
  return {
    found: true,
    intact,
    coversWholeFile,
    chainsToCa,
    certificateValidAtSigning,
    signer: { subject: signer.subject, issuer: signer.issuer, validFrom: signer.notBefore, validTo: signer.notAfter },
    signingTime,
    timestamp: stamped?.time ? { time: stamped.time, authority: stamped.authority ?? '', valid: timestampValid } : null,
    chain: (chain?.chain ?? [signer]).map(commonName),
    ...withIssue(issue),
  }
}
