import crypto from 'node:crypto'
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf, Signer } from '@signpdf/signpdf'
import { type SigningIdentity } from './certificates.server'
import { children, DER_NULL, objectIdentifier, octets, readNode, sequence, set, smallInteger, tlv, utcTime, whole } from './der'

export type SignatureDetails = {
  /** Who signs, as shown by PDF readers ("Denbighshire Libraries"). */
  name: string
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
}

// PAdES: a detached CMS signature, the form the European baseline profiles require.
const PADES_SUBFILTER = 'ETSI.CAdES.detached'

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
}

const algorithm = (oid: string) => sequence(objectIdentifier(oid), DER_NULL)
const attribute = (oid: string, value: Buffer) => sequence(objectIdentifier(oid), set(value))
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest()

/** The issuer name and serial number a SignerInfo names its certificate by, copied from the certificate's own bytes. */
function issuerAndSerialNumber(certificate: Buffer): Buffer {
  const tbs = children(certificate, readNode(certificate, 0))[0]!
  const fields = children(certificate, tbs)
  // An explicit version ([0]) comes first when present.
  const [serial, , issuer] = fields[0]!.tag === 0xa0 ? fields.slice(1) : fields
  return sequence(whole(certificate, issuer!), whole(certificate, serial!))
}

/**
 * A CMS SignedData signer that hashes and signs with Node's crypto, using
 * the key and certificates the identity opened once. node-forge's
 * P12Signer decrypted the PKCS#12 and did SHA-256 and RSA in JavaScript for
 * every record, several times slower. One instance per signature, like
 * @signpdf's own signers.
 */
export class CmsSigner extends Signer {
  constructor(private readonly identity: Pick<SigningIdentity, 'privateKey' | 'certificates'>) {
    super()
  }

  async sign(pdf: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const [signer] = this.identity.certificates
    if (!signer) throw new Error('The signing identity has no certificate.')
    // Attributes in DER order (by their encodings), the order verifiers re-encode them in.
    const attributes = [
      attribute(OID.contentType, objectIdentifier(OID.data)),
      attribute(OID.signingTime, utcTime(signingTime)),
      attribute(OID.messageDigest, octets(sha256(pdf))),
      // ESS signing-certificate-v2: binds the signer's certificate into what is signed, as PAdES requires.
      attribute(OID.signingCertificateV2, sequence(sequence(sequence(octets(sha256(signer)))))),
    ]
    // The signature covers the attributes as a SET; they travel as [0] IMPLICIT.
    const signature = crypto.sign('sha256', set(...attributes), this.identity.privateKey)
    const signerInfo = sequence(
      smallInteger(1),
      issuerAndSerialNumber(signer),
      algorithm(OID.sha256),
      tlv(0xa0, ...attributes),
      algorithm(OID.rsaEncryption),
      octets(signature),
    )
    const signedData = sequence(
      smallInteger(1),
      set(algorithm(OID.sha256)),
      // Detached: the content is the PDF's signed byte ranges, not carried here.
      sequence(objectIdentifier(OID.data)),
      tlv(0xa0, ...this.identity.certificates),
      set(signerInfo),
    )
    return sequence(objectIdentifier(OID.signedData), tlv(0xa0, signedData))
  }
}

/**
 * Signs finished PDF bytes. The signature covers the whole file, so any
 * later change, even one byte, makes it invalid.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, details: SignatureDetails): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    subFilter: PADES_SUBFILTER,
    appName: 'Probity',
  })
  return new SignPdf().sign(prepared, new CmsSigner(identity), details.signingTime)
}
