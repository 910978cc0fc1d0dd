import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDecisionRecord } from '~/pdf/render.server'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { VerificationResult } from '~/components/verification-result'
import { openSigningIdentity, reportSigningCertificate, requireSigningIdentity, signingTrust, type SigningConfig } from '~/signing/certificates.server'
import { signPdf } from '~/signing/sign-pdf.server'
import { TimestampUnavailableError } from '~/signing/timestamp.server'
import { checkPdfSignature, type SignatureCheck } from '~/signing/verify-pdf.server'
import { visaRecordData } from '#tests/support/decision-records'
import { opensslCmsVerify, opensslTimestampVerify } from '#tests/support/openssl-verify'
import { makePki, type Leaf, type Pki } from '#tests/support/pki'
import { nssDatabaseTrusting, pdfsig } from '#tests/support/poppler'
import { deadTsaUrl, startTestTsa, type TestTsa } from '#tests/support/tsa-server'

/**
 * Records signed with certificates as a council's PKI issues them (made
 * with openssl: root → issuing CA → signer, RSA and P-256), checked by
 * poppler with NSS, by OpenSSL, and by Probity's own verify-page logic.
 */

const DAY = 24 * 3600_000
let dir: string
let unsigned: Buffer
let tsa: TestTsa
const pkis: Record<'rsa' | 'p256', { pki: Pki; leaf: Leaf; nss: string }> = {} as never
const visa = visaRecordData()

const configFor = (leaf: Leaf, more: Partial<SigningConfig> = {}): SigningConfig => ({
  dataDir: path.join(dir, 'unused'),
  publicUrl: 'http://localhost:4200',
  SIGNING_P12_PATH: leaf.p12,
  SIGNING_P12_PASSPHRASE: leaf.passphrase,
  ...more,
})

async function sign(config: SigningConfig, options: { timestampUrl?: string; unchecked?: boolean } = {}) {
  const identity = options.unchecked ? await openSigningIdentity(config) : await requireSigningIdentity(config)
  return signPdf(unsigned, identity, {
    name: visa.organisation.name,
    reason: 'Decision record',
    location: 'Rhuthun',
    contactInfo: 'http://localhost:4200/verify',
    signingTime: new Date(),
    timestampUrl: options.timestampUrl,
  })
}

function write(name: string, bytes: Buffer) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-council-pki-'))
  for (const kind of ['rsa', 'p256'] as const) {
    const pki = makePki(path.join(dir, kind), kind)
    pkis[kind] = { pki, leaf: pki.issueSigner(`Council Records Signing ${kind}`), nss: nssDatabaseTrusting(path.join(dir, `nss-${kind}`), pki.rootPem) }
  }
  tsa = await startTestTsa(pkis.rsa.pki)
  unsigned = await renderDecisionRecord(visa)
}, 120_000)

