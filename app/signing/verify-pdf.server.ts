import crypto from 'node:crypto'
import { children, content, DerError, oid, readNode, time, whole, type DerNode } from './der'

/**
 * Checks a signed PDF the way an independent reader would, without
 * trusting anything Probity stored: the signature's byte ranges, the CMS
 * message digest and signature, and the signer's chain to a given CA.
 */

export type SignatureCheck = {
  /** A signature dictionary with a ByteRange and Contents was found. */
  found: boolean
  /** The digest of the signed bytes matches, and the signer's key made the signature. */
  intact: boolean
  /** The signed ranges are the whole file except the signature itself. */
  coversWholeFile: boolean
  /** The signer's certificate was issued by (or is) the trusted CA. */
  chainsToCa: boolean
  /** The signing time falls within the signer certificate's validity. */
  certificateValidAtSigning: boolean
  signer: { subject: string; issuer: string; validFrom: Date; validTo: Date } | null
  signingTime: Date | null
  /** The first thing wrong, in words; null when every check passed. */
  problem: string | null
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
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

/** `caPem` null means no CA is configured: the signature is still checked, the chain cannot be. */
export function checkPdfSignature(pdf: Buffer, caPem: string | null): SignatureCheck {
  const located = locate(pdf)
  if (located === null) return NOTHING
  if (typeof located === 'string') return { ...NOTHING, found: true, problem: located }
  const [, b, c, d] = located.byteRange
  const coversWholeFile = located.count === 1 && c + d === pdf.length
  try {
    const cms = parseCms(located.der)
    const hash = crypto.createHash(cms.digest)
    hash.update(pdf.subarray(0, b))
    hash.update(pdf.subarray(c, c + d))
    const digestMatches = hash.digest().equals(cms.messageDigest)
    // The signature is over the signed attributes re-tagged as a SET, as CMS specifies.
    const signedAttrs = Buffer.from(cms.signedAttrs)
    signedAttrs[0] = 0x31
    const signatureMatches = crypto.verify(cms.digest, signedAttrs, cms.signer.publicKey, cms.signature)
    const ca = caPem ? new crypto.X509Certificate(caPem) : null
    const chainsToCa =
      ca !== null &&
      (cms.signer.fingerprint256 === ca.fingerprint256 || (cms.signer.checkIssued(ca) && cms.signer.verify(ca.publicKey)))
    const validFrom = new Date(cms.signer.validFrom)
    const validTo = new Date(cms.signer.validTo)
    const at = cms.signingTime
    const certificateValidAtSigning = at !== null && at >= validFrom && at <= validTo
    const intact = digestMatches && signatureMatches
    const problem = !digestMatches
      ? 'The file has changed since it was signed.'
      : !signatureMatches
        ? 'The signature does not match the signer’s certificate.'
        : !coversWholeFile
          ? 'Part of the file is not covered by the signature: something was added after signing.'
          : !chainsToCa
            ? 'The signer’s certificate was not issued by this service’s certificate authority.'
            : !certificateValidAtSigning
              ? 'The signer’s certificate was not valid at the time of signing.'
              : null
    return {
      found: true,
      intact,
      coversWholeFile,
      chainsToCa,
      certificateValidAtSigning,
      signer: { subject: oneLine(cms.signer.subject), issuer: oneLine(cms.signer.issuer), validFrom, validTo },
      signingTime: at,
      problem,
    }
  } catch {
    // Hostile or damaged input of any shape ends here, never as a server error.
    return { ...NOTHING, found: true, coversWholeFile, problem: 'The signature cannot be read: it is damaged or not a CMS signature.' }
  }
}

// Node prints distinguished names one attribute a line.
const oneLine = (name: string) => name.split('\n').join(', ')

type Cms = {
  digest: string
  messageDigest: Buffer
  signedAttrs: Uint8Array
  signature: Buffer
  signer: crypto.X509Certificate
  signingTime: Date | null
}

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new DerError(what)
}

function parseCms(der: Buffer): Cms {
  const contentInfo = readNode(der, 0)
  const [type, explicit] = children(der, contentInfo)
  expect(type !== undefined && oid(der, type) === OID.signedData, 'not SignedData')
  expect(explicit?.tag === 0xa0, 'no SignedData content')
  const signedData = children(der, explicit!)[0]
  expect(signedData?.tag === 0x30, 'malformed SignedData')
  const parts = children(der, signedData!)
  const certificates = parts.find((p) => p.tag === 0xa0)
  const signerInfos = parts.at(-1)
  expect(certificates !== undefined && signerInfos?.tag === 0x31, 'no certificates or signer')
  const infos = children(der, signerInfos!)
  expect(infos.length === 1, 'expected exactly one signer')
  const info = children(der, infos[0]!)
  const [, sid, digestAlgorithm, signedAttrs] = info
  expect(sid?.tag === 0x30 && digestAlgorithm?.tag === 0x30 && signedAttrs?.tag === 0xa0, 'signer without signed attributes')
  const signature = info.find((n, i) => i > 3 && n.tag === 0x04)
  expect(signature !== undefined, 'no signature value')
  const digest = DIGESTS[oid(der, children(der, digestAlgorithm!)[0]!)]
  expect(digest !== undefined, 'unsupported digest')

  const attrs = new Map<string, DerNode>()
  for (const attr of children(der, signedAttrs!)) {
    const [attrType, values] = children(der, attr)
    attrs.set(oid(der, attrType!), children(der, values!)[0]!)
  }
  const contentType = attrs.get(OID.contentType)
  const messageDigest = attrs.get(OID.messageDigest)
  expect(contentType !== undefined && oid(der, contentType) === OID.data, 'content type is not data')
  expect(messageDigest?.tag === 0x04, 'no message digest')
  const signingTime = attrs.get(OID.signingTime)

  // issuerAndSerialNumber: the signer is the certificate with that serial.
  const serial = Buffer.from(content(der, children(der, sid!)[1]!)).toString('hex').replace(/^0+/, '').toUpperCase()
  const signer = children(der, certificates!)
    .map((node) => new crypto.X509Certificate(whole(der, node)))
    .find((cert) => cert.serialNumber.replace(/^0+/, '').toUpperCase() === serial)
  expect(signer !== undefined, 'signer certificate missing')

  return {
    digest,
    messageDigest: Buffer.from(content(der, messageDigest!)),
    signedAttrs: whole(der, signedAttrs!),
    signature: Buffer.from(content(der, signature!)),
    signer: signer!,
    signingTime: signingTime ? time(der, signingTime) : null,
  }
}
