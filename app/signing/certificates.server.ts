import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { x509 } from './x509.server'
import { certificateOf, checkChain, commonName, splitPem } from './certificate-chain.server'
import { generateIdentity, GENERATED_FILES } from './generate-identity.server'
import { openPkcs12, Pkcs12Error } from './pkcs12.server'

/**
 * The organisation's signing identity: a PKCS#12 file (key, certificate and
 * its chain) and its passphrase, as a council's IT department issues one. A
 * deployment names its own with SIGNING_P12_PATH and SIGNING_P12_PASSPHRASE,
 * and may name the root records must chain to (SIGNING_ROOT_PATH) and its
 * PKI's revocation lists (SIGNING_CRL_PATH). Otherwise Probity makes, on
 * first run, a root CA and a signing certificate issued by it, kept in
 * DATA_DIR/signing/ and readable by the owner only.
 */

export type SigningConfig = {
  dataDir: string
  publicUrl: string
  SIGNING_P12_PATH?: string
  SIGNING_P12_PASSPHRASE?: string
  /** PEM or DER file of the root CA records must chain to; by default the root inside the PKCS#12 file. */
  SIGNING_ROOT_PATH?: string
  /** A CRL file (PEM, several allowed, or DER) or a directory of them. */
  SIGNING_CRL_PATH?: string
  /** An RFC 3161 timestamp authority; when set, every signature carries its token (PAdES B-T). */
  SIGNING_TSA_URL?: string
}

export type SigningStatus =
  | 'ok'
  | 'missing'
  | 'unreadable'
  | 'wrong_passphrase'
  | 'unsupported_key'
  | 'wrong_chain'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'timestamp_unavailable'

export type SigningCheck = {
  status: SigningStatus
  /** A sentence an administrator can act on. Never contains the passphrase. */
  message: string
  source: 'configured' | 'generated'
  subject?: string
  notBefore?: Date
  notAfter?: Date
}

export type SignatureAlgorithm = {
  /** Node's name of the digest the signature uses. */
  digest: 'sha256' | 'sha384' | 'sha512'
  digestOid: string
  signatureOid: string
  /** RSA's AlgorithmIdentifier carries NULL parameters; ECDSA's none. */
  nullParameters: boolean
}

export type SigningIdentity = {
  /** A KeyObject never prints its key material, so logging an identity reveals nothing secret. */
  privateKey: crypto.KeyObject
  /** DER certificates, the signer's first, then its chain up to the root. */
  certificates: Buffer[]
  algorithm: SignatureAlgorithm
  subject: string
  notBefore: Date
  notAfter: Date
  /** The certificate people import to trust records: the root the chain must reach. */
  caPem: string
}

/** What the verify page trusts: the root, the certificates that may be intermediates, and the revocation lists. */
export type SigningTrust = { anchor: Buffer; caPem: string; pool: Buffer[]; crls: (Buffer | string)[] }

type Material = { privateKey: crypto.KeyObject; certificates: Buffer[]; anchor: Buffer }
type Loaded = { ok: true; material: Material; source: SigningCheck['source'] } | { ok: false; check: SigningCheck }

export function signingDirectory(dataDir: string) {
  return path.join(dataDir, 'signing')
}

export class SigningUnavailableError extends Error {
  constructor(readonly check: SigningCheck) {
    super(check.message)
  }
}

/** The identity to sign with, its chain checked at `now`; throws with a clear message otherwise. */
export async function requireSigningIdentity(config: SigningConfig, now = new Date()): Promise<SigningIdentity> {
  const loaded = await load(config)
  if (!loaded.ok) throw new SigningUnavailableError(loaded.check)
  const check = await assess(loaded.material, loaded.source, config, now)
  if (check.status !== 'ok') throw new SigningUnavailableError(check)
  return identityOf(loaded.material)
}

/**
 * The identity without any check of its chain or dates: for tests and tools
 * that must produce a signature Probity would refuse to make.
 */