afterAll(async () => {
  await tsa?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe.each(['rsa', 'p256'] as const)('a record signed through a three-level %s chain', (kind) => {
  let signed: Buffer
  let file: string
  beforeAll(async () => {
    signed = await sign(configFor(pkis[kind].leaf))
    file = write(`${kind}.pdf`, signed)
  })

  it('is valid, whole and trusted for pdfsig with only the root in NSS', () => {
    const report = pdfsig(file, pkis[kind].nss)
    expect(report).toContain('Signature Validation: Signature is Valid.')
    expect(report).toContain('Total document signed')
    expect(report).toContain('Certificate Validation: Certificate is Trusted.')
    expect(report).toContain(`Signer Certificate Common Name: Council Records Signing ${kind}`)
  })

  it('verifies with openssl cms over the signed byte ranges, trusting only the root', () => {
    const result = opensslCmsVerify(dir, signed, pkis[kind].pki.rootFile)
    expect(result.output).toContain('Verification successful')
    expect(result.status).toBe(0)
    // And fails against another council's root.
    const other = kind === 'rsa' ? 'p256' : 'rsa'
    expect(opensslCmsVerify(dir, signed, pkis[other].pki.rootFile).status).not.toBe(0)
  })

  it('is accepted by the verify page’s check, with the chain built up to the root', async () => {
    const check = await checkPdfSignature(signed, await signingTrust(configFor(pkis[kind].leaf)))
    expect(check).toMatchObject({ intact: true, coversWholeFile: true, chainsToCa: true, certificateValidAtSigning: true, problem: null, timestamp: null })
    expect(check.chain).toEqual([`Council Records Signing ${kind}`, `Test Council Issuing CA (${kind})`, `Test Council Root CA (${kind})`])
  })
})

/** What the verify page prints for a file with this signature check (no record of ours has it). */
const verifyPageText = (check: SignatureCheck) =>
  renderToStaticMarkup(createElement(VerificationResult, { v: { sha256: '0'.repeat(64), signature: check, record: null, chain: null, data: null } }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')

/** What start-up logs for this configuration. */
async function atStart(config: SigningConfig) {
  const lines: string[] = []
  await reportSigningCertificate(config, (line) => lines.push(line))
  return lines.join('\n')
}

describe('the verify page’s check of a certificate it should not accept', () => {
  it('names a signer from another council’s chain', async () => {
    const signed = await sign(configFor(pkis.p256.leaf))
    const check = await checkPdfSignature(signed, await signingTrust(configFor(pkis.rsa.leaf)))
    expect(check).toMatchObject({ intact: true, chainsToCa: false })
    expect(check.problem).toMatch(
      /^The signer’s certificate is not from this service’s certificate authority\. The certificate “Council Records Signing p256” does not chain to the trusted root “Test Council Root CA \(rsa\)”/,
    )
    expect(verifyPageText(check)).toContain(`Not confirmed. ${check.problem}`)
    expect(await atStart(configFor(pkis.p256.leaf, { SIGNING_ROOT_PATH: pkis.rsa.pki.rootFile }))).toMatch(
      /^Warning: decision records cannot be signed\. The certificate “Council Records Signing p256” does not chain to the trusted root “Test Council Root CA \(rsa\)”/,
    )
  })

  it('names a signer whose certificate had expired when it signed', async () => {
    const expired = pkis.rsa.pki.issueSigner('Lapsed Signer', { startDate: new Date(Date.now() - 400 * DAY), endDate: new Date(Date.now() - 2 * DAY) })
    const signed = await sign(configFor(expired), { unchecked: true })
    const check = await checkPdfSignature(signed, await signingTrust(configFor(pkis.rsa.leaf)))
    expect(check).toMatchObject({ intact: true, chainsToCa: true, certificateValidAtSigning: false })
    expect(check.problem).toMatch(/^The signer’s certificate was not valid when the record was signed \(\d{4}-\d{2}-\d{2}\)\. The certificate “Lapsed Signer” expired on/)
    expect(verifyPageText(check)).toContain(`Not confirmed. ${check.problem}`)
    expect(await atStart(configFor(expired))).toMatch(/^Warning: decision records cannot be signed\. The certificate “Lapsed Signer” expired on \d{4}-\d{2}-\d{2}/)
  })

  it('names a signer revoked by its issuing CA’s CRL', async () => {
    const revoked = pkis.rsa.pki.issueSigner('Compromised Signer')
    const signed = await sign(configFor(revoked))
    pkis.rsa.pki.revoke(revoked)
    const crl = write('issuing.crl', Buffer.from(pkis.rsa.pki.crl()))
    const check = await checkPdfSignature(signed, await signingTrust(configFor(pkis.rsa.leaf, { SIGNING_CRL_PATH: crl })))
    expect(check).toMatchObject({ intact: true, chainsToCa: true, certificateValidAtSigning: false })
    expect(check.problem).toMatch(/The certificate “Compromised Signer” was revoked by “Test Council Issuing CA \(rsa\)” on \d{4}-\d{2}-\d{2} \(keyCompromise\)\.$/)
    expect(verifyPageText(check)).toContain(`Not confirmed. ${check.problem}`)
    expect(await atStart(configFor(revoked, { SIGNING_CRL_PATH: crl }))).toMatch(
      /^Warning: decision records cannot be signed\. The certificate “Compromised Signer” was revoked by “Test Council Issuing CA \(rsa\)” on \d{4}-\d{2}-\d{2} \(keyCompromise\)/,
    )
  })
})

describe('trusted time (PAdES B-T) from a real RFC 3161 authority', () => {
  let signed: Buffer
  let signedAt: Date
  beforeAll(async () => {
    signedAt = new Date()
    signed = await sign(configFor(pkis.rsa.leaf), { timestampUrl: tsa.url })
    write('timestamped.pdf', signed)
  })

  it('carries a token that openssl ts verifies, whose imprint is the signature value’s hash, and reports its time', () => {
    expect(tsa.served()).toBeGreaterThanOrEqual(1)
    const { verify, time } = opensslTimestampVerify(dir, signed, pkis.rsa.pki.rootFile, tsa.chainFile)
    expect(verify.output).toContain('Verification: OK')
    expect(verify.status).toBe(0)
    expect(time).not.toBeNull()
    expect(Math.abs(time!.getTime() - signedAt.getTime())).toBeLessThan(5 * 60_000)
  })

  it('is still a valid, whole signature for pdfsig and openssl cms', () => {
    const report = pdfsig(write('timestamped-check.pdf', signed), pkis.rsa.nss)
    expect(report).toContain('Signature Validation: Signature is Valid.')
    expect(report).toContain('Total document signed')
    expect(opensslCmsVerify(dir, signed, pkis.rsa.pki.rootFile).status).toBe(0)
  })

  it('shows on the verify page’s check, with the authority’s time as the signing time', async () => {
    const check = await checkPdfSignature(signed, await signingTrust(configFor(pkis.rsa.leaf)))
    expect(check.problem).toBeNull()
    expect(check.timestamp).toMatchObject({ valid: true, authority: 'Test Council Timestamping' })
    expect(check.signingTime).toEqual(check.timestamp!.time)
  })

  it('vouches for this signature value only: openssl ts -verify fails against any other hash', () => {
    const { digest } = opensslTimestampVerify(dir, signed, pkis.rsa.pki.rootFile, tsa.chainFile)
    const wrongDigest = (digest[0] === '0' ? '1' : '0') + digest.slice(1)
    const tokenFile = path.join(dir, 'token.der')
    const result = spawnSync('openssl', ['ts', '-verify', '-digest', wrongDigest, '-in', tokenFile, '-token_in', '-CAfile', pkis.rsa.pki.rootFile, '-untrusted', tsa.chainFile], { encoding: 'utf8' })
    expect(result.status).not.toBe(0)
  })

  it('refuses to sign at all when the authority is down', async () => {
    const error = await sign(configFor(pkis.rsa.leaf), { timestampUrl: await deadTsaUrl() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimestampUnavailableError)
    expect((error as Error).message).toMatch(/^The timestamp authority at http:\/\/127\.0\.0\.1:\d+\/tsa \(SIGNING_TSA_URL\) did not give a timestamp: ECONNREFUSED\.$/)
  })
})

