import crypto from 'node:crypto'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { saveSsoConfig } from '#db/sso.server'
import { VISA_SERVICES_CASE } from '~/seed/demo-data'
import { seal } from '~/utils/secret-box.server'
import { CLIENT_SECRET_PURPOSE } from '~/utils/sso/client.server'
import { serviceDate } from '~/utils/calendar'
import { createProposal } from '~/workflow/create-proposal.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { reachDecision, visaApproval } from '~/workflow/scenarios/decision.server'
import { createDemoService } from '#tests/support/demo-service'
import { startIdentityProvider, type IdentityProvider } from '#tests/support/identity-provider'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * Single sign-on through a real OpenID provider (oidc-provider on 127.0.0.1)
 * and its own sign-in page: a newcomer's first sign-in makes them a member of
 * staff and tells the administrator; the chief librarian, signed in through
 * the provider, signs the visa-services decision by signing in there again.
 */

const PROVIDER = 'Fairhaven Entra ID'
const PEOPLE = [
  { sub: 'idp-chief', email: 'chief@fairhaven.example', name: 'Rhiannon Evans', password: 'chief at the provider' },
  { sub: 'idp-new', email: 'nia.newcomer@fairhaven.example', name: 'Nia Newcomer', password: 'newcomer at the provider' },
]
const client = { clientId: 'probity-fairhaven', clientSecret: crypto.randomBytes(16).toString('hex') }

let idp: IdentityProvider
beforeAll(async () => {
  idp = await startIdentityProvider(PEOPLE, PROVIDER)
})
afterAll(() => idp?.stop())

let proposalId = ''
/** The demo service with single sign-on, and the visa-services case taken to its decision, recorded and awaiting the chief librarian's signature. */
async function seed(db: Database, secret: string) {
  const settings = DEFAULT_ORGANISATION_SETTINGS
  const { org, person } = await createDemoService(db, settings)
  const chief = person('chief@fairhaven.example')
  const proposal = await db.transaction((tx) =>
    createProposal(tx, { ...VISA_SERVICES_CASE, organisationId: org.id, proposerId: chief.id }, settings),
  )
  await reachDecision(db, {
    proposal,
    chief,
    reviewers: [person('reviewer@fairhaven.example'), person('reviewer2@fairhaven.example')],
    staff: [person('staff@fairhaven.example'), person('staff2@fairhaven.example')],
    secret,
  })
  const recorded = await recordDecision(db, { user: chief, proposalId: proposal.id, values: await visaApproval(db, proposal, serviceDate(new Date())) })
  if (!recorded.ok) throw new Error(recorded.message)
  proposalId = proposal.id
  await saveSsoConfig(
    db,
    org.id,
    {
      providerName: PROVIDER,
      issuer: idp.issuer,
      clientId: client.clientId,
      clientSecretSealed: seal(secret, CLIENT_SECRET_PURPOSE, client.clientSecret),
      allowedDomains: ['fairhaven.example'],
      defaultRole: 'staff',
      enabled: true,
      passwordsOff: false,
    },
    new Date(),
  )
}

const { server } = setupSeededServer('sso', seed)
beforeAll(() => idp.register({ ...client, redirectUri: `${server().url}/auth/sso/callback` }))
const browser = setupBrowser(() => server().url)

/** At the provider's own sign-in page (the address is filled in when Probity sent a login_hint). */
async function signInAtProvider(page: Page, email: string, password: string) {
  await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`))
  await page.getByLabel('Account password').waitFor()
  await checkA11y(page)
  await page.getByLabel('Account e-mail').fill(email)
  await page.getByLabel('Account password').fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL((url) => url.href.startsWith(server().url))
  await checkA11y(page)
}

it('a newcomer’s first sign-in through the provider makes them a member of staff, and the administrator is told', async () => {
  const page = await browser.newPage()
  await visit(page, '/login')
  await page.getByLabel('Work e-mail (single sign-on)').fill('nia.newcomer@fairhaven.example')
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click()
  await signInAtProvider(page, 'nia.newcomer@fairhaven.example', 'newcomer at the provider')
  await page.getByText('Signed in as').waitFor()
  expect(await page.locator('header').getByText('Nia Newcomer').count()).toBe(1)
  expect(idp.signIns.map((s) => s.email)).toContain('nia.newcomer@fairhaven.example')
  await signOut(page)

  await signIn(page, 'admin@fairhaven.example')
  await visit(page, '/notifications')
  await page.getByText('New person by single sign-on: Nia Newcomer', { exact: true }).waitFor()
  expect(await page.getByText(/signed in with Fairhaven Entra ID for the first time and was given the role Staff/).count()).toBe(1)
  await visit(page, '/admin/users')
  const row = page.getByRole('row', { name: /Nia Newcomer/ })
  expect(await row.textContent()).toContain('Staff')
}, 120_000)

it('the chief librarian, signed in through the provider, signs the decision by signing in there again', async () => {
  const page = await browser.newPage()
  await visit(page, '/login?service=fairhaven')
  await page.getByRole('button', { name: `Sign in with ${PROVIDER}` }).click()
  await signInAtProvider(page, 'chief@fairhaven.example', 'chief at the provider')
  await page.getByText('Signed in as').waitFor()

  await visit(page, `/proposals/${proposalId}/decision`)
  await page.getByRole('heading', { name: 'Decision awaiting signature' }).waitFor()
  // No password to type: the provider is asked for a fresh sign-in instead.
  expect(await page.getByLabel('Your password').count()).toBe(0)
  const before = idp.signIns.length
  await page.getByRole('button', { name: 'Sign the decision' }).click()
  await signInAtProvider(page, 'chief@fairhaven.example', 'chief at the provider')
  expect(idp.signIns.length).toBe(before + 1)
  await page.getByRole('heading', { name: 'Signed decisions' }).waitFor()
  await checkA11y(page)
  expect(await page.getByText(/Signed by Rhiannon Evans, Chief librarian/).count()).toBe(1)

  // The audit trail records how the signatory proved it was them.
  await visit(page, `/proposals/${proposalId}`)
  await page.getByText(`Decision signed as chief librarian, after signing in again at ${PROVIDER} (single sign-on).`, { exact: false }).waitFor()
}, 180_000)
