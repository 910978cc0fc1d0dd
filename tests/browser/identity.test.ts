import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setupBrowser } from './support/browser'
import { linkFromOutbox } from './support/outbox'
import { checkA11y, signIn, signOut, visit } from './support/pages'
import { setupServer, startServer } from './support/server'

// From an empty install (SEED_DEMO=false) to people at work, as the README tells it.
const server = setupServer({ env: { SEED_DEMO: 'false' } })
const browser = setupBrowser(() => server().url)

const ADMIN = { name: 'Gwen Pritchard', email: 'gwen@valeoflibraries.example', password: 'vale libraries first admin' }
const CHIEF = { name: 'Owain Price', email: 'owain@valeoflibraries.example', password: 'owain chooses his own' }

async function setPassword(page: Page, linkPath: string, password: string) {
  await visit(page, linkPath)
  await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor()
  await page.waitForLoadState('networkidle')
  await page.getByLabel('New password').fill(password)
  await page.getByRole('button', { name: 'Set password' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await checkA11y(page)
}

function csvOf(count: number, bad?: { index: number; email: string }) {
  const lines = ['Full name;E-mail address;Roles']
  for (let i = 1; i <= count; i++) {
    const email = bad?.index === i ? bad.email : `person${i}@valeoflibraries.example`
    lines.push(`Person ${i};${email};${i % 50 === 0 ? 'Ethics reviewer, Staff' : 'Staff'}`)
  }
  // A spreadsheet's "CSV UTF-8" export: with a byte-order mark.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')])
}

async function uploadCsv(page: Page, bytes: Buffer) {
  await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: bytes })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('heading', { name: 'Preview: nothing has been saved' }).waitFor()
  await checkA11y(page)
}

