import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import forge from 'node-forge'

/**
 * The organisation's signing identity: a PKCS#12 file (key, certificate and
 * its chain) and its passphrase. A deployment names its own with
 * SIGNING_P12_PATH and SIGNING_P12_PASSPHRASE; otherwise Probity makes, on
 * first run, a root CA and a signing certificate issued by it, kept in
 * DATA_DIR/signing/ and readable by the owner only.
 */

export type SigningConfig = {
  dataDir: string
  publicUrl: string
  SIGNING_P12_PATH?: string
  SIGNING_P12_PASSPHRASE?: string
}

export type SigningStatus = 'ok' | 'missing' | 'unreadable' | 'wrong_passphrase' | 'expired' | 'not_yet_valid'

export type SigningCheck = {
  status: SigningStatus
  /** A sentence an administrator can act on. Never contains the passphrase. */
  message: string
  source: 'configured' | 'generated'
  subject?: string
  notBefore?: Date
  notAfter?: Date
}

export type SigningIdentity = {
  p12: Buffer
  passphrase: string
  /**
   * The key and certificates opened once when the file is read, so each
   * signature does not decrypt the PKCS#12 again. A KeyObject never prints
   * its key material, so logging an identity reveals nothing secret.
   */
  privateKey: crypto.KeyObject
  /** DER certificates, the signer's first, then the rest of its chain. */
  certificates: Buffer[]
  subject: string
  notBefore: Date
  notAfter: Date
  /** The certificate people import to trust records: the chain's root. */
  caPem: string
}

type Loaded = { ok: true; identity: SigningIdentity; source: SigningCheck['source'] } | { ok: false; check: SigningCheck }

const CA_YEARS = 10
const GENERATED_FILES = { p12: 'signing.p12', passphrase: 'passphrase', caCert: 'ca.pem', caKey: 'ca-key.pem' }

export function signingDirectory(dataDir: string) {
  return path.join(dataDir, 'signing')
}

export class SigningUnavailableError extends Error {
  constructor(readonly check: SigningCheck) {
    super(check.message)
  }
}

/** The identity to sign with, checked for validity at `now`; throws with a clear message otherwise. */
export function requireSigningIdentity(config: SigningConfig, now = new Date()): SigningIdentity {
  const loaded = load(config)
  if (!loaded.ok) throw new SigningUnavailableError(loaded.check)
  const check = validityCheck(loaded.identity, loaded.source, now)
  if (check.status !== 'ok') throw new SigningUnavailableError(check)
  return loaded.identity
}

/** Status for boot-time warnings and the admin page. Never throws. */
export function checkSigningCertificate(config: SigningConfig, now = new Date()): SigningCheck {
  const loaded = load(config)
  if (!loaded.ok) return loaded.check
  return validityCheck(loaded.identity, loaded.source, now)
}

/** Logs a warning when records cannot be signed; the app still starts. */
export function reportSigningCertificate(config: SigningConfig, log: (line: string) => void = console.warn) {
  const check = checkSigningCertificate(config)
  if (check.status !== 'ok') log(`Warning: decision records cannot be signed. ${check.message}`)
  return check
}

export function signingCaPem(config: SigningConfig): string | null {
  const loaded = load(config)
  return loaded.ok ? loaded.identity.caPem : null
}

function validityCheck(identity: SigningIdentity, source: SigningCheck['source'], now: Date): SigningCheck {
  const base = { source, subject: identity.subject, notBefore: identity.notBefore, notAfter: identity.notAfter }
  const day = (d: Date) => d.toISOString().slice(0, 10)
  if (now < identity.notBefore) {
    return { ...base, status: 'not_yet_valid', message: `The signing certificate is not valid until ${day(identity.notBefore)}.` }
  }
  if (now > identity.notAfter) {
    return {
      ...base,
      status: 'expired',
      message: `The signing certificate expired on ${day(identity.notAfter)}. Install a new one (see the README, “Signed decision records”).`,
    }
  }
  return { ...base, status: 'ok', message: `Records are signed as “${identity.subject}” until ${day(identity.notAfter)}.` }
}

