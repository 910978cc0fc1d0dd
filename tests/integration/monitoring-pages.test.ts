import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { findPlan, listIncidents, listReviews } from '#db/monitoring.server'
import { loader as addendumLoader } from '~/routes/proposals.$id.monitoring.addenda.$recordId'
import { action as escalateAction } from '~/routes/proposals.$id.monitoring.escalate'
import { action as incidentAction, loader as incidentLoader } from '~/routes/proposals.$id.monitoring.incident'
import { loader as monitoringLoader } from '~/routes/proposals.$id.monitoring._index'
import { action as reassessmentAction, loader as reassessmentLoader } from '~/routes/proposals.$id.monitoring.reassessment'
import { action as reviewAction, loader as reviewLoader } from '~/routes/proposals.$id.monitoring.review'
import { loadProposal } from '~/workflow/apply-event.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, statusOf, TEST_PASSWORD } from '#tests/support/factories'
import { issueDecisionRecord, startMonitoring, visaPlan } from '#tests/support/monitoring'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
type Wrapped = { init: { status: number } | null; data: Reply }

async function visaCase(db: Database) {
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'])
  const staff = await createUser(db, org.id, ['staff'])
  const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
  const proposal = await createProposal(db, org.id, chief.id, { title: 'Visa biometrics', partner: 'UKVI' })
  await startMonitoring(db, proposal, { chief, reviewers }, visaPlan('2026-01-01'))
  const plan = (await loadPlan(db, proposal.id))!
  return { org, chief, staff, proposal, plan, chiefCookie: await sessionCookieFor(db, chief.id), staffCookie: await sessionCookieFor(db, staff.id) }
}

type Case = Awaited<ReturnType<typeof visaCase>>

const args = (path: string, id: string, cookie: string, form?: Record<string, string | string[]>) => ({
  request: makeRequest(path, { cookie, form }),
  context: {},
  params: { id },
})

async function version(db: Database, c: Case) {
  return String((await loadProposal(db, c.org.id, c.proposal.id))!.row.version)
}

async function reviewForm(db: Database, c: Case, visits: string, extra: Record<string, string> = {}) {
  const [v, complaints] = c.plan.indicators
  return {
    version: await version(db, c),
    reviewedOn: '2026-04-02',
    narrative: 'Quarterly review with the branch managers.',
    'readings[0].indicatorId': v!.id,
    'readings[0].value': visits,
    'readings[1].indicatorId': complaints!.id,
    'readings[1].value': '2',
    ...Object.fromEntries(c.plan.conditions.flatMap((k, n) => [[`checks[${n}].conditionId`, k.id], [`checks[${n}].status`, 'met']])),
    ...extra,
  }
}

