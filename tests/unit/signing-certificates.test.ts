import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { x509 } from '~/signing/x509.server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkSigningCertificate,
  reportSigningCertificate,
  requireSigningIdentity,
  signingCaPem,
  signingDirectory,
  SigningUnavailableError,
  type SigningConfig,
} from '~/signing/certificates.server'
import { makePki, type Leaf, type Pki } from '#tests/support/pki'

const publicUrl = 'http://localhost:4200'
const DAY = 24 * 3600_000
let root: string
let generatedDir: string
let rsa: Pki
let p256: Pki
let rsaLeaf: Leaf

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-certs-'))
  generatedDir = path.join(root, 'generated')
  rsa = makePki(path.join(root, 'rsa'), 'rsa')
  p256 = makePki(path.join(root, 'p256'), 'p256')
  rsaLeaf = rsa.issueSigner('Council Records Signing')
}, 60_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const configured = (leaf: Pick<Leaf, 'p12' | 'passphrase'>, more: Partial<SigningConfig> = {}): SigningConfig => ({
  dataDir: path.join(root, 'unused'),
  publicUrl,
  SIGNING_P12_PATH: leaf.p12,
  SIGNING_P12_PASSPHRASE: leaf.passphrase,
  ...more,
})

describe('generated organisation CA and signing certificate', () => {
  it('are created on first use, readable by the owner only, and reused afterwards', async () => {
    const config = { dataDir: generatedDir, publicUrl }
    const check = await checkSigningCertificate(config)
    expect(check).toMatchObject({ status: 'ok', source: 'generated', subject: 'Probity decision-record signing (localhost:4200)' })
    const dir = signingDirectory(generatedDir)
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
    const files = fs.readdirSync(dir).sort()
    expect(files).toEqual(['ca-key.pem', 'ca.pem', 'passphrase', 'signing-chain.pem', 'signing-key.pem'])
    for (const f of files) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600)
    const before = fs.readFileSync(path.join(dir, 'signing-key.pem'))
    await checkSigningCertificate(config)
    expect(fs.readFileSync(path.join(dir, 'signing-key.pem')).equals(before)).toBe(true)
    // Private keys are kept encrypted, never in the clear.
    for (const key of ['ca-key.pem', 'signing-key.pem']) {
      expect(fs.readFileSync(path.join(dir, key), 'utf8')).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/)
    }
  })

  it('make a P-256 CA limited to issuing certificates and a signer limited to signing', async () => {
    const caPem = (await signingCaPem({ dataDir: generatedDir, publicUrl }))!
    const ca = new x509.X509Certificate(caPem)
    expect(ca.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, critical: true })
    expect(ca.getExtension(x509.KeyUsagesExtension)!.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign)
    expect(ca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' })

    const identity = await requireSigningIdentity({ dataDir: generatedDir, publicUrl })
    expect(identity.algorithm).toMatchObject({ digest: 'sha256', signatureOid: '1.2.840.10045.4.3.2' })
    const leaf = new x509.X509Certificate(new Uint8Array(identity.certificates[0]!))
    expect(leaf.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false })
    expect(leaf.getExtension(x509.KeyUsagesExtension)!.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)
    expect(leaf.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toContain('1.3.6.1.5.5.7.3.4')
    expect(await leaf.verify({ publicKey: ca })).toBe(true)
    expect(new crypto.X509Certificate(identity.certificates[0]!).checkIssued(new crypto.X509Certificate(caPem))).toBe(true)
  })
})