// One parse per file version: reading a PKCS#12 decrypts it, which is slow in JavaScript.
const cache = new Map<string, { stamp: string; loaded: Loaded }>()

function load(config: SigningConfig): Loaded {
  const configured = Boolean(config.SIGNING_P12_PATH)
  const source = configured ? 'configured' : 'generated'
  let file: string
  let passphrase: string
  try {
    if (configured) {
      file = path.resolve(config.SIGNING_P12_PATH!)
      passphrase = config.SIGNING_P12_PASSPHRASE ?? ''
      if (!fs.existsSync(file)) {
        return failure('missing', source, `SIGNING_P12_PATH names ${file}, which does not exist.`)
      }
    } else {
      const dir = ensureGeneratedIdentity(config)
      file = path.join(dir, GENERATED_FILES.p12)
      passphrase = fs.readFileSync(path.join(dir, GENERATED_FILES.passphrase), 'utf8').trim()
    }
  } catch (error) {
    return failure('unreadable', source, `The signing certificate could not be read or created: ${reason(error)}`)
  }
  let stamp: string
  try {
    const stat = fs.statSync(file)
    stamp = `${stat.size}:${stat.mtimeMs}:${crypto.createHash('sha256').update(passphrase).digest('hex')}`
  } catch (error) {
    return failure('unreadable', source, `The signing certificate ${file} cannot be read: ${reason(error)}`)
  }
  const hit = cache.get(file)
  if (hit?.stamp === stamp) return hit.loaded
  const loaded = parseP12(file, passphrase, source)
  cache.set(file, { stamp, loaded })
  return loaded
}

function failure(status: SigningStatus, source: SigningCheck['source'], message: string): Loaded {
  return { ok: false, check: { status, source, message } }
}

function reason(error: unknown) {
  const code = (error as NodeJS.ErrnoException).code
  return code ?? (error instanceof Error ? error.message : String(error))
}

function parseP12(file: string, passphrase: string, source: SigningCheck['source']): Loaded {
  let p12Der: Buffer
  try {
    p12Der = fs.readFileSync(file)
  } catch (error) {
    return failure('unreadable', source, `The signing certificate ${file} cannot be read: ${reason(error)}`)
  }
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12Der.toString('binary')))
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase)
  } catch (error) {
    if (error instanceof Error && /MAC could not be verified|Invalid password/i.test(error.message)) {
      return failure(
        'wrong_passphrase',
        source,
        `The passphrase does not open the signing certificate ${file}. Check SIGNING_P12_PASSPHRASE.`,
      )
    }
    return failure('unreadable', source, `${file} is not a readable PKCS#12 (.p12) file.`)
  }
  const certBag = forge.pki.oids.certBag!
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!
  const certs = (p12.getBags({ bagType: certBag })[certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c))
  const key = (p12.getBags({ bagType: keyBag })[keyBag] ?? [])[0]?.key as forge.pki.rsa.PrivateKey | undefined
  const leaf = key ? certs.find((c) => matchesKey(c, key)) : undefined
  if (!key || !leaf) {
    return failure('unreadable', source, `${file} does not hold a private key with its certificate.`)
  }
  const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary')
  return {
    ok: true,
    source,
    identity: {
      p12: p12Der,
      passphrase,
      privateKey: crypto.createPrivateKey(forge.pki.privateKeyToPem(key)),
      certificates: [leaf, ...certs.filter((c) => c !== leaf)].map(der),
      subject: commonName(leaf),
      notBefore: leaf.validity.notBefore,
      notAfter: leaf.validity.notAfter,
      caPem: forge.pki.certificateToPem(rootOf(leaf, certs)),
    },
  }
}

function matchesKey(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey) {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey
  return pub.n?.equals(key.n) && pub.e?.equals(key.e)
}

function commonName(cert: forge.pki.Certificate): string {
  return String(cert.subject.getField('CN')?.value ?? cert.subject.attributes.map((a) => a.value).join(', '))
}