describe('from an empty install to a library service at work', () => {
  it('the first-run page, with the token from the log, creates the service and its administrator, who invites a chief librarian', async () => {
    const token = /one-time setup token: (\S+)/.exec(server().output())?.[1]
    expect(token).toBeDefined()
    const page = await browser.newPage()
    await visit(page, '/setup')
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Setup token').fill('not-the-token')
    await page.getByLabel('Library service’s name').fill('Vale Libraries')
    await page.getByLabel('Your full name').fill(ADMIN.name)
    await page.getByLabel('Your e-mail address').fill(ADMIN.email)
    await page.getByLabel('Choose a password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create the library service' }).click()
    await page.getByText('That is not the setup token').waitFor()
    await checkA11y(page)
    await page.getByLabel('Setup token').fill(token!)
    await page.getByLabel('Choose a password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create the library service' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await checkA11y(page)
    expect(await page.getByText('Vale Libraries').first().isVisible()).toBe(true)
    // Once there is a service, the first-run page is gone.
    expect((await fetch(`${server().url}/setup`)).status).toBe(404)

    await visit(page, '/admin/users/new')
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Full name').fill(CHIEF.name)
    await page.getByLabel('E-mail address').fill(CHIEF.email)
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Chief librarian').check()
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByRole('heading', { level: 1, name: CHIEF.name }).waitFor()
    await checkA11y(page)
    expect(await page.getByText('Invited', { exact: true }).isVisible()).toBe(true)
    const link = await linkFromOutbox(page, CHIEF.email)
    await signOut(page)

    await setPassword(page, link, CHIEF.password)
    await signIn(page, CHIEF.email, CHIEF.password)
    expect(await page.getByText(`Signed in as ${CHIEF.name}`).isVisible()).toBe(true)
    await signOut(page)
    // The link worked once.
    await visit(page, link, { status: 410 })
    expect(await page.getByText('This link has already been used').isVisible()).toBe(true)
  }, 180_000)

  it('CSV import of 300 people: one bad row named in the preview and nothing created; fixed, 300 invited; the same file again invites nobody twice', async () => {
    const page = await browser.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
    await visit(page, '/admin/users/import')
    await uploadCsv(page, csvOf(300, { index: 137, email: 'person137@@valeoflibraries' }))
    // Row 138 of the sheet: the header is row 1.
    expect(await page.getByRole('alert').textContent()).toContain('Row 138: “person137@@valeoflibraries” is not an e-mail address.')
    expect(await page.getByRole('button', { name: /^Invite/ }).count()).toBe(0)
    await visit(page, '/admin/users')
    expect(await page.getByRole('cell', { name: 'person1@valeoflibraries.example' }).count()).toBe(0)

    await visit(page, '/admin/users/import')
    await uploadCsv(page, csvOf(300))
    await page.getByRole('button', { name: 'Invite 300 people' }).click()
    await page.getByText('300 people invited.').waitFor()
    await checkA11y(page)
    await visit(page, '/admin/users')
    expect(await page.getByRole('cell', { name: 'Invited', exact: true }).count()).toBe(300)

    await visit(page, '/admin/users/import')
    await uploadCsv(page, csvOf(300))
    expect(await page.getByText('Everyone in this file is already a member').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /^Invite/ }).count()).toBe(0)
    await visit(page, '/admin/users')
    expect(await page.getByRole('cell', { name: 'Invited', exact: true }).count()).toBe(300)
  }, 300_000)

  it('forgotten password end to end; a known and an unknown address get the same answer', async () => {
    const answer = async (email: string) => {
      const response = await fetch(`${server().url}/forgot-password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server().url },
        body: new URLSearchParams({ email }),
      })
      // Each page carries its own CSP nonce; everything else must match.
      return { status: response.status, body: (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""') }
    }
    const known = await answer(CHIEF.email)
    const unknown = await answer('nobody-here@valeoflibraries.example')
    expect(known.status).toBe(200)
    expect(unknown).toEqual(known)

    const page = await browser.newPage()
    await visit(page, '/login')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.waitForURL('**/forgot-password')
    await checkA11y(page)
    await page.waitForLoadState('networkidle')
    await page.getByLabel('E-mail address').fill(CHIEF.email)
    await page.getByRole('button', { name: 'Send me a link' }).click()
    await page.getByText('If that address belongs to an account').waitFor()
    await checkA11y(page)

    await signIn(page, ADMIN.email, ADMIN.password)
    const link = await linkFromOutbox(page, CHIEF.email)
    await signOut(page)
    await setPassword(page, link, 'owain resets his password')
    expect(await page.getByText('You have been signed out everywhere').isVisible()).toBe(true)
    await signIn(page, CHIEF.email, 'owain resets his password')
    await signOut(page)
    await visit(page, '/set-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { status: 404 })
    expect(await page.getByRole('link', { name: 'ask for a new link to reset it' }).isVisible()).toBe(true)
  }, 180_000)
})

describe('a library service made with the command line', () => {
  it('`npm run probity -- service create` on the server’s data prints a link with which the administrator sets a password and signs in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-cli-'))
    const cli = spawnSync(
      process.execPath,
      ['scripts/probity.mjs', 'service', 'create', '--name', 'Harbour Libraries', '--admin-email', 'mara@harbour.example', '--admin-name', 'Mara Quinn'],
      { cwd: path.resolve(import.meta.dirname, '../..'), env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATA_DIR: dataDir, SEED_DEMO: 'false' }, encoding: 'utf8' as const },
    )
    expect(cli.status, cli.stderr).toBe(0)
    const link = /\/set-password\/[A-Za-z0-9_-]{43}/.exec(cli.stdout)?.[0]
    expect(link).toBeDefined()
    const cliServer = await startServer({ dataDir, env: { SEED_DEMO: 'false' } })
    try {
      // A service exists: no setup token, no first-run page.
      expect(cliServer.output()).not.toContain('setup token')
      const page = await browser.newPage()
      await page.goto(`${cliServer.url}${link}`)
      await checkA11y(page)
      await page.waitForLoadState('networkidle')
      await page.getByLabel('New password').fill('harbour admin password')
      await page.getByRole('button', { name: 'Set password' }).click()
      await page.waitForURL((u) => u.pathname === '/login')
      await checkA11y(page)
      await page.getByLabel('E-mail address').fill('mara@harbour.example')
      await page.getByLabel('Password').fill('harbour admin password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((u) => u.pathname === '/')
      await checkA11y(page)
      expect(await page.getByText('Signed in as Mara Quinn').isVisible()).toBe(true)
    } finally {
      await cliServer.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 300_000)
})