describe('a configured PKCS#12 file from a council PKI (made with openssl)', () => {
  it('is used as it is, RSA, with root → issuing CA → signer, and the root exported for the verify page', async () => {
    const config = configured(rsaLeaf)
    expect(await checkSigningCertificate(config)).toMatchObject({ status: 'ok', source: 'configured', subject: 'Council Records Signing' })
    expect(await signingCaPem(config)).toBe(new x509.X509Certificate(rsa.rootPem).toString('pem') + '\n')
    const identity = await requireSigningIdentity(config)
    expect(identity.algorithm).toMatchObject({ digest: 'sha256', signatureOid: '1.2.840.113549.1.1.1' })
    const subjects = identity.certificates.map((c) => new x509.X509Certificate(new Uint8Array(c)).subjectName.getField('CN')[0])
    expect(subjects).toEqual(['Council Records Signing', 'Test Council Issuing CA (rsa)', 'Test Council Root CA (rsa)'])
    expect(fs.existsSync(signingDirectory(config.dataDir))).toBe(false)
  })

  it('accepts ECDSA keys on P-256 and P-384, signing with the digest each calls for', async () => {
    expect((await requireSigningIdentity(configured(p256.issueSigner('P-256 Signer')))).algorithm.digest).toBe('sha256')
    const p384 = makePki(path.join(root, 'p384'), 'p384')
    expect((await requireSigningIdentity(configured(p384.issueSigner('P-384 Signer')))).algorithm).toMatchObject({
      digest: 'sha384',
      signatureOid: '1.2.840.10045.4.3.3',
    })
  })

  it('reports a missing file', async () => {
    const check = await checkSigningCertificate(configured({ p12: path.join(root, 'nope.p12'), passphrase: 'x' }))
    expect(check.status).toBe('missing')
    expect(check.message).toMatch(/nope\.p12, which does not exist/)
  })

  it('reports a file that is not PKCS#12', async () => {
    const junk = path.join(root, 'junk.p12')
    fs.writeFileSync(junk, 'not a certificate')
    expect(await checkSigningCertificate(configured({ p12: junk, passphrase: 'x' }))).toMatchObject({ status: 'unreadable' })
  })

  it('reports a wrong passphrase without ever repeating it, and refuses to sign', async () => {
    const config = configured({ p12: rsaLeaf.p12, passphrase: 'hunter2-wrong-passphrase' })
    const lines: string[] = []
    const check = await reportSigningCertificate(config, (line) => lines.push(line))
    expect(check.status).toBe('wrong_passphrase')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Warning: decision records cannot be signed\. The passphrase does not open/)
    expect(lines.join('')).not.toContain('hunter2')
    await expect(requireSigningIdentity(config)).rejects.toThrow(SigningUnavailableError)
  })

  it('reports an expired or not yet valid certificate, and refuses to sign with it', async () => {
    const expired = rsa.issueSigner('Expired Signer', { startDate: new Date(Date.now() - 400 * DAY), endDate: new Date(Date.now() - 30 * DAY) })
    const check = await checkSigningCertificate(configured(expired))
    expect(check).toMatchObject({ status: 'expired' })
    expect(check.message).toMatch(/^The certificate “Expired Signer” expired on \d{4}-\d{2}-\d{2}/)
    await expect(requireSigningIdentity(configured(expired))).rejects.toThrow(/expired/)
    expect(await checkSigningCertificate(configured(rsaLeaf), new Date(Date.now() - 10 * DAY))).toMatchObject({ status: 'not_yet_valid' })
  })

  it('reports a chain that does not reach the configured root, or a file without its issuing CA', async () => {
    const other = await checkSigningCertificate(configured(rsaLeaf, { SIGNING_ROOT_PATH: p256.rootFile }))
    expect(other.status).toBe('wrong_chain')
    expect(other.message).toMatch(/“Council Records Signing” does not chain to the trusted root “Test Council Root CA \(p256\)”/)

    const alone = rsa.issueSigner('Lonely Signer', { chain: 'leaf-only' })
    expect(await checkSigningCertificate(configured(alone))).toMatchObject({ status: 'wrong_chain' })
    // With the root named, the issuing CA is still missing between them.
    const missing = await checkSigningCertificate(configured(alone, { SIGNING_ROOT_PATH: rsa.rootFile }))
    expect(missing.status).toBe('wrong_chain')
    expect(missing.message).toMatch(/no certificate of its issuer “Test Council Issuing CA \(rsa\)” was found/)
  })

  it('reports a certificate revoked by its CA’s CRL', async () => {
    const revoked = rsa.issueSigner('Revoked Signer')
    rsa.revoke(revoked)
    const crl = path.join(root, 'issuing.crl')
    fs.writeFileSync(crl, rsa.crl())
    const check = await checkSigningCertificate(configured(revoked, { SIGNING_CRL_PATH: crl }))
    expect(check.status).toBe('revoked')
    expect(check.message).toMatch(/“Revoked Signer” was revoked by “Test Council Issuing CA \(rsa\)” on \d{4}-\d{2}-\d{2} \(keyCompromise\)/)
    // The same CRL does not touch a certificate it does not list.
    expect(await checkSigningCertificate(configured(rsaLeaf, { SIGNING_CRL_PATH: crl }))).toMatchObject({ status: 'ok' })
  })

  it('logs nothing when all is well', async () => {
    const lines: string[] = []
    await reportSigningCertificate(configured(rsaLeaf), (line) => lines.push(line))
    expect(lines).toEqual([])
  })
})
