import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { actorFor } from '~/workflow/actor.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { addDays, serviceDate } from '~/utils/calendar'
import { endorseConcern, raiseConcern, respondToConcern } from '~/workflow/consultation/concerns.server'
import {
  answerRecommendation,
  completeProfessionalBody,
  recordResponse,
  requestOpinion,
} from '~/workflow/consultation/professional-body.server'
import { getConsultationRecord } from '~/workflow/consultation/record.server'
import { completeStaffConsultation, openStaffConsultation, recordUnionResponse } from '~/workflow/consultation/staff.server'
import { recordDecision } from '~/workflow/decision/decision.server'
import { escalate } from '~/workflow/monitoring/escalation.server'
import { recordIncident } from '~/workflow/monitoring/incidents.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { recordReview as recordMonitoringReview } from '~/workflow/monitoring/reviews.server'
import { declareInterest, finishScreening, recordReview, rubricFor } from '~/workflow/screening/screening.server'
import { releaseAnonymous, TEST_MAIL } from '#tests/support/consultation'
import { createOrganisation, createProposal, createUser, TEST_PASSWORD } from '#tests/support/factories'
import { startMonitoring, visaPlan } from '#tests/support/monitoring'
import { pdftotext } from '#tests/support/poppler'
import { ok, submitProposal, uniformReview, visaIntake } from '#tests/support/screening'
import { setupBrowser } from './support/browser'
import { checkA11y, signIn, visit } from './support/pages'
import { setupSeededServer } from './support/seeded-server'

/**
 * Stored XSS: script and event-handler payloads in every free-text field a
 * person can fill, stored as they are (most through the workflow functions,
 * which is what a field without a check, or an older row, would hold; a few
 * typed into the real forms), then every page that shows them is opened as
 * each kind of person would see it. No script may run (window.__xss stays
 * undefined, no dialog opens, no element of the payload appears in the DOM)
 * and each payload must be visible as text. The signed decision record must
 * hold them as plain text too.
 */

const PAYLOADS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><svg onload=window.__xss=1;alert(1)>',
  "'><iframe srcdoc='<script>parent.__xss=1</script>'></iframe>",
  'javascript:window.__xss=1;alert(1)',
  '<a href="javascript:window.__xss=1">click</a>',
  // Passes the plain-text check (no closing >): dangerous only if put into markup unescaped.
  '<img src=x onerror=window.__xss=1 ',
]
let n = 0
/** A field's value: its label (so the page can be searched for it) and the next payload. */
const evil = (label: string) => `${label} ${PAYLOADS[n++ % PAYLOADS.length]}`
/** Everything stored, by where it must be visible. */
const stored: Record<string, string[]> = {}
function keep<T extends string | string[]>(where: string[], value: T): T {
  for (const w of where) (stored[w] ??= []).push(...[value].flat())
  return value
}

const ids = { decided: '', monitored: '', concern: '' }
const emails = { chief: '', reviewer: '', staff: '', admin: '' }