describe(`monitoring pages (${databaseKind()})`, () => {
  it('shows the plan, charts’ data and what the chief librarian may do; another organisation gets 404', async () => {
    const { db } = app().database
    const c = await visaCase(db)
    const path = `/proposals/${c.proposal.id}/monitoring`
    const page = await monitoringLoader(args(path, c.proposal.id, c.chiefCookie))
    expect(page.view.plan).toMatchObject({ interval: 'Quarterly', nextSlot: 1, nextDueOn: '2026-04-01' })
    expect(page.view.indicators.map((i) => i.name)).toEqual(['Visits at affected branches', 'Complaints about the service', 'Recorded incidents'])
    expect(page.view.indicators[0]).toMatchObject({ thresholdLine: 11160, threshold: 'a 10% fall from the baseline' })
    expect(page.view.actions).toMatchObject({ review: true, incident: true, escalate: true, raiseConcern: false })
    const staffView = await monitoringLoader(args(path, c.proposal.id, c.staffCookie))
    expect(staffView.view.actions).toMatchObject({ review: false, incident: true, escalate: false, raiseConcern: true })

    const other = await createOrganisation(db)
    const outsider = await createUser(db, other.id, ['chief_librarian'])
    expect(await statusOf(() => monitoringLoader(args(path, c.proposal.id, '')))).toBe(302)
    expect(await statusOf(async () => monitoringLoader(args(path, c.proposal.id, await sessionCookieFor(db, outsider.id))))).toBe(404)
  })

  it('refuses a review with missing or non-numeric values without saving anything, and keeps what was typed', async () => {
    const { db } = app().database
    const c = await visaCase(db)
    const path = `/proposals/${c.proposal.id}/monitoring/review`
    expect(await statusOf(() => reviewLoader(args(path, c.proposal.id, c.staffCookie)))).toBe(403)
    const form = await reviewForm(db, c, 'lots', { narrative: '' })
    const result = (await reviewAction(args(path, c.proposal.id, c.chiefCookie, form))) as unknown as Wrapped
    expect(result.init?.status).toBe(400)
    expect(result.data.error?.['readings[0].value']).toEqual(['Give the value as a number'])
    expect(result.data.error?.narrative).toEqual(['Say what the review found'])
    expect(result.data.initialValue).toMatchObject({ reviewedOn: '2026-04-02' })
    const future = (await reviewAction(args(path, c.proposal.id, c.chiefCookie, await reviewForm(db, c, '12000', { reviewedOn: '2099-01-01' })))) as unknown as Wrapped
    expect(future.init?.status).toBe(400)
    expect(future.data.error?.reviewedOn).toEqual(['A review cannot be dated in the future.'])
    const staffPost = (await reviewAction(args(path, c.proposal.id, c.staffCookie, await reviewForm(db, c, '12000')))) as unknown as Wrapped
    expect(staffPost.init?.status).toBe(403)
    expect(await listReviews(db, c.proposal.id)).toEqual([])
  })

  it('a stale form is a conflict; a breaching review redirects and the partnership is in reassessment', async () => {
    const { db } = app().database
    const c = await visaCase(db)
    const path = `/proposals/${c.proposal.id}/monitoring/review`
    const stale = await reviewForm(db, c, '10540')
    // Someone records an incident in between.
    const incident = {
      occurredOn: '2026-03-01',
      location: 'Rhuthun Central',
      description: 'A user complained about the queue for the booth.',
      rolesInvolved: 'front-desk staff, library user',
      actionTaken: 'Explained the booking system.',
    }
    expect(await statusOf(() => incidentLoader(args(`/proposals/${c.proposal.id}/monitoring/incident`, c.proposal.id, c.staffCookie)))).toBe(200)
    expect(await statusOf(() => incidentAction(args('/x', c.proposal.id, c.staffCookie, incident)))).toBe(302)
    const conflict = (await reviewAction(args(path, c.proposal.id, c.chiefCookie, stale))) as unknown as Wrapped
    expect(conflict.init?.status).toBe(409)
    expect(await statusOf(async () => reviewAction(args(path, c.proposal.id, c.chiefCookie, await reviewForm(db, c, '10540'))))).toBe(302)
    expect((await loadProposal(db, c.org.id, c.proposal.id))!.row.stage).toBe('reassessment')
    expect((await listIncidents(db, c.proposal.id))[0]!.rolesInvolved).toEqual(['front-desk staff', 'library user'])
  })

  it('refuses an incident dated in the future or with no roles, and an escalation without a reason', async () => {
    const { db } = app().database
    const c = await visaCase(db)
    const bad = (await incidentAction(
      args('/x', c.proposal.id, c.staffCookie, { occurredOn: '2099-01-01', location: 'Branch', description: 'x', rolesInvolved: ' , ', actionTaken: 'y' }),
    )) as unknown as Wrapped
    expect(bad.init?.status).toBe(400)
    expect(bad.data.error?.rolesInvolved).toEqual(['Say who was involved, by role'])
    const future = (await incidentAction(
      args('/x', c.proposal.id, c.staffCookie, { occurredOn: '2099-01-01', location: 'Branch', description: 'x', rolesInvolved: 'staff', actionTaken: 'y' }),
    )) as unknown as Wrapped
    expect(future.init?.status).toBe(400)
    expect(future.data.error?.occurredOn).toEqual(['An incident cannot be dated in the future.'])
    const noReason = (await escalateAction(args('/x', c.proposal.id, c.chiefCookie, { version: await version(db, c), reason: '   ' }))) as unknown as Wrapped
    expect(noReason.init?.status).toBe(400)
    expect(await listIncidents(db, c.proposal.id)).toEqual([])
  })

  it('reassessment: an outcome is proposed and signed with a password that never comes back to the page; the addendum downloads', async () => {
    const { db } = app().database
    const { config } = app()
    const c = await visaCase(db)
    await issueDecisionRecord(db, config, c.proposal)
    const path = `/proposals/${c.proposal.id}/monitoring/reassessment`
    expect(await statusOf(async () => escalateAction(args('/x', c.proposal.id, c.chiefCookie, { version: await version(db, c), reason: 'Press coverage' })))).toBe(302)
    const noConditions = (await reassessmentAction(
      args(path, c.proposal.id, c.chiefCookie, { intent: 'record', version: await version(db, c), outcome: 'add_conditions', rationale: 'Tighten it.', newConditions: '' }),
    )) as unknown as Wrapped
    expect(noConditions.init?.status).toBe(400)
    expect(noConditions.data.error?.newConditions).toEqual(['Write the conditions to add, one a line'])
    expect(
      await statusOf(async () =>
        reassessmentAction(
          args(path, c.proposal.id, c.chiefCookie, {
            intent: 'record',
            version: await version(db, c),
            outcome: 'add_conditions',
            rationale: 'Tighten it.',
            newConditions: 'Appointments only on weekday mornings.\n\nA user survey before the next review.',
          }),
        ),
      ),
    ).toBe(302)
    const page = await reassessmentLoader(args(path, c.proposal.id, c.chiefCookie))
    expect(page.round).toMatchObject({ outcome: 'add_conditions', newConditions: ['Appointments only on weekday mornings.', 'A user survey before the next review.'] })
    expect(page.actions).toMatchObject({ phase: 'reassessment', canSign: true })
    const wrong = (await reassessmentAction(args(path, c.proposal.id, c.chiefCookie, { intent: 'sign', version: await version(db, c), password: 'hunter2-wrong' }))) as unknown as Wrapped
    expect(wrong.init?.status).toBe(400)
    expect(wrong.data.error?.password).toEqual(['That password is not right. Enter the password you sign in with.'])
    expect(JSON.stringify(wrong.data)).not.toContain('hunter2-wrong')
    expect(await statusOf(async () => reassessmentAction(args(path, c.proposal.id, c.chiefCookie, { intent: 'sign', version: await version(db, c), password: TEST_PASSWORD })))).toBe(302)
    expect(await findPlan(db, c.proposal.id)).toMatchObject({ nextSlot: 1 })
    const monitoring = await monitoringLoader(args(`/proposals/${c.proposal.id}/monitoring`, c.proposal.id, c.chiefCookie))
    const addendumId = monitoring.view.rounds[0]!.addendumId!
    const response = await addendumLoader({ ...args('/x', c.proposal.id, c.chiefCookie), params: { id: c.proposal.id, recordId: addendumId } })
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await statusOf(() => addendumLoader({ ...args('/x', c.proposal.id, c.chiefCookie), params: { id: c.proposal.id, recordId: crypto.randomUUID() } }))).toBe(404)
  })
})
