import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { listBlockingIssues, listReviewsDue } from '#db/dashboards.server'
import { action as receiptAction } from '~/routes/concerns.receipt'
import { loader as publicRegisterLoader } from '~/routes/public.$org.register'
import { loader as csvLoader } from '~/routes/register[.]csv'
import { loader as registerLoader } from '~/routes/register._index'
import { loader as homeLoader } from '~/routes/_index'
import { addMonths, addDays } from '~/utils/review-schedule'
import { actorFor } from '~/workflow/actor.server'
import { serviceDate } from '~/utils/calendar'
import { raiseConcern, respondToConcern } from '~/workflow/consultation/concerns.server'
import { recordResponse, requestOpinion } from '~/workflow/consultation/professional-body.server'
import { openStaffConsultation } from '~/workflow/consultation/staff.server'
import { chiefDashboard, reviewerDashboard, staffDashboard } from '~/workflow/dashboards/dashboards.server'
import { recordReview } from '~/workflow/monitoring/reviews.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { declareInterest, recordReview as recordScreeningReview, rubricFor } from '~/workflow/screening/screening.server'
import { enterConsultation, releaseAnonymous, TEST_MAIL } from '#tests/support/consultation'
import { decideAndSign, reachDecision, visaApproval } from '#tests/support/decision'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { startMonitoring, visaPlan } from '#tests/support/monitoring'
import { ok, submitProposal, uniformReview, visaIntake } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const today = serviceDate(new Date())

async function service(db: Database, settings: { publicRegister?: boolean } = {}) {
  const org = await createOrganisation(db, settings)
  const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'], { name: 'Rhiannon Evans' })
  const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
  const staff = [await createUser(db, org.id, ['staff'], { name: 'Jordan Lee' }), await createUser(db, org.id, ['staff'], { name: 'Bethan Hughes' })]
  return { org, chief, reviewers, staff }
}

type Service = Awaited<ReturnType<typeof service>>

async function monitored(db: Database, s: Service, title: string, startsOn: string) {
  const proposal = await createProposal(db, s.org.id, s.chief.id, { title, partner: 'UKVI' })
  await startMonitoring(db, proposal, { chief: s.chief, reviewers: s.reviewers }, visaPlan(startsOn))
  return proposal
}