export async function openSigningIdentity(config: SigningConfig): Promise<SigningIdentity> {
  const loaded = await load(config)
  if (!loaded.ok) throw new SigningUnavailableError(loaded.check)
  return identityOf(loaded.material)
}

/** Status for boot-time warnings and the admin page. Never throws. */
export async function checkSigningCertificate(config: SigningConfig, now = new Date()): Promise<SigningCheck> {
  const loaded = await load(config)
  if (!loaded.ok) return loaded.check
  return assess(loaded.material, loaded.source, config, now)
}

/** Logs a warning when records cannot be signed; the app still starts. */
export async function reportSigningCertificate(config: SigningConfig, log: (line: string) => void = console.warn) {
  const check = await checkSigningCertificate(config)
  if (check.status !== 'ok') log(`Warning: decision records cannot be signed. ${check.message}`)
  return check
}

export async function signingCaPem(config: SigningConfig): Promise<string | null> {
  const loaded = await load(config)
  return loaded.ok ? pem(loaded.material.anchor) : null
}

export async function signingTrust(config: SigningConfig): Promise<SigningTrust | null> {
  const loaded = await load(config)
  if (!loaded.ok) return null
  const { anchor, certificates } = loaded.material
  return { anchor, caPem: pem(anchor), pool: certificates.slice(1), crls: readCrls(config) }
}

const pem = (der: Buffer) => certificateOf(der).toString('pem') + '\n'
const day = (d: Date) => d.toISOString().slice(0, 10)

async function assess(material: Material, source: SigningCheck['source'], config: SigningConfig, now: Date): Promise<SigningCheck> {
  const signer = certificateOf(material.certificates[0]!)
  const base = { source, subject: commonName(signer), notBefore: signer.notBefore, notAfter: signer.notAfter }
  let crls: (Buffer | string)[]
  try {
    crls = readCrls(config)
  } catch (error) {
    return { ...base, status: 'unreadable', message: `The revocation lists at SIGNING_CRL_PATH cannot be read: ${reason(error)}` }
  }
  const chain = await checkChain({
    signer: material.certificates[0]!,
    pool: material.certificates.slice(1),
    anchor: material.anchor,
    crls,
    at: now,
    trustedTime: true,
  })
  if (chain.status !== 'ok') {
    const fix =
      chain.status === 'wrong_chain'
        ? ' Check that the PKCS#12 file holds the issuing CA, and SIGNING_ROOT_PATH.'
        : ' Install a new one (see the README, “Signed decision records”).'
    return { ...base, status: chain.status, message: `${chain.message}${fix}` }
  }
  return { ...base, status: 'ok', message: `Records are signed as “${base.subject}” until ${day(signer.notAfter)}.` }
}

function readCrls(config: SigningConfig): (Buffer | string)[] {
  if (!config.SIGNING_CRL_PATH) return []
  const target = path.resolve(config.SIGNING_CRL_PATH)
  const files = fs.statSync(target).isDirectory()
    ? fs.readdirSync(target).filter((f) => /\.(crl|pem|der)$/i.test(f)).map((f) => path.join(target, f))
    : [target]
  return files.flatMap((file) => splitPem(fs.readFileSync(file), 'X509 CRL'))
}

function identityOf(material: Material): SigningIdentity {
  const signer = certificateOf(material.certificates[0]!)
  const anchor = material.anchor
  const chain = material.certificates.some((c) => c.equals(anchor)) ? material.certificates : [...material.certificates, anchor]
  return {
    privateKey: material.privateKey,
    certificates: chain,
    algorithm: signatureAlgorithm(material.privateKey),
    subject: commonName(signer),
    notBefore: signer.notBefore,
    notAfter: signer.notAfter,
    caPem: pem(anchor),
  }
}

