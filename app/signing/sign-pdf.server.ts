import crypto from 'node:crypto'
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf, Signer } from '@signpdf/signpdf'
import { type SigningIdentity } from './certificates.server'
import { OID } from './cms.server'
import { children, DER_NULL, objectIdentifier, octets, readNode, sequence, set, smallInteger, tlv, utcTime, whole } from './der'
import { requestTimestamp } from './timestamp.server'

export type SignatureDetails = {
  /** Who signs, as shown by PDF readers ("Denbighshire Libraries"). */
  name: string
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
  /** An RFC 3161 authority to timestamp the signature (PAdES B-T); none means B-B. */
  timestampUrl?: string
}

// PAdES: a detached CMS signature, the form the European baseline profiles require.
const PADES_SUBFILTER = 'ETSI.CAdES.detached'

const algorithm = (oid: string, nullParameters = true) => (nullParameters ? sequence(objectIdentifier(oid), DER_NULL) : sequence(objectIdentifier(oid)))
const attribute = (oid: string, value: Buffer) => sequence(objectIdentifier(oid), set(value))
const hash = (digest: string, bytes: Uint8Array) => crypto.createHash(digest).update(bytes).digest()

/** The issuer name and serial number a SignerInfo names its certificate by, copied from the certificate's own bytes. */
function issuerAndSerialNumber(certificate: Buffer): Buffer {
  const tbs = children(certificate, readNode(certificate, 0))[0]!
  const fields = children(certificate, tbs)
  // An explicit version ([0]) comes first when present.
  const [serial, , issuer] = fields[0]!.tag === 0xa0 ? fields.slice(1) : fields
  return sequence(whole(certificate, issuer!), whole(certificate, serial!))
}

/**
 * A CMS SignedData signer that hashes and signs with Node's crypto (RSA or
 * ECDSA), using the key and certificates the identity opened once, and,
 * given an authority, adds its RFC 3161 timestamp over the signature value.
 * One instance per signature, like @signpdf's own signers.
 */
export class CmsSigner extends Signer {
  constructor(
    private readonly identity: Pick<SigningIdentity, 'privateKey' | 'certificates' | 'algorithm'>,
    private readonly timestampUrl?: string,
  ) {
    super()
  }

  async sign(pdf: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const [signer] = this.identity.certificates
    if (!signer) throw new Error('The signing identity has no certificate.')
    const { digest, digestOid, signatureOid, nullParameters } = this.identity.algorithm
    // Attributes in DER order (by their encodings), the order verifiers re-encode them in.
    const attributes = [
      attribute(OID.contentType, objectIdentifier(OID.data)),
      attribute(OID.signingTime, utcTime(signingTime)),
      attribute(OID.messageDigest, octets(hash(digest, pdf))),
      // ESS signing-certificate-v2 (SHA-256, the default): binds the signer's certificate into what is signed, as PAdES requires.
      attribute(OID.signingCertificateV2, sequence(sequence(sequence(octets(hash('sha256', signer)))))),
    ]
    // The signature covers the attributes as a SET; they travel as [0] IMPLICIT.
    const signature = crypto.sign(digest, set(...attributes), this.identity.privateKey)
    // [1] IMPLICIT unsignedAttrs: the timestamp is over the signature, so it cannot be inside it.
    const unsigned = this.timestampUrl
      ? [tlv(0xa1, attribute(OID.signatureTimeStampToken, (await requestTimestamp(this.timestampUrl, signature)).token))]
      : []
    const signerInfo = sequence(
      smallInteger(1),
      issuerAndSerialNumber(signer),
      algorithm(digestOid),
      tlv(0xa0, ...attributes),
      algorithm(signatureOid, nullParameters),
      octets(signature),
      ...unsigned,
    )
    const signedData = sequence(
      smallInteger(1),
      set(algorithm(digestOid)),
      // Detached: the content is the PDF's signed byte ranges, not carried here.
      sequence(objectIdentifier(OID.data)),
      tlv(0xa0, ...this.identity.certificates),
      set(signerInfo),
    )
    return sequence(objectIdentifier(OID.signedData), tlv(0xa0, signedData))
  }
}

// Room for the CMS: the certificates, the signature and attributes, and a timestamp token with its authority's chain.
function signatureLength(identity: Pick<SigningIdentity, 'certificates'>, timestamped: boolean) {
  const certificates = identity.certificates.reduce((sum, c) => sum + c.length, 0)
  return certificates + 2048 + (timestamped ? 12288 : 0)
}

/**
 * Signs finished PDF bytes. The signature covers the whole file, so any
 * later change, even one byte, makes it invalid.
 */
export async function signPdf(pdf: Buffer, identity: Pick<SigningIdentity, 'privateKey' | 'certificates' | 'algorithm'>, details: SignatureDetails): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    subFilter: PADES_SUBFILTER,
    appName: 'Probity',
    signatureLength: signatureLength(identity, Boolean(details.timestampUrl)),
  })
  return new SignPdf().sign(prepared, new CmsSigner(identity, details.timestampUrl), details.signingTime)
}