describe(`dashboards (${databaseKind()})`, () => {
  it('the chief librarian sees every proposal by stage, reviews due and overdue, reassessments and blocking issues', async () => {
    const { db } = app().database
    const s = await service(db)
    await createProposal(db, s.org.id, s.chief.id, { title: 'Coffee concession' })
    const screening = await createProposal(db, s.org.id, s.chief.id, { title: 'Data analytics partnership' })
    await submitProposal(db, { proposal: screening, proposer: s.chief, reviewers: s.reviewers, values: { ...visaIntake(s.reviewers.map((x) => x.id)), title: 'Data analytics partnership' } })
    // A consultation with an unanswered concern.
    const consulting = await createProposal(db, s.org.id, s.chief.id, { title: 'Police drop-in' })
    await enterConsultation(db, { proposal: consulting, proposer: s.chief, reviewers: s.reviewers })
    expect(
      (await openStaffConsultation(db, { user: s.chief, proposalId: consulting.id, closesOn: addDays(today, 30), summary: 'Tell us what you think.', mail: TEST_MAIL })).ok,
    ).toBe(true)
    const concern = await raiseConcern(db, { user: s.staff[0]!, proposalId: consulting.id, secret: app().secret, category: 'safety', text: 'Who keeps the visit logs?', anonymous: true })
    expect(concern.ok).toBe(true)
    await releaseAnonymous(db, consulting.organisationId, consulting.id)
    // ...and a recommendation from the professional body not yet answered.
    const asked = { user: s.chief, proposalId: consulting.id }
    expect((await requestOpinion(db, { ...asked, sentOn: today, contact: 'CILIP Policy team', shared: 'The proposal', deadline: addDays(today, 21) })).ok).toBe(true)
    expect((await recordResponse(db, { ...asked, receivedOn: today, summary: 'Consult staff.', recommendations: ['Consult affected staff openly before launch.'], mail: TEST_MAIL })).ok).toBe(true)
    // At the decision with a required privacy protection found missing in screening.
    const deciding = await createProposal(db, s.org.id, s.chief.id, { title: 'Visa biometrics' })
    await reachDecision(db, { proposal: deciding, chief: s.chief, reviewers: s.reviewers, staff: s.staff, secret: app().secret, blockingOn: ['leaving_privacy_protection'] })
    const dueSoon = await monitored(db, s, 'Bodycam contract', addDays(addMonths(today, -3), 10))
    const overdue = await monitored(db, s, 'Payday lender sponsorship', addMonths(today, -4))
    const breached = await monitored(db, s, 'Vendor e-resource', addMonths(today, -3))
    const plan = (await loadPlan(db, breached.id))!
    const review = await recordReview(db, {
      user: s.chief,
      proposalId: breached.id,
      today,
      values: {
        reviewedOn: today,
        narrative: 'Visits fell.',
        readings: [
          { indicatorId: plan.indicators[0]!.id, value: 10000 },
          { indicatorId: plan.indicators[1]!.id, value: 2 },
        ],
        checks: plan.conditions.map((k) => ({ conditionId: k.id, status: 'met' as const, note: '' })),
      },
    })
    expect(review.ok).toBe(true)

    const d = await chiefDashboard(db, s.chief, today)
    expect(d.byStage).toEqual([
      { stage: 'draft', n: 1 },
      { stage: 'screening', n: 1 },
      { stage: 'consultation', n: 1 },
      { stage: 'decision', n: 1 },
      { stage: 'monitoring', n: 2 },
      { stage: 'reassessment', n: 1 },
    ])
    expect(d.reviewsDue.map((r) => [r.id, r.state, r.slot, r.responsible])).toEqual([
      [overdue.id, 'overdue', 1, 'Rhiannon Evans'],
      [dueSoon.id, 'due_soon', 1, 'Rhiannon Evans'],
    ])
    expect(d.reassessing).toMatchObject([{ id: breached.id, stage: 'reassessment', trigger: 'threshold', openedOn: today, outcome: null }])
    expect(d.blocking.map((b) => [b.title, b.privacy, b.concerns, b.recommendations]).sort()).toEqual([
      // Submitting it filled in the visa-services intake, title included.
      ['Biometric visa-application support in branch libraries', 1, 0, 0],
      ['Police drop-in', 0, 1, 1],
    ])
    expect(d.mine.map((p) => p.title).sort()).toEqual(['Biometric visa-application support in branch libraries', 'Coffee concession', 'Data analytics partnership', 'Police drop-in'])

    // A long list is cut to the most pressing, with how many there are in all.
    expect(await listReviewsDue(db, s.org.id, addDays(today, 30), 1)).toEqual({ rows: [expect.objectContaining({ id: overdue.id })], total: 2 })
    expect((await listBlockingIssues(db, s.org.id, 1)).total).toBe(2)
    expect(d).toMatchObject({ reviewsDueTotal: 2, reassessingTotal: 1, blockingTotal: 2 })

    // Through the home page too, for the chief only.
    const home = await homeLoader({ request: makeRequest('/', { cookie: await sessionCookieFor(db, s.chief.id) }), context: {}, params: {} })
    expect(home.chief?.reviewsDue).toHaveLength(2)
    expect(home.reviewer).toBeNull()
    const staffHome = await homeLoader({ request: makeRequest('/', { cookie: await sessionCookieFor(db, s.staff[0]!.id) }), context: {}, params: {} })
    expect(staffHome.chief).toBeNull()
    expect(staffHome.staff?.open.map((p) => p.title)).toEqual(['Police drop-in'])
  })

  it('a reviewer sees what awaits their declaration, then their scores, and nothing once submitted', async () => {
    const { db } = app().database
    const s = await service(db)
    const outsider = await createUser(db, s.org.id, ['reviewer'])
    const proposal = await createProposal(db, s.org.id, s.chief.id, { title: 'Data analytics partnership' })
    await submitProposal(db, { proposal, proposer: s.chief, reviewers: s.reviewers })
    const [first] = s.reviewers
    const awaiting = async () => (await reviewerDashboard(db, first!)).awaiting.map((p) => [p.id, p.status])
    expect(await awaiting()).toEqual([[proposal.id, 'assigned']])
    // Another proposal in screening, reviewed by others, is not theirs to see...
    const others = await createProposal(db, s.org.id, s.chief.id, { title: 'Police drop-in' })
    await submitProposal(db, { proposal: others, proposer: s.chief, reviewers: [s.reviewers[1]!, outsider] })
    expect(await awaiting()).toEqual([[proposal.id, 'assigned']])
    expect((await reviewerDashboard(db, outsider)).awaiting.map((p) => p.id)).toEqual([others.id])
    // ...nor is one they stepped back from for a conflict of interest.
    ok(await declareInterest(db, { actor: actorFor(outsider), organisationId: s.org.id, proposalId: others.id, conflict: true, reason: 'My partner works for the police.' }))
    expect((await reviewerDashboard(db, outsider)).awaiting).toEqual([])
    const target = { actor: actorFor(first!), organisationId: s.org.id, proposalId: proposal.id }
    ok(await declareInterest(db, { ...target, conflict: false }))
    expect(await awaiting()).toEqual([[proposal.id, 'cleared']])
    const rubric = (await rubricFor(db, proposal, 0)).content
    ok(await recordScreeningReview(db, { ...target, ...uniformReview(rubric, [3, 3, 2, 2]), submit: true }))
    expect(await awaiting()).toEqual([])
  })

  it('staff see the answers to concerns they raised by name; an anonymous one is found only by its receipt code', async () => {
    const { db } = app().database
    const s = await service(db)
    const proposal = await monitored(db, s, 'Biometric visa-application support', addMonths(today, -1))
    const raise = (n: number, anonymous: boolean, text: string) =>
      raiseConcern(db, { user: s.staff[n]!, proposalId: proposal.id, secret: app().secret, category: 'reputation', text, anonymous })
    const named = await raise(0, false, 'Users ask whether we pass their details to the Home Office.')
    const anonymous = await raise(1, true, 'I would not feel safe working beside the booth.')
    if (!named.ok || !anonymous.ok || !anonymous.receipt) throw new Error('not raised')
    await releaseAnonymous(db, proposal.organisationId, proposal.id)
    for (const [concernId, response] of [
      [named.concernId, 'A notice at the desk now explains what the library does and does not share.'],
      [anonymous.concernId, 'Nobody will be asked to work beside the booth; rotas are voluntary.'],
    ] as const) {
      expect((await respondToConcern(db, { user: s.chief, proposalId: proposal.id, concernId, response })).ok).toBe(true)
    }
    const mine = await staffDashboard(db, s.staff[0]!)
    expect(mine.concerns).toMatchObject([{ id: named.concernId, response: 'A notice at the desk now explains what the library does and does not share.' }])
    expect(mine.monitored.map((p) => p.id)).toEqual([proposal.id])
    // The anonymous author's account holds nothing that leads to their concern...
    expect((await staffDashboard(db, s.staff[1]!)).concerns).toEqual([])
    // ...but the receipt code does, with the answer.
    const cookie = await sessionCookieFor(db, s.staff[1]!.id)
    const lookup = await receiptAction({ request: makeRequest('/concerns/receipt', { cookie, form: { code: anonymous.receipt } }), context: {}, params: {} })
    expect(lookup).toMatchObject({
      concern: { text: 'I would not feel safe working beside the booth.', response: 'Nobody will be asked to work beside the booth; rotas are voluntary.' },
    })
    const wrong = (await receiptAction({ request: makeRequest('/concerns/receipt', { cookie, form: { code: 'AAAA-BBBB-CCCC-DDDD' } }), context: {}, params: {} })) as unknown as {
      init: { status: number }
    }
    expect(wrong.init.status).toBeGreaterThanOrEqual(400)
  })
})

