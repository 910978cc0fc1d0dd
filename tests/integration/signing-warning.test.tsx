import fs from 'node:fs'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loader as homeLoader } from '~/routes/_index'
import { loader as settingsLoader } from '~/routes/admin.settings'
import { SigningCertificateWarning } from '~/signing/certificate-warning'
import { makePki, type Leaf } from '#tests/support/pki'
import { deadTsaUrl } from '#tests/support/tsa-server'
import { createOrganisation, createUser, makeRequest, sessionCookieFor } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'

const app = setupTestApp()

let adminCookie: string
let chiefCookie: string
let expiredP12: string
let expiredPassphrase: string
let good: Leaf
let revoked: Leaf
let crlFile: string
let otherRoot: string
let deadTsa: string

beforeAll(async () => {
  const { db } = app().database
  const org = await createOrganisation(db)
  adminCookie = await sessionCookieFor(db, (await createUser(db, org.id, ['admin'])).id)
  chiefCookie = await sessionCookieFor(db, (await createUser(db, org.id, ['chief_librarian'])).id)
  // A council PKI made with openssl: root → issuing CA → signing certificates.
  const pki = makePki(path.join(app().config.dataDir, 'pki'), 'rsa')
  const day = 24 * 3600_000
  const expired = pki.issueSigner('Expired Signer', { startDate: new Date(Date.now() - 400 * day), endDate: new Date(Date.now() - 30 * day) })
  expiredP12 = expired.p12
  expiredPassphrase = expired.passphrase
  good = pki.issueSigner('Council Records Signing')
  revoked = pki.issueSigner('Revoked Signer')
  pki.revoke(revoked)
  crlFile = path.join(app().config.dataDir, 'issuing.crl')
  fs.writeFileSync(crlFile, pki.crl())
  otherRoot = makePki(path.join(app().config.dataDir, 'other-pki'), 'p256', 'Another Council').rootFile
  deadTsa = await deadTsaUrl()
}, 120_000)

afterEach(() => {
  app().config.SIGNING_P12_PATH = undefined
  app().config.SIGNING_P12_PASSPHRASE = undefined
  app().config.SIGNING_ROOT_PATH = undefined
  app().config.SIGNING_CRL_PATH = undefined
  app().config.SIGNING_TSA_URL = undefined
})

function configure(p12: string, passphrase: string) {
  app().config.SIGNING_P12_PATH = p12
  app().config.SIGNING_P12_PASSPHRASE = passphrase
}

const settings = async (cookie: string) =>
  (await settingsLoader({ request: makeRequest('/admin/settings', { cookie }), params: {}, context: {} })).signingProblem
const home = async (cookie: string) => (await homeLoader({ request: makeRequest('/', { cookie }), params: {}, context: {} })).signingProblem

const BROKEN: [what: string, set: () => void, expected: RegExp][] = [
  ['missing', () => configure(path.join(app().config.dataDir, 'nowhere.p12'), 'x'), /SIGNING_P12_PATH names .*nowhere\.p12, which does not exist/],
  [
    'unreadable',
    () => {
      const junk = path.join(app().config.dataDir, 'junk.p12')
      fs.writeFileSync(junk, 'not a certificate')
      configure(junk, 'x')
    },
    /junk\.p12 is not a readable PKCS#12/,
  ],
  ['wrong passphrase', () => configure(expiredP12, 'hunter2-wrong'), /passphrase does not open the signing certificate/],
  ['expired', () => configure(expiredP12, expiredPassphrase), /The certificate “Expired Signer” expired on \d{4}-\d{2}-\d{2}/],
  [
    'from another chain',
    () => {
      configure(good.p12, good.passphrase)
      app().config.SIGNING_ROOT_PATH = otherRoot
    },
    /“Council Records Signing” does not chain to the trusted root “Another Council Root CA \(p256\)”/,
  ],
  [
    'revoked',
    () => {
      configure(revoked.p12, revoked.passphrase)
      app().config.SIGNING_CRL_PATH = crlFile
    },
    /“Revoked Signer” was revoked by “Test Council Issuing CA \(rsa\)”/,
  ],
  [
    'usable but the timestamp authority is down',
    () => {
      configure(good.p12, good.passphrase)
      app().config.SIGNING_TSA_URL = deadTsa
    },
    /The timestamp authority at http:\/\/127\.0\.0\.1:\d+\/tsa \(SIGNING_TSA_URL\) did not give a timestamp: ECONNREFUSED/,
  ],
]

describe('the signing certificate warning for administrators', () => {
  it('is absent while the certificate is usable', async () => {
    expect(await settings(adminCookie)).toBeNull()
    expect(await home(adminCookie)).toBeNull()
    expect(renderToStaticMarkup(SigningCertificateWarning({ problem: null }) ?? <></>)).toBe('')
  })

  for (const [what, set, expected] of BROKEN) {
    it(`names the problem on the admin home and settings pages when the certificate is ${what}`, async () => {
      set()
      const onSettings = await settings(adminCookie)
      const onHome = await home(adminCookie)
      expect(onSettings).toMatch(expected)
      expect(onHome).toBe(onSettings)
      expect(onSettings).not.toContain('hunter2')
      const html = renderToStaticMarkup(<SigningCertificateWarning problem={onSettings} />)
      expect(html).toContain('Decision records cannot be signed')
      expect(html).toContain('the last signature of any decision is refused')
      // People who are not administrators are not shown file paths or configuration.
      expect(await home(chiefCookie)).toBeNull()
    })
  }

  it('clears once the configuration is fixed, without a restart', async () => {
    configure(expiredP12, 'hunter2-wrong')
    expect(await settings(adminCookie)).not.toBeNull()
    app().config.SIGNING_P12_PATH = undefined
    expect(await settings(adminCookie)).toBeNull()
  })
})