const DIGEST_OIDS = { sha256: '2.16.840.1.101.3.4.2.1', sha384: '2.16.840.1.101.3.4.2.2', sha512: '2.16.840.1.101.3.4.2.3' }
const ECDSA: Record<string, SignatureAlgorithm['digest']> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' }
const ECDSA_WITH = { sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3', sha512: '1.2.840.10045.4.3.4' }

class UnsupportedKeyError extends Error {}

/** RSA (PKCS#1 v1.5) or ECDSA on P-256, P-384 or P-521, with the digest the curve's strength calls for. */
export function signatureAlgorithm(key: crypto.KeyObject): SignatureAlgorithm {
  if (key.asymmetricKeyType === 'rsa') {
    return { digest: 'sha256', digestOid: DIGEST_OIDS.sha256, signatureOid: '1.2.840.113549.1.1.1', nullParameters: true }
  }
  const curve = key.asymmetricKeyDetails?.namedCurve
  const digest = key.asymmetricKeyType === 'ec' && curve ? ECDSA[curve] : undefined
  if (!digest) {
    throw new UnsupportedKeyError(
      `The signing key is ${key.asymmetricKeyType}${curve ? ` on ${curve}` : ''}; records are signed with RSA or ECDSA (P-256, P-384, P-521) keys.`,
    )
  }
  return { digest, digestOid: DIGEST_OIDS[digest], signatureOid: ECDSA_WITH[digest], nullParameters: false }
}

// One parse per file version: opening a PKCS#12 file runs its key derivation.
const cache = new Map<string, { stamp: string; loaded: Promise<Loaded> }>()

function failure(status: SigningStatus, source: SigningCheck['source'], message: string): Loaded {
  return { ok: false, check: { status, source, message } }
}

function reason(error: unknown) {
  const code = (error as NodeJS.ErrnoException).code
  return code ?? (error instanceof Error ? error.message : String(error))
}

function stampOf(files: string[], secret: string) {
  const parts = files.map((file) => {
    const stat = fs.statSync(file)
    return `${file}:${stat.size}:${stat.mtimeMs}`
  })
  return `${parts.join('|')}:${crypto.createHash('sha256').update(secret).digest('hex')}`
}

async function load(config: SigningConfig): Promise<Loaded> {
  const configured = Boolean(config.SIGNING_P12_PATH)
  const source = configured ? 'configured' : 'generated'
  let files: string[]
  let secret: string
  let open: () => Promise<Loaded>
  try {
    if (configured) {
      const file = path.resolve(config.SIGNING_P12_PATH!)
      secret = config.SIGNING_P12_PASSPHRASE ?? ''
      if (!fs.existsSync(file)) return failure('missing', source, `SIGNING_P12_PATH names ${file}, which does not exist.`)
      files = [file]
      open = () => openConfigured(file, secret)
    } else {
      const dir = await ensureGeneratedIdentity(config)
      secret = fs.readFileSync(path.join(dir, GENERATED_FILES.passphrase), 'utf8').trim()
      files = [path.join(dir, GENERATED_FILES.signingKey), path.join(dir, GENERATED_FILES.signingChain)]
      open = () => openGenerated(dir, secret)
    }
    if (config.SIGNING_ROOT_PATH) {
      const root = path.resolve(config.SIGNING_ROOT_PATH)
      if (!fs.existsSync(root)) return failure('missing', source, `SIGNING_ROOT_PATH names ${root}, which does not exist.`)
      files.push(root)
    }
  } catch (error) {
    return failure('unreadable', source, `The signing certificate could not be read or created: ${reason(error)}`)
  }
  let stamp: string
  try {
    stamp = stampOf(files, secret)
  } catch (error) {
    return failure('unreadable', source, `The signing certificate ${files[0]} cannot be read: ${reason(error)}`)
  }
  const hit = cache.get(files[0]!)
  if (hit?.stamp === stamp) return hit.loaded
  const loaded = open().then((result) => (result.ok ? withAnchor(result, config) : result))
  cache.set(files[0]!, { stamp, loaded })
  return loaded
}

async function openConfigured(file: string, passphrase: string): Promise<Loaded> {
  const source = 'configured'
  try {
    const opened = await openPkcs12(fs.readFileSync(file), passphrase)
    signatureAlgorithm(opened.privateKey)
    return { ok: true, source, material: { ...opened, anchor: Buffer.alloc(0) } }
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      if (error.reason === 'wrong_passphrase') {
        return failure('wrong_passphrase', source, `The passphrase does not open the signing certificate ${file}. Check SIGNING_P12_PASSPHRASE.`)
      }
      return failure('unreadable', source, `${file} ${error.message}`)
    }
    if (error instanceof UnsupportedKeyError) return failure('unsupported_key', source, error.message)
    return failure('unreadable', source, `The signing certificate ${file} cannot be read: ${reason(error)}`)
  }
}