describe(`the partnership register (${databaseKind()})`, () => {
  async function registered(db: Database) {
    const s = await service(db, { publicRegister: true })
    const visa = await createProposal(db, s.org.id, s.chief.id, {
      title: 'Biometric visa-application support',
      partner: 'UK Visas and Immigration (Home Office)',
      contractor: 'Sopra Steria',
    })
    await reachDecision(db, { proposal: visa, chief: s.chief, reviewers: s.reviewers, staff: s.staff, secret: app().secret, ratings: [[4, 5, 3, 3], [2, 2, 1, 1]] })
    await decideAndSign(db, { proposal: visa, chief: s.chief, values: await visaApproval(db, visa, addMonths(today, -1)), signing: app().config, secret: app().secret })
    const formula = await createProposal(db, s.org.id, s.chief.id, { title: '=HYPERLINK("http://evil.example")', partner: 'Analytics "Data" Ltd' })
    await submitProposal(db, {
      proposal: formula,
      proposer: s.chief,
      reviewers: s.reviewers,
      values: { ...visaIntake(s.reviewers.map((x) => x.id)), title: '=HYPERLINK("http://evil.example")', partner: 'Analytics "Data" Ltd', contractor: undefined },
    })
    await createProposal(db, s.org.id, s.chief.id, { title: 'A draft nobody else sees' })
    return { ...s, visa, formula, cookie: await sessionCookieFor(db, s.chief.id) }
  }

  it('lists every submitted proposal with stage, risk band, decision and next review; filters, sorts and exports CSV', async () => {
    const { db } = app().database
    const r = await registered(db)
    const load = async (query = '') => registerLoader({ request: makeRequest(`/register${query}`, { cookie: r.cookie }), context: {}, params: {} })
    const all = await load()
    expect(all.total).toBe(2)
    const visaRow = all.rows.find((x) => x.id === r.visa.id)!
    // Medians 12 on every criterion: the high band.
    expect(visaRow).toMatchObject({ stage: 'approved', risk: 'high', outcome: 'approve_with_conditions', nextDueOn: addMonths(addMonths(today, -1), 3), nextSlot: 1 })
    expect(visaRow.decidedOn).toBe(today)
    expect(all.rows.find((x) => x.id === r.formula.id)).toMatchObject({ stage: 'screening', risk: null, outcome: null, nextDueOn: null })
    expect((await load('?stage=approved')).rows.map((x) => x.id)).toEqual([r.visa.id])
    expect((await load('?risk=high')).rows.map((x) => x.id)).toEqual([r.visa.id])
    expect((await load('?q=sopra')).total).toBe(0)
    expect((await load('?q=BIOMETRIC')).rows.map((x) => x.id)).toEqual([r.visa.id])
    expect((await load('?q=%25')).total).toBe(0)
    expect((await load('?sort=title&dir=asc')).rows[0]!.id).toBe(r.formula.id)
    expect((await load('?sort=title&dir=desc')).rows[0]!.id).toBe(r.visa.id)
    // Nonsense in the address is ignored, not an error.
    expect(await statusOf(() => load('?stage=nonsense&sort=drop%20table&dir=sideways&page=-4&risk=7'))).toBe(200)
    expect((await load('?stage=nonsense')).total).toBe(2)

    const csv = await csvLoader({ request: makeRequest('/register.csv?sort=title', { cookie: r.cookie }), context: {}, params: {} })
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const text = await csv.text()
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('"Reference","Partnership","Partner","Contractor","Stage","Risk band","Decision","Decided on","Next review due","Review status"')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")","Analytics ""Data"" Ltd"`)
    expect(lines[2]).toContain('"Approved","High","Approved with conditions"')

    // Another service sees none of it.
    const other = await service(db)
    const theirs = await registerLoader({ request: makeRequest('/register', { cookie: await sessionCookieFor(db, other.chief.id) }), context: {}, params: {} })
    expect(theirs.total).toBe(0)
  })

  it('the public register, when a service turns it on, lists approved partnerships with the published reasons', async () => {
    const { db } = app().database
    const r = await registered(db)
    const load = (slug: string, query = '') => publicRegisterLoader({ request: makeRequest(`/public/${slug}/register${query}`), context: {}, params: { org: slug } })
    const page = await load(r.org.slug)
    expect(page).toMatchObject({ page: 1, pages: 1, total: 1 })
    // A page past the end is empty, and nonsense is the first page.
    expect(await load(r.org.slug, '?page=2')).toMatchObject({ page: 2, total: 1, partnerships: [] })
    expect(await load(r.org.slug, '?page=drop')).toMatchObject({ page: 1, total: 1 })
    expect(page.partnerships).toHaveLength(1)
    expect(page.partnerships[0]).toMatchObject({
      reference: r.visa.reference,
      outcome: 'approve_with_conditions',
      summary: 'The service meets a real local need; the conditions answer the concerns staff and CILIP raised.',
      contractor: 'Sopra Steria',
    })
    expect(page.partnerships[0]!.conditions).toContain('Signage tells users the service is outside the library’s privacy protection.')
    expect(page.partnerships[0]!.recordId).toMatch(/^[0-9a-f-]{36}$/)
    const closed = await service(db)
    expect(await statusOf(() => load(closed.org.slug))).toBe(404)
    expect(await statusOf(() => load('no-such-service'))).toBe(404)
    expect(await statusOf(() => load('../etc'))).toBe(404)
  })
})
