import crypto from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

/**
 * Reading a CMS SignedData (RFC 5652) with pkijs, and checking one signer's
 * signature with Node's crypto: for a PDF signature over its byte ranges,
 * and for the RFC 3161 timestamp token inside it over its TSTInfo.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  subjectKeyIdentifier: '2.5.29.14',
  timeStamping: '1.3.6.1.5.5.7.3.8',
}

export const DIGESTS: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

export class CmsError extends Error {}

export type SignerCheck = {
  digest: 'sha256' | 'sha384' | 'sha512'
  digestMatches: boolean
  signatureMatches: boolean
  /** The signer's certificate, matched by issuer and serial number or by subject key identifier. */
  signer: Buffer
  /** Every certificate the message carries, the signer's among them. */
  certificates: Buffer[]
  crls: Buffer[]
  signingTime: Date | null
  signatureValue: Buffer
  unsignedAttributes: pkijs.Attribute[]
}

const bytes = (view: ArrayBuffer | Uint8Array) => Buffer.from(view instanceof Uint8Array ? view : new Uint8Array(view))
const der = (value: { toSchema(): asn1js.BaseBlock }) => bytes(value.toSchema().toBER())

export function parseSignedData(encoded: Uint8Array): pkijs.SignedData {
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(encoded))
  if (info.contentType !== OID.signedData) throw new CmsError('not a CMS SignedData')
  return new pkijs.SignedData({ schema: info.content })
}

/** The raw bytes of an element as it was read, which a signature check needs (re-encoding could change them). */
export function original(block: asn1js.BaseBlock): Buffer {
  const view = (block as asn1js.BaseBlock & { valueBeforeDecodeView?: Uint8Array }).valueBeforeDecodeView
  return view && view.byteLength > 0 ? bytes(view) : bytes(block.toBER())
}

function findSigner(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const sid = signerInfo.sid
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
  }
  // [0] SubjectKeyIdentifier
  const wanted = bytes((sid as asn1js.Constructed).valueBlock.value[0]?.valueBeforeDecodeView ?? new Uint8Array()).subarray(2)
  return certificates.find((c) => {
    const ski = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)?.parsedValue as asn1js.OctetString | undefined
    return ski !== undefined && bytes(ski.valueBlock.valueHexView).equals(wanted)
  })
}

function attribute(attributes: pkijs.Attribute[] | undefined, type: string) {
  return attributes?.find((a) => a.type === type)?.values[0]
}

/** Checks the first (and, in a PDF or a timestamp token, only) signer over `content`. */
export function checkSigner(signedData: pkijs.SignedData, content: Uint8Array[]): SignerCheck {
  if (signedData.signerInfos.length !== 1) throw new CmsError('expected exactly one signer')
  const info = signedData.signerInfos[0]!
  const digest = DIGESTS[info.digestAlgorithm.algorithmId]
  if (!digest) throw new CmsError('unsupported digest')
  const signerCert = findSigner(signedData, info)
  if (!signerCert) throw new CmsError('signer certificate missing')
  const attrs = info.signedAttrs?.attributes
  if (!info.signedAttrs || !attrs) throw new CmsError('signer without signed attributes')
  const messageDigest = attribute(attrs, OID.messageDigest)
  if (!(messageDigest instanceof asn1js.OctetString)) throw new CmsError('no message digest')
  const contentType = attribute(attrs, OID.contentType)
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType) {
    throw new CmsError('content type does not match')
  }
  const time = attribute(attrs, OID.signingTime)

  const hash = crypto.createHash(digest)
  for (const part of content) hash.update(part)
  const digestMatches = hash.digest().equals(bytes(messageDigest.valueBlock.valueHexView))
  // The signature is over the signed attributes as a SET, though they travel as [0] IMPLICIT.
  const signedAttrs = Buffer.from(bytes(info.signedAttrs.encodedValue))
  signedAttrs[0] = 0x31
  const signer = der(signerCert)
  const signatureValue = bytes(info.signature.valueBlock.valueHexView)
  let signatureMatches = false
  try {
    signatureMatches = crypto.verify(digest, signedAttrs, new crypto.X509Certificate(signer).publicKey, signatureValue)
  } catch {
    signatureMatches = false
  }
  return {
    digest,
    digestMatches,
    signatureMatches,
    signer,
    certificates: (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate).map(der),
    crls: (signedData.crls ?? []).filter((c) => c instanceof pkijs.CertificateRevocationList).map(der),
    signingTime: time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null,
    signatureValue,
    unsignedAttributes: info.unsignedAttrs?.attributes ?? [],
  }
}

/** The token an RFC 3161 authority returned, as it travels in the signature's unsigned attributes. */
export function timestampTokenOf(check: SignerCheck): Buffer | null {
  const token = attribute(check.unsignedAttributes, OID.signatureTimeStampToken)
  return token ? original(token) : null
}
