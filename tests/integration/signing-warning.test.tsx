import fs from 'node:fs'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loader as homeLoader } from '~/routes/_index'
import { loader as settingsLoader } from '~/routes/admin.settings'
import { SigningCertificateWarning } from '~/signing/certificate-warning'
import { generateIdentity } from '~/signing/certificates.server'
import { createOrganisation, createUser, makeRequest, sessionCookieFor } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'

const app = setupTestApp()

let adminCookie: string
let chiefCookie: string
let expiredP12: string
let expiredPassphrase: string

beforeAll(async () => {
  const { db } = app().database
  const org = await createOrganisation(db)
  adminCookie = await sessionCookieFor(db, (await createUser(db, org.id, ['admin'])).id)
  chiefCookie = await sessionCookieFor(db, (await createUser(db, org.id, ['chief_librarian'])).id)
  // Issued twelve years ago: the signing certificate ran for nine, so it has expired.
  const old = generateIdentity('records.example.org', new Date(Date.now() - 12 * 365 * 24 * 3600_000))
  expiredP12 = path.join(app().config.dataDir, 'expired.p12')
  fs.writeFileSync(expiredP12, old.p12)
  expiredPassphrase = String(old.passphrase)
}, 120_000)

afterEach(() => {
  app().config.SIGNING_P12_PATH = undefined
  app().config.SIGNING_P12_PASSPHRASE = undefined
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
  ['expired', () => configure(expiredP12, expiredPassphrase), /The signing certificate expired on \d{4}-\d{2}-\d{2}/],
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
