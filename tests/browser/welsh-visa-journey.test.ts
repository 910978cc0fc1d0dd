import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPglite } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, users } from '#db/schema'
import { DEMO_PASSWORD, DEMO_USERS, VISA_SERVICES_CASE } from '~/seed/demo-data'
import { releaseDueContributions } from '~/workflow/consultation/release-anonymous.server'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { createDemoService } from '#tests/support/demo-service'
import { nssDatabaseTrusting, pdfsig, pdftotext } from '#tests/support/poppler'
import { allowConsoleErrors, setupBrowser } from './support/browser'
import { checkA11y } from './support/pages'
import { startServer, type RunningServer } from './support/server'
import {
  checkWelsh,
  chooseWelshCookie,
  cyT,
  describeLeaks,
  signInWelsh,
  signOutWelsh,
  visitWelsh,
  type WelshCheck,
} from './support/welsh'

/**
 * Issue 19's end-to-end check: the visa-services case run through every
 * stage by people who chose Welsh, in a service an administrator has set to
 * work in both languages. Every page is checked as Welsh (lang="cy", axe
 * clean, no text of the English catalogue left); the signed record is
 * bilingual and verifies; the verify page and the public register read in
 * Welsh. The staff consultation can only complete after its closing date,
 * so the flow's second half runs on a server over the same data with its
 * clock moved past it (as consultation.test.ts does), after the release job
 * has run in this process (PGlite belongs to one process).
 */

const ADMIN = 'admin@fairhaven.example'
const CHIEF = 'chief@fairhaven.example' // Rhiannon Evans
const SAM = 'reviewer@fairhaven.example'
const ZOE = 'reviewer2@fairhaven.example'
const BETHAN = 'staff2@fairhaven.example' // raises the anonymous concern
const MIN_DAYS = DEFAULT_ORGANISATION_SETTINGS.minConsultationDays
const LONG = 300_000

// What people type. The title and summary are given in both languages, as the intake form allows.
const TITLE = VISA_SERVICES_CASE.title
const TITLE_CY = 'Cymorth biometrig i geisiadau am fisâu yn llyfrgelloedd y canghennau'
const SUMMARY = 'Host biometric enrolment appointments for visa and immigration applicants at three branches.'
const SUMMARY_CY = 'Cynnal apwyntiadau cofrestru biometrig i bobl sy’n gwneud cais am fisâu a mewnfudo mewn tair cangen.'
const RECOMMENDATION = 'Ymgynghori’n agored â’r staff yr effeithir arnynt cyn lansio.'
const CONCERN = 'Ni fyddai rhai cydweithwyr yn teimlo’n ddiogel yn gweithio wrth ymyl y gwasanaeth hwn.'
const RESPONSE = 'Ni fydd gofyn i unrhyw aelod o staff weithio yn y bwth nac wrth ei ymyl; mae’r rotâu yn wirfoddol.'
const RESPONSE_CONDITION = 'Rotâu gwirfoddol yn unig ar gyfer y bwth.'
const RATIONALE = 'Angen lleol go iawn, wedi’i ddiwallu gyda’r mesurau diogelu y gofynnodd y staff a CILIP amdanynt.'

/** Every text of the default rubric: its administrator's content, in English here. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []
const rubricText = strings(DEFAULT_RUBRIC)

const check: WelshCheck = {
  // Typed by people, or seeded as content (names, the rubric the administrator keeps), in English.
  typed: [
    TITLE,
    SUMMARY,
    VISA_SERVICES_CASE.partner,
    VISA_SERVICES_CASE.contractor,
    ...DEMO_USERS.map((u) => u.name),
    ...rubricText.filter((t) => t.length > 3),
  ],
  leaks: [],
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-welsh-journey-'))
let server: RunningServer | undefined
let proposalPath = ''
let recordFile = ''

beforeAll(async () => {
  const handle = await openPglite(path.join(dataDir, 'pglite'))
  try {
    const db = handle.db
    // English only, as every service starts; the administrator turns Welsh on below. No union is
    // recognised and one signature suffices: this flow is about the language, not those steps.
    await createDemoService(db, { ...DEFAULT_ORGANISATION_SETTINGS, unionRecognised: false })
    // Everyone in this service chose Welsh (the header's switch saves the choice; here, beforehand).
    await db.update(users).set({ preferredLanguage: 'cy' })
  } finally {
    await handle.close()
  }
  server = await startServer({ dataDir, env: { SEED_DEMO: 'false' } })
}, 300_000)

afterAll(async () => {
  await server?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  if (check.leaks.length > 0) console.log(`English left on Welsh pages:\n  ${describeLeaks(check.leaks).join('\n  ')}`)
})

/**
 * Pages where React found the browser's render of the Welsh page different from the server's
 * (errors #418/#425: text that did not match, typically a date formatted differently in the browser).
 */