async function openGenerated(dir: string, passphrase: string): Promise<Loaded> {
  const source = 'generated'
  try {
    const privateKey = crypto.createPrivateKey({ key: fs.readFileSync(path.join(dir, GENERATED_FILES.signingKey)), passphrase })
    const certificates = splitPem(fs.readFileSync(path.join(dir, GENERATED_FILES.signingChain)), 'CERTIFICATE').map((c) =>
      Buffer.from(certificateOf(c).rawData),
    )
    return { ok: true, source, material: { privateKey, certificates, anchor: Buffer.alloc(0) } }
  } catch (error) {
    return failure('unreadable', source, `The generated signing certificate in ${dir} cannot be read: ${reason(error)}`)
  }
}

/** The configured root, or else the self-signed root at the top of the file's own chain. */
async function withAnchor(loaded: Extract<Loaded, { ok: true }>, config: SigningConfig): Promise<Loaded> {
  const { source, material } = loaded
  if (config.SIGNING_ROOT_PATH) {
    const file = path.resolve(config.SIGNING_ROOT_PATH)
    try {
      const [first] = splitPem(fs.readFileSync(file), 'CERTIFICATE')
      const anchor = Buffer.from(certificateOf(first!).rawData)
      return { ...loaded, material: { ...material, anchor } }
    } catch (error) {
      return failure('unreadable', source, `SIGNING_ROOT_PATH names ${file}, which is not a certificate: ${reason(error)}`)
    }
  }
  const [signer, ...rest] = material.certificates.map((c) => certificateOf(c))
  const chain = await new x509.X509ChainBuilder({ certificates: rest }).build(signer!)
  const top = chain.at(-1)!
  if (chain.length === 1 || !(await top.isSelfSigned())) {
    return failure(
      'wrong_chain',
      source,
      `The signing certificate “${commonName(signer!)}” comes without the root CA it chains to (issuer “${top.issuer}”). Add the chain to the PKCS#12 file or name the root with SIGNING_ROOT_PATH.`,
    )
  }
  return { ...loaded, material: { ...material, anchor: Buffer.from(top.rawData) } }
}

/**
 * Creates DATA_DIR/signing/ once. It is built in a temporary directory and
 * renamed into place, so a crash or a second process never leaves half an
 * identity behind. Named after the library service when the caller knows it
 * (the start-up does, once a service exists); valid from `now`.
 */
export async function ensureGeneratedIdentity(
  config: Pick<SigningConfig, 'dataDir' | 'publicUrl'>,
  { name, now = new Date() }: { name?: string; now?: Date } = {},
): Promise<string> {
  const dir = signingDirectory(config.dataDir)
  if (fs.existsSync(path.join(dir, GENERATED_FILES.signingKey))) return dir
  fs.mkdirSync(config.dataDir, { recursive: true })
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.signing-'))
  try {
    fs.chmodSync(staging, 0o700)
    const files = await generateIdentity(name ?? new URL(config.publicUrl).host, now)
    for (const [name, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(staging, GENERATED_FILES[name as keyof typeof GENERATED_FILES]), content, { mode: 0o600 })
    }
    if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, GENERATED_FILES.signingKey))) {
      // An identity from before Probity generated its own keys natively: kept aside, not reused.
      fs.renameSync(dir, `${dir}.replaced-${Date.now()}`)
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
