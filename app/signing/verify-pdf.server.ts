import { checkChain, commonName, certificateOf } from './certificate-chain.server'
import { type SigningTrust } from './certificates.server'
import { checkSigner, parseSignedData, timestampTokenOf } from './cms.server'
import { checkTimestampToken } from './timestamp.server'

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
  /** The first thing wrong, in words; null when every check passed. */
  problem: string | null
}

/** A check that failed before any signature could be examined. */
export function failedCheck(problem: string): SignatureCheck {
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
    problem,
  }
}

const NOTHING = failedCheck('The file has no digital signature.')

type Located = { byteRange: [number, number, number, number]; der: Buffer; count: number }

function locate(pdf: Buffer): Located | string | null {
  const marker = Buffer.from('/ByteRange')
  const at = pdf.lastIndexOf(marker)
  if (at === -1) return null
  let count = 0
  for (let i = pdf.indexOf(marker); i !== -1; i = pdf.indexOf(marker, i + 1)) count++
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'))
  if (!m) return 'The signature’s byte ranges cannot be read.'
  const byteRange = m.slice(1, 5).map(Number) as Located['byteRange']
  const [a, b, c, d] = byteRange
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return 'The signature’s byte ranges do not fit the file.'
  const gap = pdf.subarray(b, c).toString('latin1')
  if (!/^<[0-9a-fA-F]*>$/.test(gap)) return 'The signature is not where its byte ranges say.'
  return { byteRange, der: Buffer.from(gap.slice(1, -1), 'hex'), count }
}

/** `trust` null means no certificate is installed: the signature is still checked, the chain cannot be. */
export async function checkPdfSignature(pdf: Buffer, trust: Pick<SigningTrust, 'anchor' | 'pool' | 'crls'> | null): Promise<SignatureCheck> {
  const located = locate(pdf)
  if (located === null) return NOTHING
  if (typeof located === 'string') return { ...NOTHING, found: true, problem: located }
  const [, b, c, d] = located.byteRange
  const coversWholeFile = located.count === 1 && c + d === pdf.length
  let cms: ReturnType<typeof checkSigner>
  try {
    cms = checkSigner(parseSignedData(located.der), [pdf.subarray(0, b), pdf.subarray(c, c + d)])
  } catch {
    // Hostile or damaged input of any shape ends here, never as a server error.
    return { ...NOTHING, found: true, coversWholeFile, problem: 'The signature cannot be read: it is damaged or not a CMS signature.' }
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
  const problem = !cms.digestMatches
    ? 'The file has changed since it was signed.'
    : !cms.signatureMatches
      ? 'The signature does not match the signer’s certificate.'
      : !coversWholeFile
        ? 'Part of the file is not covered by the signature: something was added after signing.'
        : stamped?.problem
          ? `The signature’s timestamp is not valid: ${stamped.problem}.`
          : chain === null
            ? 'No signing certificate is installed here, so the signer cannot be checked.'
            : chain.status === 'wrong_chain'
              ? `The signer’s certificate is not from this service’s certificate authority. ${chain.message}`
              : chain.status !== 'ok'
                ? `The signer’s certificate was not valid when the record was signed${signingTime ? ` (${signingTime.toISOString().slice(0, 10)})` : ''}. ${chain.message}`
                : signingTime === null
                  ? 'The signature does not say when it was made.'
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
    problem,
  }
}
