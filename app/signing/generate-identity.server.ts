import crypto from 'node:crypto'
import { x509 } from './x509.server'

/**
 * The development signing identity: a root CA and a signing certificate it
 * issued, on ECDSA P-256 keys made by Node's own crypto (milliseconds,
 * where RSA in JavaScript took seconds of every fresh start). The keys are
 * written as encrypted PKCS#8; the CA's is kept so that a later signing
 * certificate can come from the same CA.
 */

export const GENERATED_FILES = {
  signingKey: 'signing-key.pem',
  /** The signing certificate, then the CA's. */
  signingChain: 'signing-chain.pem',
  passphrase: 'passphrase',
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
}

const CA_YEARS = 10
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
// emailProtection is what NSS (and so pdfsig) checks for a document signer; the second is RFC 9336 document signing.
const DOCUMENT_SIGNING = ['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36']

function addYears(date: Date, years: number) {
  const d = new Date(date)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d
}

// Positive, 16 random bytes: a leading zero nibble keeps the integer unsigned.
const serial = () => '0' + crypto.randomBytes(16).toString('hex').slice(1)

/**
 * `name` is what people who check a record see as its signer: the library
 * service's name when the identity is made for one, else the address it serves.
 */
export async function generateIdentity(name: string, now = new Date()): Promise<Record<keyof typeof GENERATED_FILES, string>> {
  const passphrase = crypto.randomBytes(32).toString('base64url')
  const { subtle } = crypto.webcrypto
  // Backdated an hour so a clock slightly behind on another machine does not reject it.
  const notBefore = new Date(now.getTime() - 3600_000)
  const organisation: x509.JsonName = [{ O: ['Probity'] }, { OU: [name] }]
  const caKeys = (await subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [`Probity decision records root CA (${name})`] }, ...organisation],
    notBefore,
    notAfter: addYears(now, CA_YEARS),
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  })
  const keys = (await subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  const signer = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [`Probity decision-record signing (${name})`] }, ...organisation],
    issuer: ca.subjectName,
    notBefore,
    // Within the CA's lifetime, so the chain stays valid for as long as the certificate.
    notAfter: addYears(now, CA_YEARS - 1),
    signingKey: caKeys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension(DOCUMENT_SIGNING),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  })
  const encrypted = (key: CryptoKey) =>
    crypto.KeyObject.from(key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string
  return {
    signingKey: encrypted(keys.privateKey),
    signingChain: `${signer.toString('pem')}\n${ca.toString('pem')}\n`,
    passphrase,
    caCert: `${ca.toString('pem')}\n`,
    caKey: encrypted(caKeys.privateKey),
  }
}
