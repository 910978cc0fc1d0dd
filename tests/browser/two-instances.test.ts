import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openPostgres } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS } from '#db/schema'
import { DEMO_PASSWORD, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { createProposal } from '~/workflow/create-proposal.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { reachDecision } from '#tests/support/decision'
import { createDemoService } from '#tests/support/demo-service'
import { pdfBytes } from '#tests/support/documents'
import { makePki } from '#tests/support/pki'
import { pdfsig } from '#tests/support/poppler'
import { launchBrowser, type Browser } from './support/browser'
import { postgresServer, type PostgresServer } from './support/postgres'
import { startServer, type RunningServer } from './support/server'

// Two instances on one PostgreSQL, each with its own DATA_DIR and nothing
// else shared but the configuration a load balancer's instances share
// (SESSION_SECRET, the signing certificate, DATABASE_URL): a paper attached
// through one downloads from the other, and a record signed on one downloads
// from the other and verifies there (docs/decisions/021-files-in-the-database.md).

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-two-'))
let pg: PostgresServer
let admin: postgres.Sql
const database = `two_instances_${process.pid}`
let servers: RunningServer[] = []
let browsers: Browser[] = []
let draftId = ''
let decidingId = ''

beforeAll(async () => {
  pg = postgresServer()
  admin = postgres(pg.url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${database}`)
  const url = new URL(pg.url)
  url.pathname = `/${database}`
  const handle = await openPostgres(url.toString(), { max: 2 })
  try {
    const { db } = handle
    const settings = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: false }
    const { org, person } = await createDemoService(db, settings)
    const chief = person('chief@fairhaven.example')
    const create = (title: string, reference: string) =>
      db.transaction((tx) => createProposal(tx, { ...VISA_SERVICES_CASE, title, reference, organisationId: org.id, proposerId: chief.id }, settings))
    draftId = (await create('Papers shared between instances', 'FH-2026-101')).id
    const deciding = await create(VISA_SERVICES_CASE.title, 'FH-2026-102')
    decidingId = deciding.id
    await reachDecision(db, {
      proposal: deciding,
      chief,
      reviewers: [person('reviewer@fairhaven.example'), person('reviewer2@fairhaven.example')],
      staff: [person('staff@fairhaven.example'), person('staff2@fairhaven.example')],
      secret: 'two-instances',
    })
    const decided = await recordDecision(db, {
      user: chief,
      proposalId: deciding.id,
      values: { outcome: 'reject', rationale: 'The risk to vulnerable users is too high.', conditions: [], overrides: [], dissent: [] },
    })
    if (!decided.ok) throw new Error(decided.message)
  } finally {
    await handle.close()
  }
  // One signing certificate for the service, issued by a council CA and configured on both, as in production.
  const signer = makePki(path.join(work, 'pki'), 'rsa').issueSigner('Council Records')
  const env = {
    DATABASE_URL: url.toString(),
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    SIGNING_P12_PATH: signer.p12,
    SIGNING_P12_PASSPHRASE: signer.passphrase,
    SEED_DEMO: 'false',
  }
  // Started one after the other: the second finds the migrations done.
  for (let i = 0; i < 2; i++) {
    const server = await startServer({ env })
    servers.push(server)
    browsers.push(await launchBrowser(server.url))
    expect(server.dataDir).toContain('probity-browser-')
  }
  expect(servers[0]!.dataDir).not.toBe(servers[1]!.dataDir)
}, 600_000)

afterAll(async () => {
  for (const b of browsers) await b.close()
  for (const s of servers) await s.stop()
  browsers = []
  servers = []
  await admin?.unsafe(`drop database if exists ${database} with (force)`)
  await admin?.end()
  pg?.stop()
  fs.rmSync(work, { recursive: true, force: true })
})

async function signedIn(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto('/login')
  await page.waitForLoadState('networkidle')
  await page.getByLabel('E-mail address').fill('chief@fairhaven.example')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => u.pathname !== '/login')
  return page
}

async function download(page: Page, link: ReturnType<Page['getByRole']>, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  const target = path.join(work, name)
  await file.saveAs(target)
  return target
}

it('serves a paper attached on one instance from the other, and a record signed on one verifies on the other', { timeout: 600_000 }, async () => {
  const [a, b] = [await signedIn(browsers[0]!), await signedIn(browsers[1]!)]
  const paper = pdfBytes(`Heads of terms ${crypto.randomUUID()}`)
  const paperFile = path.join(work, 'Heads of terms.pdf')
  fs.writeFileSync(paperFile, paper)

  await a.goto(`/proposals/${draftId}/edit`)
  await a.waitForLoadState('networkidle')
  await a.getByLabel('Attach a paper').setInputFiles(paperFile)
  await a.getByRole('button', { name: 'Attach', exact: true }).click()
  await a.getByRole('link', { name: 'Heads of terms.pdf' }).waitFor()

  await b.goto(`/proposals/${draftId}/edit`)
  const fromB = await download(b, b.getByRole('link', { name: 'Heads of terms.pdf' }), 'from-b.pdf')
  expect(fs.readFileSync(fromB).equals(paper)).toBe(true)

  await a.goto(`/proposals/${decidingId}/decision`)
  await a.waitForLoadState('networkidle')
  await a.getByLabel('Your password').fill(DEMO_PASSWORD)
  await a.getByRole('button', { name: 'Sign the decision' }).click()
  await a.getByRole('heading', { name: 'Signed decisions' }).waitFor()

  await b.goto(`/proposals/${decidingId}/decision`)
  const record = await download(b, b.getByRole('link', { name: /^Download record .* \(PDF\)$/ }), 'record-from-b.pdf')
  expect(pdfsig(record)).toContain('Signature Validation: Signature is Valid.')
  await b.goto('/verify')
  await b.waitForLoadState('networkidle')
  await b.getByLabel('Decision record (PDF)').setInputFiles(record)
  await b.getByRole('button', { name: 'Check the record' }).click()
  await b.getByText('Authentic.').waitFor()
  expect(await b.locator('.verify-result').textContent()).toMatch(/Verifies\./)
})
