import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkSigningCertificate,
  generateIdentity,
  reportSigningCertificate,
  requireSigningIdentity,
  signingCaPem,
  signingDirectory,
  SigningUnavailableError,
} from '~/signing/certificates.server'

const publicUrl = 'http://localhost:4200'
let root: string
let generatedDir: string
let configuredP12: string
let configuredPassphrase: string

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-certs-'))
  generatedDir = path.join(root, 'generated')
  // One identity serves the configured-file cases; generating RSA keys is the slow part.
  const files = generateIdentity('records.example.org')
  configuredP12 = path.join(root, 'configured.p12')
  configuredPassphrase = String(files.passphrase)
  fs.writeFileSync(configuredP12, files.p12)
})

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('generated organisation CA and signing certificate', () => {
  it('are created on first use, readable by the owner only, and reused afterwards', () => {
    const config = { dataDir: generatedDir, publicUrl }
    const check = checkSigningCertificate(config)
    expect(check).toMatchObject({ status: 'ok', source: 'generated', subject: 'Probity decision-record signing (localhost:4200)' })
    const dir = signingDirectory(generatedDir)
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
    const files = fs.readdirSync(dir).sort()
    expect(files).toEqual(['ca-key.pem', 'ca.pem', 'passphrase', 'signing.p12'])
    for (const f of files) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600)
    const p12Before = fs.readFileSync(path.join(dir, 'signing.p12'))
    checkSigningCertificate(config)
    expect(fs.readFileSync(path.join(dir, 'signing.p12')).equals(p12Before)).toBe(true)
    // The CA key is kept encrypted, never in the clear.
    expect(fs.readFileSync(path.join(dir, 'ca-key.pem'), 'utf8')).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/)
  })

  it('make a CA limited to issuing certificates and a signer limited to signing', () => {
    const caPem = signingCaPem({ dataDir: generatedDir, publicUrl })!
    const ca = forge.pki.certificateFromPem(caPem)
    expect(ca.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true })
    expect(ca.getExtension('keyUsage')).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false })
    expect((ca.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(3072)

    const identity = requireSigningIdentity({ dataDir: generatedDir, publicUrl })
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(identity.p12.toString('binary')), false, identity.passphrase)
    const certs = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!.map((b) => b.cert!)
    const leaf = certs.find((c) => !c.isIssuer(c))!
    expect(leaf.getExtension('basicConstraints')).toMatchObject({ cA: false })
    expect(leaf.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false })
    expect(leaf.getExtension('extKeyUsage')).toMatchObject({ emailProtection: true })
    expect(ca.verify(leaf)).toBe(true)
    expect(new crypto.X509Certificate(forge.pki.certificateToPem(leaf)).checkIssued(new crypto.X509Certificate(caPem))).toBe(true)
  })
})

describe('a configured PKCS#12 file', () => {
  const configured = (p12Path: string, passphrase?: string) => ({
    dataDir: path.join(root, 'unused'),
    publicUrl,
    SIGNING_P12_PATH: p12Path,
    SIGNING_P12_PASSPHRASE: passphrase,
  })

  it('is used as it is, with its own CA exported for the verify page', () => {
    const config = configured(configuredP12, configuredPassphrase)
    expect(checkSigningCertificate(config)).toMatchObject({ status: 'ok', source: 'configured', subject: 'Probity decision-record signing (records.example.org)' })
    expect(signingCaPem(config)).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(fs.existsSync(signingDirectory(config.dataDir))).toBe(false)
  })

  it('reports a missing file', () => {
    const check = checkSigningCertificate(configured(path.join(root, 'nope.p12'), 'x'))
    expect(check.status).toBe('missing')
    expect(check.message).toMatch(/nope\.p12, which does not exist/)
  })

  it('reports a file that is not PKCS#12', () => {
    const junk = path.join(root, 'junk.p12')
    fs.writeFileSync(junk, 'not a certificate')
    expect(checkSigningCertificate(configured(junk, 'x'))).toMatchObject({ status: 'unreadable' })
  })

  it('reports a wrong passphrase without ever repeating it, and refuses to sign', () => {
    const config = configured(configuredP12, 'hunter2-wrong-passphrase')
    const lines: string[] = []
    const check = reportSigningCertificate(config, (line) => lines.push(line))
    expect(check.status).toBe('wrong_passphrase')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Warning: decision records cannot be signed\. The passphrase does not open/)
    expect(lines.join('')).not.toContain('hunter2')
    expect(() => requireSigningIdentity(config)).toThrow(SigningUnavailableError)
  })

  it('reports an expired or not yet valid certificate, and refuses to sign with it', () => {
    const config = configured(configuredP12, configuredPassphrase)
    const later = new Date(Date.now() + 11 * 365 * 24 * 3600_000)
    expect(checkSigningCertificate(config, later)).toMatchObject({ status: 'expired' })
    expect(checkSigningCertificate(config, new Date('2001-01-01'))).toMatchObject({ status: 'not_yet_valid' })
    expect(() => requireSigningIdentity(config, later)).toThrow(/expired/)
  })

  it('logs nothing when all is well', () => {
    const lines: string[] = []
    reportSigningCertificate(configured(configuredP12, configuredPassphrase), (line) => lines.push(line))
    expect(lines).toEqual([])
  })
})