function must<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} refused: ${(result as { message?: string }).message}`)
  return result as Extract<T, { ok: true }>
}

async function seed(db: Database, secret: string) {
  const org = await createOrganisation(db)
  const at = (...w: string[]) => w
  const chief = await createUser(db, org.id, ['chief_librarian'], { name: keep(at('people', 'record'), evil('Chief')) })
  const reviewers = [
    await createUser(db, org.id, ['reviewer'], { name: keep(at('people'), evil('Reviewer one')) }),
    await createUser(db, org.id, ['reviewer'], { name: keep(at('people'), evil('Reviewer two')) }),
  ]
  const staff = [
    await createUser(db, org.id, ['staff'], { name: keep(at('people'), evil('Staff one')) }),
    await createUser(db, org.id, ['staff'], { name: keep(at('people'), evil('Staff two')) }),
  ]
  const admin = await createUser(db, org.id, ['admin'], { name: 'Ada Admin' })
  Object.assign(emails, { chief: chief.email, reviewer: reviewers[0]!.email, staff: staff[0]!.email, admin: admin.email })

  // A: through screening and consultation to a decision, recorded and awaiting the chief's signature.
  const summary = ['summary', 'record']
  const intake = {
    ...visaIntake(reviewers.map((r) => r.id)),
    title: keep([...summary, 'list'], evil('Title')),
    partner: keep([...summary, 'list'], evil('Partner')),
    contractor: keep(summary, evil('Contractor')),
    description: keep(['summary'], evil('Description')),
    service: keep(summary, evil('Service')),
    deliveryNotes: keep(summary, evil('Delivery')),
    sites: keep(summary, [evil('Site')]),
    renewalTerms: keep(summary, evil('Renewal')),
    income: keep(summary, evil('Income')),
    costs: keep(summary, evil('Costs')),
    purpose: keep(summary, evil('Purpose')),
    sharingDetails: keep(summary, evil('Sharing')),
    retention: keep(summary, evil('Retention')),
    processedWhere: keep(summary, evil('Processed')),
    userGroups: keep(summary, [evil('User group')]),
  }
  const proposal: Proposal = await createProposal(db, org.id, chief.id, { title: intake.title, partner: intake.partner })
  ids.decided = proposal.id
  await submitProposal(db, { proposal, proposer: chief, reviewers, values: intake })
  const loaded = (await loadProposal(db, org.id, proposal.id))!
  const rubric = (await rubricFor(db, proposal, loaded.snapshot.context.revisions)).content
  const blocking = rubric.privacyItems[0]!.key
  for (const [i, reviewer] of reviewers.entries()) {
    const target = { actor: actorFor(reviewer), organisationId: org.id, proposalId: proposal.id }
    ok(await declareInterest(db, { ...target, conflict: false }))
    const review = uniformReview(rubric, i === 0 ? [4, 5, 3, 3] : [2, 2, 1, 1], [blocking])
    for (const score of Object.values(review.scores)) {
      score.rationale = keep(['screening'], evil('Rationale'))
      score.mitigations = keep(['screening'], evil('Mitigation'))
    }
    review.privacy[blocking] = { answer: 'no', evidence: keep(['screening'], evil('Evidence')) }
    ok(await recordReview(db, { ...target, ...review, submit: true }))
  }
  ok(await finishScreening(db, { actor: actorFor(chief), organisationId: org.id, proposalId: proposal.id }))

  const now = new Date()
  const today = serviceDate(now)
  const base = { user: chief, proposalId: proposal.id, now }
  const pb = ['professional-body', 'record']
  must('pb.request', await requestOpinion(db, { ...base, sentOn: today, contact: keep(pb, evil('Contact')), shared: keep(pb, evil('Shared')), deadline: addDays(today, 21) }))
  const responded = must(
    'pb.respond',
    await recordResponse(db, {
      ...base,
      mail: TEST_MAIL,
      receivedOn: today,
      summary: keep(pb, evil('Opinion')),
      recommendations: keep([...pb, 'consultation'], [evil('Recommendation one'), evil('Recommendation two')]),
    }),
  )
  const [accepted, declined] = Object.keys(responded.snapshot.context.professionalBody.recommendations)
  must('pb.answer', await answerRecommendation(db, { ...base, recommendationId: accepted!, accepted: true }))
  must('pb.answer', await answerRecommendation(db, { ...base, recommendationId: declined!, accepted: false, rationale: keep(pb, evil('Declined because')) }))
  must('pb.complete', await completeProfessionalBody(db, base))
  must('staff.open', await openStaffConsultation(db, { ...base, closesOn: addDays(today, 14), summary: keep(['consultation'], evil('Consultation summary')), mail: TEST_MAIL }))
  const concernAt = ['consultation', 'concern', 'record']
  const named = must(
    'concern.raise',
    await raiseConcern(db, { user: staff[0]!, proposalId: proposal.id, now, secret, category: 'ethics', text: keep(concernAt, evil('Concern')), anonymous: false }),
  )
  ids.concern = named.concernId
  const anonymous = must(
    'concern.raise',
    await raiseConcern(db, { user: staff[1]!, proposalId: proposal.id, now, secret, category: 'safety', text: keep(['consultation', 'record'], evil('Anonymous concern')), anonymous: true }),
  )
  must('concern.endorse', await endorseConcern(db, { user: staff[1]!, proposalId: proposal.id, now, secret, concernId: named.concernId, anonymous: false }))
  // Held until a release (ADR 023); released here so that its text reaches every page it can.
  await releaseAnonymous(db, org.id, proposal.id, now)
  must(
    'concern.respond',
    await respondToConcern(db, { ...base, concernId: named.concernId, response: keep(concernAt, evil('Response')), condition: keep(['record'], evil('Condition from concern')) }),
  )
  must('concern.respond', await respondToConcern(db, { ...base, concernId: anonymous.concernId, response: keep(['consultation', 'record'], evil('Second response')) }))
  must('union.record', await recordUnionResponse(db, { ...base, unionName: keep(['consultation'], evil('Union')), consultedOn: today, response: keep(['consultation', 'record'], evil('Union response')) }))
  must('staff.complete', await completeStaffConsultation(db, { ...base, now: new Date(now.getTime() + 15 * 86_400_000) }))

  const consultation = await getConsultationRecord(db, org.id, proposal.id)
  const plan = visaPlan(today)
  const decision = ['decision', 'record']
  must(
    'decision.record',
    await recordDecision(db, {
      user: chief,
      proposalId: proposal.id,
      values: {
        outcome: 'approve_with_conditions',
        rationale: keep(decision, evil('Decision rationale')),
        conditions: [...consultation.conditions, { text: keep(decision, evil('Decision condition')), source: 'decision' }],
        overrides: [{ key: blocking, rationale: keep(decision, evil('Override')) }],
        dissent: [keep(decision, evil('Dissent'))],
        monitoring: {
          intervalMonths: plan.intervalMonths,
          startsOn: plan.startsOn,
          indicators: plan.indicators.map((i, k) => (k === 0 ? { ...i, name: keep(decision, evil('Indicator')), unit: keep(decision, evil('Unit')) } : i)),
        },
      },
    }),
  )

  // B: approved by events alone and monitored: a review, an incident, then escalated.
  const monitored = await createProposal(db, org.id, chief.id, { title: 'Monitored partnership', partner: 'Partner Ltd' })
  ids.monitored = monitored.id
  const startsOn = addDays(today, -40)
  const mplan = visaPlan(startsOn)
  await startMonitoring(db, monitored, { chief, reviewers }, {
    ...mplan,
    indicators: mplan.indicators.map((i, k) => (k === 0 ? { ...i, name: keep(['monitoring'], evil('Monitored indicator')) } : i)),
    conditions: [{ text: keep(['monitoring'], evil('Monitored condition')), source: 'decision' }],
  })
  const mp = (await loadPlan(db, monitored.id))!
  must(
    'monitoring.review',
    await recordMonitoringReview(db, {
      user: chief,
      proposalId: monitored.id,
      today,
      values: {
        reviewedOn: today,
        narrative: keep(['monitoring'], evil('Review narrative')),
        readings: mp.indicators.map((i) => ({ indicatorId: i.id, value: i.baseline })),
        checks: mp.conditions.map((c) => ({ conditionId: c.id, status: 'met' as const, // Stored; the monitoring page shows a condition's status, not its note.
          note: evil('Check note') })),
      },
    }),
  )
  must(
    'incident',
    await recordIncident(db, {
      user: staff[0]!,
      proposalId: monitored.id,
      today,
      values: {
        occurredOn: today,
        location: keep(['monitoring'], evil('Location')),
        description: keep(['monitoring'], evil('Incident')),
        rolesInvolved: keep(['monitoring'], [evil('Role')]),
        actionTaken: keep(['monitoring'], evil('Action taken')),
      },
    }),
  )
  must('escalate', await escalate(db, { user: chief, proposalId: monitored.id, reason: keep(['reassessment'], evil('Escalated because')) }))
}

const { dataDir, server } = setupSeededServer('xss', seed)
const browser = setupBrowser(() => server().url)

/** A page that notes any dialog and whether a script ever set window.__xss, from before any of the page's own scripts. */
async function watchedPage() {
  const page = await browser.newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.addInitScript(() => {
    Object.defineProperty(window, '__xss', {
      configurable: false,
      set: () => {
        ;(window as unknown as { __xssRan: boolean }).__xssRan = true
      },
      get: () => undefined,
    })
  })
  return { page, dialogs }
}

/** Nothing ran, no payload became an element, and each of `texts` is on the page as text. */
async function assertInert(page: Page, dialogs: string[], texts: string[]) {
  const state = await page.evaluate(() => ({
    ran: (window as unknown as { __xssRan?: boolean }).__xssRan ?? false,
    xss: (window as unknown as { __xss?: unknown }).__xss,
    // Elements a payload would make: our own scripts carry the page's nonce.
    planted: [
      ...document.querySelectorAll('script:not([nonce]), img[src="x"], svg[onload], iframe[srcdoc], [onerror], [onload], a[href^="javascript:" i]'),
    ].map((e) => e.outerHTML.slice(0, 120)),
    // Text, shown or folded away (in a closed <details>), but not the page's own data for its scripts.
    text: (() => {
      const body = document.body.cloneNode(true) as HTMLElement
      body.querySelectorAll('script, style, template').forEach((e) => e.remove())
      return (body.textContent ?? '').replace(/\s+/g, ' ')
    })(),
  }))
  expect(state, page.url()).toMatchObject({ ran: false, xss: undefined, planted: [] })
  expect(dialogs, page.url()).toEqual([])
  const missing = texts.filter((t) => !state.text.includes(t.replace(/\s+/g, ' ').trim()))
  expect(missing, `payloads not shown as text on ${page.url()}`).toEqual([])
}

it('shows every stored payload as text, and runs none of them, on every page that shows it', async () => {
  const { page, dialogs } = await watchedPage()
  const A = `/proposals/${ids.decided}`
  const B = `/proposals/${ids.monitored}`
  const pages: [who: keyof typeof emails, path: string, texts: string[]][] = [
    ['chief', '/', []],
    ['chief', '/proposals', stored.list!],
    ['chief', A, stored.summary!],
    ['chief', `${A}/screening`, stored.screening!],
    ['chief', `${A}/consultation`, stored.consultation!],
    ['chief', `${A}/consultation/professional-body`, stored['professional-body']!],
    ['chief', `${A}/consultation/staff`, []],
    ['chief', `${A}/consultation/concerns/${ids.concern}`, stored.concern!],
    ['chief', `${A}/decision`, stored.decision!],
    ['chief', '/register', stored.list!],
    ['chief', '/notifications', []],
    ['chief', B, []],
    ['chief', `${B}/monitoring`, stored.monitoring!],
    ['chief', `${B}/monitoring/reassessment`, stored.reassessment!],
    ['reviewer', '/', []],
    ['reviewer', `${A}/screening`, stored.screening!],
    ['staff', '/', []],
    ['staff', `${A}/consultation`, stored.consultation!],
    ['admin', '/admin/users', stored.people!],
  ]
  let who: string | undefined
  for (const [person, pathname, texts] of pages) {
    if (who !== person) {
      await page.context().clearCookies()
      await signIn(page, emails[person], TEST_PASSWORD)
      who = person
    }
    await visit(page, pathname)
    await assertInert(page, dialogs, texts)
  }
}, 300_000)

it('keeps payloads typed into the real forms inert: refused beside the field, or stored and shown as text', async () => {
  const { page, dialogs } = await watchedPage()
  await signIn(page, emails.chief, TEST_PASSWORD)
  // The proposal form takes plain text only: the refusal shows the typed value back, inert.
  await visit(page, '/proposals/new')
  const title = '<script>window.__xss=1;alert(1)</script>'
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Partner organisation').fill('"><svg onload=window.__xss=1>')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByText('Remove the HTML tags: this field takes plain text').first().waitFor()
  await checkA11y(page)
  expect(await page.getByLabel('Title').inputValue()).toBe(title)
  await assertInert(page, dialogs, [])

  // An incident report takes any text: stored, then shown as text on the monitoring page.
  const incident = `Typed incident <img src=x onerror="window.__xss=1;alert(1)"> and <script>window.__xss=1</script>`
  await visit(page, `/proposals/${ids.monitored}/monitoring/incident`)
  await page.getByLabel('Where it happened').fill('"><svg onload=window.__xss=1> Reading room')
  await page.getByLabel('What happened').fill(incident)
  await page.getByLabel('Who was involved, by role').fill('<b>front desk</b>')
  await page.getByLabel('Action taken').fill('javascript:window.__xss=1')
  await page.getByRole('button', { name: 'Record incident' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/incident'))
  await checkA11y(page)
  await visit(page, `/proposals/${ids.monitored}/monitoring`)
  await assertInert(page, dialogs, [incident, '"><svg onload=window.__xss=1> Reading room'])
}, 120_000)

it('the signed decision record holds every payload as plain text', async () => {
  const { page, dialogs } = await watchedPage()
  await signIn(page, emails.chief, TEST_PASSWORD)
  await visit(page, `/proposals/${ids.decided}/decision`)
  await page.getByLabel('Your password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign the decision' }).click()
  await page.getByRole('heading', { name: 'Signed decisions' }).waitFor()
  await checkA11y(page)
  await assertInert(page, dialogs, [])
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download record .* \(PDF\)$/ }).click(),
  ])
  const file = path.join(dataDir, 'record.pdf')
  await download.saveAs(file)
  // Lines wrap anywhere in the PDF, and a long word in a narrow table cell is
  // hyphenated: compare without white space or hyphens, in layout order and
  // in drawing order (where a table's wrapped cells stay whole).
  const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, '')
  const text = squash(pdftotext(file))
  const raw = squash(spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout)
  const missing = stored.record!.filter((t) => !text.includes(squash(t)) && !raw.includes(squash(t)))
  expect(missing).toEqual([])
  // A PDF with script would carry a JavaScript action; the record has none.
  expect(fs.readFileSync(file).toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s*[(<]|\/OpenAction/)
}, 180_000)