/** Follows issuers through the certificates in the file as far as they go: ideally to a self-signed root. */
function rootOf(leaf: forge.pki.Certificate, certs: forge.pki.Certificate[]): forge.pki.Certificate {
  const seen = new Set([leaf])
  let current = leaf
  // `a.isIssuer(b)`: b's subject is a's issuer.
  while (!current.isIssuer(current)) {
    const issuer = certs.find((c) => !seen.has(c) && current.isIssuer(c))
    if (!issuer) break
    seen.add(issuer)
    current = issuer
  }
  return current
}

/**
 * Creates DATA_DIR/signing/ once. It is built in a temporary directory and
 * renamed into place, so a crash or a second process never leaves half an
 * identity behind.
 */
export function ensureGeneratedIdentity(config: Pick<SigningConfig, 'dataDir' | 'publicUrl'>, now = new Date()): string {
  const dir = signingDirectory(config.dataDir)
  if (fs.existsSync(path.join(dir, GENERATED_FILES.p12))) return dir
  fs.mkdirSync(config.dataDir, { recursive: true })
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.signing-'))
  try {
    fs.chmodSync(staging, 0o700)
    const files = generateIdentity(new URL(config.publicUrl).host, now)
    for (const [name, content] of Object.entries(files)) {
      const target = path.join(staging, GENERATED_FILES[name as keyof typeof GENERATED_FILES])
      fs.writeFileSync(target, content, { mode: 0o600 })
    }
    try {
      fs.renameSync(staging, dir)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // Another process got there first; its identity is the one to use.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
  return dir
}

function serial() {
  // Positive, 16 random bytes: a leading zero nibble keeps the integer unsigned.
  return '0' + crypto.randomBytes(16).toString('hex').slice(1)
}

function addYears(date: Date, years: number) {
  const d = new Date(date)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d
}

type GeneratedFiles = Record<keyof typeof GENERATED_FILES, string | Buffer>

export function generateIdentity(host: string, now = new Date()): GeneratedFiles {
  const passphrase = crypto.randomBytes(32).toString('base64url')
  // Backdated an hour so a clock slightly behind on another machine does not reject it.
  const notBefore = new Date(now.getTime() - 3600_000)
  const organisation = [
    { name: 'organizationName', value: 'Probity' },
    { name: 'organizationalUnitName', value: host },
  ]

  const caKeys = forge.pki.rsa.generateKeyPair({ bits: 3072, e: 0x10001 })
  const ca = forge.pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = serial()
  ca.validity.notBefore = notBefore
  ca.validity.notAfter = addYears(now, CA_YEARS)
  const caSubject = [{ name: 'commonName', value: `Probity decision records root CA (${host})` }, ...organisation]
  ca.setSubject(caSubject)
  ca.setIssuer(caSubject)
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  ca.sign(caKeys.privateKey, forge.md.sha256.create())

  // 2048 bits: node-forge signs each record in JavaScript, and 3072 would triple the time.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial()
  cert.validity.notBefore = notBefore
  // Within the CA's lifetime, so the chain stays valid for as long as the certificate.
  cert.validity.notAfter = addYears(now, CA_YEARS - 1)
  cert.setSubject([{ name: 'commonName', value: `Probity decision-record signing (${host})` }, ...organisation])
  cert.setIssuer(caSubject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // emailProtection is what NSS (and so pdfsig) checks for a document signer; the second is RFC 9336 document signing.
    { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(caKeys.privateKey, forge.md.sha256.create())

  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], passphrase, {
    algorithm: 'aes256',
    friendlyName: 'Probity decision-record signing',
    // Key stretching guards weak passphrases; this one is 256 random bits. At
    // the default 2,048 rounds node-forge spends ~50 ms opening the file for
    // every signature; at 100, ~4 ms.
    count: 100,
  })
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase,
    caCert: forge.pki.certificateToPem(ca),
    // Kept, encrypted, so that a future signing certificate can be issued by the same CA.
    caKey: forge.pki.encryptRsaPrivateKey(caKeys.privateKey, passphrase, { algorithm: 'aes256' }),
  }
}