const hydrationMismatches = new Set<string>()

/** A fresh page whose visitor chose Cymraeg: signed out, pages are in Welsh. */
async function welshPage(browser: { newPage: () => Promise<Page> }) {
  const page = await browser.newPage()
  await chooseWelshCookie(page, server!.url)
  // Noted per page and judged at the end, so that the journey goes on and the report names every page.
  const mismatch = /Minified React error #(418|423|425)/
  allowConsoleErrors(page, mismatch)
  const note = (text: string) => {
    if (mismatch.test(text)) hydrationMismatches.add(new URL(page.url()).pathname)
  }
  page.on('console', (message) => note(message.text()))
  page.on('pageerror', (error) => note(error.message))
  return page
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await checkWelsh(page, check)
}

/** Likelihood 1, impact 2 (low) before and after mitigation on every criterion; "Ie" to every privacy item. */
async function scoreLow(page: Page) {
  for (const c of DEFAULT_RUBRIC.criteria) {
    const group = page.getByRole('group', { name: c.name, exact: true })
    await group.getByLabel(cyT('screening:review.likelihood'), { exact: true }).selectOption('1')
    await group.getByLabel(cyT('screening:review.impact'), { exact: true }).selectOption('2')
    await group.getByLabel(cyT('screening:review.residualLikelihood')).selectOption('1')
    await group.getByLabel(cyT('screening:review.residualImpact')).selectOption('1')
  }
  for (const item of DEFAULT_RUBRIC.privacyItems) {
    const group = page.getByRole('group', { name: new RegExp(`^${item.question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    await group.getByRole('radio', { name: cyT('screening:review.privacyAnswer.yes'), exact: true }).check()
  }
}

describe('the visa-services case in Welsh, up to the staff consultation', () => {
  const browser = setupBrowser(() => server!.url)

  it(
    'the administrator offers Welsh and English and publishes the register; the chief librarian proposes the case in Welsh',
    async () => {
      const page = await welshPage(browser)
      // Signed out, the visitor's Welsh; signed in, the service's English only, until Welsh is offered.
      await visitWelsh(page, '/login', check)
      await page.getByLabel(cyT('auth:login.email')).fill(ADMIN)
      await page.getByLabel(cyT('auth:login.password'), { exact: true }).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: cyT('auth:login.submit'), exact: true }).click()
      await page.waitForURL((url) => url.pathname !== '/login')
      await checkA11y(page)
      expect(await page.locator('html').getAttribute('lang')).toBe('en-GB')
      await page.goto('/admin/settings')
      await checkA11y(page)
      await page.locator('input[name="languages"][value="both"]').check()
      await page.locator('input[name="publicRegister"]').check()
      await page.locator('main form button[type="submit"]').last().click()
      await page.waitForURL(/saved=1/)
      await settle(page)
      await signOutWelsh(page, check)

      await signInWelsh(page, CHIEF, check)
      await visitWelsh(page, '/proposals/new', check)
      await page.getByLabel(cyT('proposal:form.title'), { exact: true }).fill(TITLE)
      await page.getByLabel(cyT('proposal:form.titleCy'), { exact: true }).fill(TITLE_CY)
      await page.getByLabel(cyT('proposal:form.partner'), { exact: true }).fill(VISA_SERVICES_CASE.partner)
      await page.getByLabel(cyT('proposal:form.contractor')).fill(VISA_SERVICES_CASE.contractor)
      await page.getByLabel(cyT('proposal:form.summary'), { exact: true }).fill(SUMMARY)
      await page.getByLabel(cyT('proposal:form.summaryCy'), { exact: true }).fill(SUMMARY_CY)
      await page.getByLabel(cyT('proposal:form.serviceOffered')).fill('Olion bysedd a ffotograffau i ymgeiswyr am fisâu, drwy apwyntiad')
      await page.getByRole('radio', { name: cyT('vocabulary:deliveredBy.partner_staff') }).check()
      await page.getByLabel(cyT('proposal:form.sites')).fill('Llyfrgell Ganolog\nPorth y Gogledd\nGlan yr Harbwr')
      await page.getByLabel(cyT('proposal:form.startDate')).fill('2026-09-01')
      await page.getByLabel(cyT('proposal:form.income')).fill('£18,500 y flwyddyn')
      await page.getByLabel(cyT('proposal:form.costs')).fill('Lle i’r bwth a dwy awr o amser staff yr wythnos')
      await page.getByLabel(cyT('proposal:form.purpose')).fill('Mae’r incwm yn cadw’r llyfrgell ar agor ar ddydd Sadwrn.')
      const yes = cyT('proposal:form.yes')
      await page.getByRole('group', { name: cyT('proposal:form.personalData') }).getByRole('radio', { name: yes }).check()
      await page.getByRole('checkbox', { name: cyT('proposal:form.dataCategory.biometric') }).check()
      await page.getByRole('group', { name: cyT('proposal:form.sharedWithPartner') }).getByRole('radio', { name: yes }).check()
      await page.getByRole('group', { name: cyT('proposal:form.sharedWithGovernment') }).getByRole('radio', { name: yes }).check()
      await page.getByLabel(cyT('proposal:form.retention')).fill('Dan bolisi cadw’r Swyddfa Gartref')
      await page.getByLabel(cyT('proposal:form.processedWhere')).fill('Offer y contractwr, yna systemau’r Swyddfa Gartref')
      await page.getByLabel(cyT('proposal:form.userGroups')).fill('Ymgeiswyr am fisâu\nHoll ddefnyddwyr y tair cangen')
      await page.getByRole('checkbox', { name: cyT('vocabulary:vulnerableGroup.migrants') }).check()
      await page.getByRole('group', { name: cyT('proposal:form.priorEngagement') }).getByRole('radio', { name: cyT('proposal:form.no') }).check()
      await page.getByRole('checkbox', { name: 'Sam Patel' }).check()
      await page.getByRole('checkbox', { name: 'Zoë Müller' }).check()
      // A new proposal is saved as a draft first; then it can be submitted.
      await page.getByRole('button', { name: cyT('proposal:form.saveDraft') }).click()
      await page.waitForURL(/\/edit\?saved=1$/)
      await settle(page)
      await page.getByRole('button', { name: cyT('proposal:form.submit') }).click()
      await page.waitForURL(/\/proposals\/[0-9a-f-]+\/screening$/)
      await settle(page)
      proposalPath = new URL(page.url()).pathname.replace(/\/screening$/, '')
      await visitWelsh(page, proposalPath, check)
      // On a Welsh page the Welsh title comes first.
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE_CY)
      await signOutWelsh(page, check)
    },
    LONG,
  )

  it(
    'two reviewers declare no conflict and score the case; the chief librarian completes screening',
    async () => {
      const page = await welshPage(browser)
      for (const reviewer of [SAM, ZOE]) {
        await signInWelsh(page, reviewer, check)
        await visitWelsh(page, `${proposalPath}/screening`, check)
        await page.getByRole('radio', { name: cyT('screening:page.conflictNo') }).check()
        await page.getByRole('button', { name: cyT('screening:page.declare') }).click()
        await page.waitForURL(/\/screening\/review$/)
        await settle(page)
        await scoreLow(page)
        await page.getByRole('button', { name: cyT('screening:review.submit') }).click()
        await page.waitForURL((url) => url.pathname === `${proposalPath}/screening`)
        await settle(page)
        await signOutWelsh(page, check)
      }
      await signInWelsh(page, CHIEF, check)
      await visitWelsh(page, `${proposalPath}/screening`, check)
      await page.getByRole('button', { name: cyT('screening:page.complete') }).click()
      await page.getByRole('button', { name: cyT('screening:page.complete') }).waitFor({ state: 'detached' })
      await settle(page)
      await signOutWelsh(page, check)
    },
    LONG,
  )

  it(
    'the chief librarian records the CILIP consultation and opens the staff consultation; a member of staff raises a concern anonymously',
    async () => {
      const page = await welshPage(browser)
      await signInWelsh(page, CHIEF, check)
      await visitWelsh(page, `${proposalPath}/consultation`, check)
      await page.getByRole('link', { name: cyT('consultation:page.recordPb', { body: 'CILIP' }) }).click()
      await page.waitForURL(/professional-body$/)
      await settle(page)
      await page.getByLabel(cyT('consultation:pb.contact'), { exact: true }).fill('Tîm Polisi ac Eiriolaeth CILIP')
      await page.getByLabel(cyT('consultation:pb.sharedField')).fill('Crynodeb y cynnig, y contract drafft a chanlyniadau’r sgrinio.')
      await page.getByLabel(cyT('consultation:pb.deadline')).fill(new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10))
      await page.getByRole('button', { name: cyT('consultation:pb.requestSubmit') }).click()
      await page.getByRole('heading', { name: cyT('consultation:pb.responseFormHeading', { body: 'CILIP' }) }).waitFor()
      await settle(page)
      await page.getByLabel(cyT('consultation:pb.responseSummary')).fill('Mae CILIP yn gofyn am fod yn agored ac am fonitro.')
      await page.getByRole('button', { name: cyT('consultation:pb.addRecommendation') }).click()
      await page.getByLabel(cyT('consultation:pb.recommendation', { number: 1 }), { exact: true }).fill(RECOMMENDATION)
      await page.getByRole('button', { name: cyT('consultation:pb.responseSubmit') }).click()
      const answer = page.getByRole('article', { name: cyT('consultation:pb.recommendation', { number: 1 }) })
      await answer.waitFor()
      await settle(page)
      await answer.getByLabel(cyT('consultation:pb.accepted')).check()
      await answer.getByRole('button', { name: cyT('consultation:pb.answerSubmit', { number: 1 }) }).click()
      await page.getByText(cyT('consultation:pb.allAnswered')).waitFor()
      await settle(page)
      await page.getByRole('button', { name: cyT('consultation:pb.completeSubmit', { body: 'CILIP' }) }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)

      await page.getByRole('link', { name: cyT('consultation:page.manageStaff') }).click()
      await page.waitForURL(/consultation\/staff$/)
      await settle(page)
      await page.getByLabel(cyT('consultation:staff.summary')).fill('Mae’r gwasanaeth yn cynnig cynnal cofrestru biometrig ar gyfer fisâu mewn tair cangen. Dywedwch wrthym beth sy’n eich poeni.')
      await page.getByRole('button', { name: cyT('consultation:staff.openSubmit') }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)
      await signOutWelsh(page, check)

      await signInWelsh(page, BETHAN, check)
      await visitWelsh(page, `${proposalPath}/consultation`, check)
      await page.getByLabel(cyT('consultation:raise.category')).selectOption({ label: cyT('consultation:category.safety') })
      await page.getByLabel(cyT('consultation:raise.text'), { exact: true }).fill(CONCERN)
      await page.getByRole('radio', { name: cyT('consultation:raise.anonymous') }).check()
      await page.getByRole('button', { name: cyT('consultation:raise.submit') }).click()
      await page.locator('.receipt-code').waitFor()
      await settle(page)
      await signOutWelsh(page, check)
    },
    LONG,
  )
})

describe(`${MIN_DAYS + 1} days later, after the staff consultation's closing date`, () => {
  beforeAll(async () => {
    await server?.stop()
    // The scheduled release at the closing date, run here: the anonymous concern comes out.
    const handle = await openPglite(path.join(dataDir, 'pglite'))
    try {
      expect(await releaseDueContributions(handle.db, new Date(Date.now() + (MIN_DAYS + 1) * 86_400_000))).toEqual({ concerns: 1, endorsements: 0 })
    } finally {
      await handle.close()
    }
    const shift = pathToFileURL(path.resolve(import.meta.dirname, 'support/shift-clock.mjs')).href
    server = await startServer({
      dataDir,
      env: { SEED_DEMO: 'false', NODE_OPTIONS: `--import=${shift}`, PROBITY_TEST_CLOCK_OFFSET_DAYS: String(MIN_DAYS + 1) },
    })
  }, 300_000)
  const browser = setupBrowser(() => server!.url)

  it(
    'the chief librarian answers the concern, completes the consultation, records the decision and signs it; the record is bilingual and verifies',
    async () => {
      const page = await welshPage(browser)
      await signInWelsh(page, CHIEF, check)
      await visitWelsh(page, `${proposalPath}/consultation`, check)
      await page.getByRole('article').filter({ hasText: CONCERN }).getByRole('link', { name: /^Ymateb i bryder \d/ }).click()
      await page.waitForURL(/concerns\//)
      await settle(page)
      await page.getByLabel(/^Ymateb i bryder \d/).fill(RESPONSE)
      await page.getByLabel(cyT('consultation:concernPage.condition')).fill(RESPONSE_CONDITION)
      await page.getByRole('button', { name: cyT('consultation:concernPage.respondSubmit') }).click()
      await page.waitForURL(/\/consultation(#concern-[0-9a-f-]+)?$/)
      await settle(page)
      await visitWelsh(page, `${proposalPath}/consultation/staff`, check)
      await page.getByRole('button', { name: cyT('consultation:staff.completeSubmit') }).click()
      await page.waitForURL(/\/consultation$/)
      await settle(page)

      await visitWelsh(page, `${proposalPath}/decision`, check)
      // What consultation committed to is carried in as conditions.
      await expect.poll(async () => {
        const boxes = await page.getByRole('group', { name: cyT('decision:form.conditions') }).getByRole('textbox').all()
        return (await Promise.all(boxes.map((b) => b.inputValue()))).sort()
      }).toEqual([RECOMMENDATION, RESPONSE_CONDITION].sort())
      await page.getByLabel(cyT('decision:outcome.approve_with_conditions'), { exact: true }).check()
      await page.getByLabel(cyT('decision:form.rationale'), { exact: true }).fill(RATIONALE)
      await page.getByLabel(cyT('decision:form.interval')).fill('3')
      const indicator = page.getByRole('group', { name: cyT('decision:form.indicator', { number: 1 }) })
      await indicator.getByLabel(cyT('decision:form.name'), { exact: true }).fill('Ymweliadau â’r canghennau yr effeithir arnynt')
      await indicator.getByLabel(cyT('decision:form.unit'), { exact: true }).fill('ymweliadau’r mis')
      await indicator.getByLabel(cyT('decision:form.baseline'), { exact: true }).fill('12400')
      await indicator.getByLabel(cyT('decision:form.direction'), { exact: true }).selectOption('higher_is_better')
      await indicator.getByLabel(cyT('decision:form.thresholdKind')).selectOption('percent')
      await indicator.getByLabel(cyT('decision:form.threshold'), { exact: true }).fill('10')
      await page.getByRole('button', { name: cyT('decision:form.submit'), exact: true }).click()
      await page.getByRole('heading', { name: cyT('decision:page.pendingHeading') }).waitFor()
      await settle(page)
      await page.getByLabel(cyT('decision:sign.password')).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: cyT('decision:sign.submit') }).click()
      await page.getByRole('heading', { name: cyT('decision:page.signedHeading') }).waitFor()
      await settle(page)

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^Lawrlwytho cofnod .* \(PDF\)$/ }).click(),
      ])
      recordFile = path.join(dataDir, 'cofnod.pdf')
      await download.saveAs(recordFile)

      // Signed, whole, and trusted by anyone holding the service's CA.
      const report = pdfsig(recordFile)
      expect(report).toContain('Signature Validation: Signature is Valid.')
      expect(report).toContain('Total document signed')
      const ca = await (await fetch(`${server!.url}/verify/ca.pem`)).text()
      expect(pdfsig(recordFile, nssDatabaseTrusting(path.join(dataDir, 'nss'), ca))).toContain('Certificate is Trusted')

      // Bilingual: the Welsh record first, then the English; the document's language is Welsh.
      const text = pdftotext(recordFile).replace(/\s+/g, ' ')
      for (const heading of ['Cofnod penderfyniad', '1. Y cynnig', '7. Y penderfyniad', '9. Dilysu’r cofnod hwn']) expect(text, heading).toContain(heading)
      for (const heading of ['Decision record', '1. The proposal', '7. The decision', '9. Verifying this record']) expect(text, heading).toContain(heading)
      expect(text.indexOf('9. Dilysu’r cofnod hwn')).toBeLessThan(text.indexOf('1. The proposal'))
      expect(text).toContain('Cymeradwywyd gydag amodau')
      expect(text).toContain('Approved with conditions')
      for (const typed of [TITLE_CY, RATIONALE, CONCERN, RESPONSE_CONDITION]) expect(text, typed).toContain(typed)
      expect(/\/Lang \(([^)]*)\)/.exec(fs.readFileSync(recordFile).toString('latin1'))?.[1]).toBe('cy')
      await signOutWelsh(page, check)
    },
    LONG,
  )

  it(
    'anyone checks the record on the verify page and reads the decision on the public register, in Welsh',
    async () => {
      const page = await welshPage(browser)
      await visitWelsh(page, '/verify', check)
      await page.locator('main input[type="file"]').setInputFiles(recordFile)
      await page.locator('main form:has(input[type="file"]) button[type="submit"]').click()
      await page.locator('.verify-result .notice.success').waitFor()
      await checkWelsh(page, check)
      expect(await page.locator('.verify-result').textContent()).toContain('Dilys')

      await visitWelsh(page, '/public/fairhaven/register', check)
      await page.getByText(TITLE).first().waitFor()
      expect(await page.getByText(cyT('vocabulary:decisionOutcome.approve_with_conditions'), { exact: false }).count()).toBeGreaterThan(0)
    },
    LONG,
  )

  it('renders the same Welsh page in the browser as on the server (no hydration mismatch)', () => {
    expect([...hydrationMismatches]).toEqual([])
  })

  it('leaves no English from the catalogues on any Welsh page', () => {
    expect(describeLeaks(check.leaks)).toEqual([])
  })
})
