// Screenshots of what a phone user sees (320 CSS px wide, touch), for the
// README's accessibility section: the staff home, the form to raise a concern,
// the chief librarian's home and the decision page, on the demo service.
//
//   npm run build && npx tsx scripts/screenshots.ts [--out docs/screenshots]
//
// Starts the production server on a free 127.0.0.1 port over a throwaway data
// directory with the demo proposals at every stage, and stops it afterwards.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { DEMO_PASSWORD } from '~/seed/demo-data'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } })
const out = path.resolve(values.out)
const PHONE = { width: 320, height: 640 }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function startServer() {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-screenshots-'))
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SEED_DEMO_STAGES: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => {
    child.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  for (let waited = 0; waited < 300_000; waited += 500) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`)
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (healthy) return { url, stop }
    await new Promise((r) => setTimeout(r, 500))
  }
  stop()
  throw new Error('The server did not start within 5 minutes')
}

async function signIn(page: Page, email: string) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.waitForLoadState('networkidle')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  await page.waitForLoadState('networkidle')
}

/** Two phone screens' worth from `top` down (the top of the page by default). */
async function shoot(page: Page, name: string, top = 0) {
  const file = path.join(out, `${name}.png`)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const y = Math.max(0, Math.min(top, height - PHONE.height * 2))
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width: PHONE.width, height: Math.min(PHONE.height * 2, height - y) } })
  console.log(`${path.relative(process.cwd(), file)}: ${Math.round(fs.statSync(file).size / 1024)} KB`)
}

const server = await startServer()
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
})
try {
  fs.mkdirSync(out, { recursive: true })
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: PHONE,
    screen: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    locale: 'en-GB',
  })
  const page = await context.newPage()

  await signIn(page, 'chief@fairhaven.example')
  await shoot(page, 'chief-home')
  const proposal = async (title: string) => {
    await page.goto('/proposals')
    await page.getByRole('link', { name: title }).click()
    await page.waitForURL(/\/proposals\/[^/]+$/)
    return new URL(page.url()).pathname
  }
  await page.goto(`${await proposal('CCTV and body-worn cameras for library security staff')}/decision`)
  await page.waitForLoadState('networkidle')
  await shoot(page, 'decision')

  // The demo has no staff consultation open: the chief librarian opens one, as a chief would.
  await page.goto(`${await proposal('Police drop-in surgeries in branch libraries')}/consultation/staff`)
  await page.waitForLoadState('networkidle')
  await page.getByLabel('Summary for staff').fill('Fortnightly police surgeries in three branches: tell us what worries you.')
  await page.getByRole('button', { name: 'Open the consultation and notify staff' }).click()
  await page.waitForURL(/\/consultation$/)

  await signIn(page, 'staff@fairhaven.example')
  await shoot(page, 'staff-home')
  await page.getByRole('link', { name: 'Police drop-in surgeries in branch libraries' }).first().click()
  await page.waitForURL(/\/consultation$/)
  await page.waitForLoadState('networkidle')
  const form = page.getByLabel('What is your concern about?').locator('xpath=ancestor::form')
  const formTop = await form.evaluate((element) => element.getBoundingClientRect().top + window.scrollY)
  await shoot(page, 'raise-concern', formTop - 80)
} finally {
  await browser.close()
  server.stop()
}
