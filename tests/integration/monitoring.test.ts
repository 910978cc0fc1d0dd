import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listAuditEntries, verifyChain } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { listNotifications, listOutbox } from '#db/notifications.server'
import { findPlan, listConditions, listIncidents, listReadings, listRounds } from '#db/monitoring.server'
import { decisionRecords, type OrganisationSettings } from '#db/schema'
import { addMonths } from '~/utils/review-schedule'
import { loadProposal } from '~/workflow/apply-event.server'
import { serviceDate } from '~/utils/calendar'
import { raiseConcern } from '~/workflow/consultation/concerns.server'
import { type Person } from '~/workflow/person'
import { checkConcernSurge, escalate } from '~/workflow/monitoring/escalation.server'
import { recordIncident } from '~/workflow/monitoring/incidents.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { recordOutcome, signOutcome } from '~/workflow/monitoring/reassessment.server'
import { notifyOverdueReviews } from '~/workflow/monitoring/overdue.server'
import { recordReview, type ReviewValues } from '~/workflow/monitoring/reviews.server'
import { OUTBOX_ONLY_MAIL } from '~/workflow/scenarios/consultation.server'
import { createOrganisation, createProposal, createUser, TEST_PASSWORD } from '#tests/support/factories'
import { releaseAnonymous } from '#tests/support/consultation'
import { issueDecisionRecord, startMonitoring, visaPlan } from '#tests/support/monitoring'
import { writeStoredFile } from '#tests/support/stored-files'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const NOW = new Date('2026-04-03T10:00:00Z')

async function monitoredVisaCase(db: Database, settings: Partial<OrganisationSettings> = {}, startsOn = '2026-01-01') {
  const org = await createOrganisation(db, settings)
  const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'], { name: 'Rhiannon Evans' })
  const signatory = await createUser(db, org.id, ['signatory'], { name: 'Dafydd Jones' })
  const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
  const staff = [await createUser(db, org.id, ['staff']), await createUser(db, org.id, ['staff']), await createUser(db, org.id, ['staff'])]
  const proposal = await createProposal(db, org.id, chief.id, {
    title: 'Biometric visa-application support in branch libraries',
    partner: 'UK Visas and Immigration (Home Office)',
    contractor: 'Sopra Steria',
  })
  await startMonitoring(db, proposal, { chief, reviewers, signatory: settings.secondSignatoryRequired ? signatory : undefined }, visaPlan(startsOn))
  const loaded = (await loadPlan(db, proposal.id))!
  return { org, chief, signatory, staff, proposal, plan: loaded }
}

type Case = Awaited<ReturnType<typeof monitoredVisaCase>>

function values(c: Case, visits: number, conditions: ('met' | 'not_met' | 'in_progress')[] = ['met', 'met'], reviewedOn = '2026-04-03'): ReviewValues {
  const [v, complaints] = c.plan.indicators
  return {
    reviewedOn,
    narrative: 'Quarterly review with branch managers.',
    readings: [
      { indicatorId: v!.id, value: visits },
      { indicatorId: complaints!.id, value: 3 },
    ],
    checks: c.plan.conditions.map((k, n) => ({ conditionId: k.id, status: conditions[n] ?? 'met', note: '' })),
  }
}

async function stage(db: Database, c: Case) {
  return (await loadProposal(db, c.org.id, c.proposal.id))!.row.stage
}

describe(`monitoring (${databaseKind()})`, () => {
  it('a review within its thresholds keeps the partnership monitored; the next is due on the schedule, even after a late review', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    expect(c.plan.plan.nextDueOn).toBe('2026-04-01')
    // Recorded seven weeks late.
    const result = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 11800, ['met', 'in_progress'], '2026-05-20'), today: '2026-05-20', now: NOW })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.assessment).toMatchObject({ slot: 1, dueOn: '2026-04-01', status: 'green', escalation: null })
    expect(await stage(db, c)).toBe('monitoring')
    expect(await findPlan(db, c.proposal.id)).toMatchObject({ nextSlot: 2, nextDueOn: '2026-07-01' })
    expect((await verifyChain(db, c.proposal.id)).ok).toBe(true)
  })

  it('visits falling 15% against a 10% threshold send the partnership into reassessment by themselves', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    const result = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 10540), today: '2026-04-03', now: NOW })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.assessment.status).toBe('red')
    expect(result.assessment.summary).toContain('Visits at affected branches fell 15% against a 10% threshold')
    expect(await stage(db, c)).toBe('reassessment')
    const [round] = await listRounds(db, c.proposal.id)
    expect(round).toMatchObject({ phase: 'reassessment', trigger: 'threshold', reviewId: result.reviewId, closedAt: null })
    const readings = await listReadings(db, [result.reviewId])
    expect(readings.find((r) => r.indicatorId === c.plan.indicators[0]!.id)).toMatchObject({ value: 10540, status: 'red', breached: true })
    const entries = await listAuditEntries(db, c.proposal.id)
    expect(entries.at(-1)).toMatchObject({ eventType: 'monitoring.review', stateAfter: 'reassessment.deciding' })
  })

  it('a condition not met at two reviews running escalates; not met, in progress, not met does not', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    const first = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 12400, ['not_met', 'met']), today: '2026-04-03', now: NOW })
    expect(first.ok && first.assessment).toMatchObject({ status: 'amber', escalation: null })
    const second = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 12400, ['not_met', 'met'], '2026-07-02'), today: '2026-07-02', now: NOW })
    expect(second.ok && second.assessment).toMatchObject({ status: 'red', escalation: 'condition_not_met', notMetTwice: ['No Home Office branding in public areas.'] })
    expect(await stage(db, c)).toBe('reassessment')
    expect((await listRounds(db, c.proposal.id))[0]).toMatchObject({ trigger: 'condition_not_met' })

    const other = await monitoredVisaCase(db)
    for (const [n, statuses] of ([['not_met', 'met'], ['in_progress', 'met'], ['not_met', 'met']] as const).entries()) {
      const day = ['2026-04-03', '2026-07-02', '2026-10-02'][n]!
      const r = await recordReview(db, { user: other.chief, proposalId: other.proposal.id, values: values(other, 12400, [...statuses], day), today: day, now: NOW })
      expect(r.ok && r.assessment.escalation).toBe(null)
    }
    expect(await stage(db, other)).toBe('monitoring')
  })

  it('incidents recorded by staff count toward the incidents indicator of the period they happened in', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    const incident = (occurredOn: string) => ({
      occurredOn,
      occurredTime: '14:30',
      location: 'Rhuthun Central, ground floor',
      description: 'A group protested at the booth and a user left in distress.',
      rolesInvolved: ['front-desk staff', 'applicant', 'contractor staff'],
      actionTaken: 'The duty manager spoke with the group; the appointment was moved.',
    })
    for (const day of ['2026-02-10', '2026-03-31', '2026-04-02']) {
      const r = await recordIncident(db, { user: c.staff[0]!, proposalId: c.proposal.id, values: incident(day), today: '2026-04-03', now: NOW })
      expect(r.ok).toBe(true)
    }
    expect(await recordIncident(db, { user: c.staff[0]!, proposalId: c.proposal.id, values: incident('2026-04-04'), today: '2026-04-03', now: NOW })).toMatchObject({ ok: false, status: 400, field: 'occurredOn' })
    const reviewer = await createUser(db, c.org.id, ['reviewer'])
    expect(await recordIncident(db, { user: reviewer, proposalId: c.proposal.id, values: incident('2026-04-01'), today: '2026-04-03', now: NOW })).toMatchObject({ ok: false, status: 403 })
    expect(await listIncidents(db, c.proposal.id)).toHaveLength(3)
    const result = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 12400), today: '2026-04-03', now: NOW })
    if (!result.ok) throw new Error(result.message)
    // The incident on 2 April belongs to the second quarter.
    expect(result.assessment.readings.find((r) => r.indicator.measure === 'incidents')).toMatchObject({ value: 2, status: 'amber' })
  })

  it('a surge of staff concerns in the review period escalates, by Probity itself, as the batch bringing the last one is released', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db, { concernSurgeCount: 3 })
    const raise = (n: number, anonymous: boolean) =>
      raiseConcern(db, {
        user: c.staff[n]!,
        proposalId: c.proposal.id,
        now: NOW,
        secret: app().secret,
        category: 'reputation',
        text: `Users at the branch are asking whether we share their details with the Home Office (${n}).`,
        anonymous,
      })
    for (const n of [0, 1]) expect((await raise(n, n === 1)).ok).toBe(true)
    expect(await stage(db, c)).toBe('monitoring')
    // Releasing the anonymous ones with the third is enough: nobody has to notice.
    expect((await raise(2, true)).ok).toBe(true)
    expect(await stage(db, c)).toBe('monitoring')
    expect(await releaseAnonymous(db, c.org.id, c.proposal.id, NOW)).toEqual({ concerns: 2, endorsements: 0 })
    expect(await stage(db, c)).toBe('reassessment')
    // Nothing more to escalate while it is being reassessed.
    expect(await checkConcernSurge(db, { organisationId: c.org.id, proposalId: c.proposal.id, now: NOW })).toBe(false)
    expect((await listRounds(db, c.proposal.id))[0]).toMatchObject({ trigger: 'concern_surge' })
    const last = (await listAuditEntries(db, c.proposal.id)).at(-1)!
    expect(last).toMatchObject({ eventType: 'monitoring.escalate', actorKind: 'system', actorId: null })
    expect(last.summary).toContain('3 raised in this review period')
  })

  it('concerns raised in an earlier review period do not count toward a surge', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db, { concernSurgeCount: 3 })
    const raise = (n: number, now: Date) =>
      raiseConcern(db, { user: c.staff[n]!, proposalId: c.proposal.id, now, secret: app().secret, category: 'reputation', text: `The booth worries users (${n}).`, anonymous: true })
    const march = new Date('2026-03-20T10:00:00Z')
    for (const n of [0, 1]) expect((await raise(n, march)).ok).toBe(true)
    await releaseAnonymous(db, c.org.id, c.proposal.id, march)
    // Review 1 closes the first quarter; the period of review 2 starts on 1 April.
    expect((await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 12400), today: '2026-04-03', now: NOW })).ok).toBe(true)
    expect((await raise(2, NOW)).ok).toBe(true)
    await releaseAnonymous(db, c.org.id, c.proposal.id, NOW)
    expect(await stage(db, c)).toBe('monitoring')
    expect(await checkConcernSurge(db, { organisationId: c.org.id, proposalId: c.proposal.id, now: NOW })).toBe(false)
    expect(await listRounds(db, c.proposal.id)).toEqual([])
  })

  it('the person responsible is told once when a review becomes overdue, in the app and by e-mail', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    const mail = { publicUrl: 'http://localhost:3000', smtp: false }
    const notify = (today: string) => notifyOverdueReviews(db, { organisationId: c.org.id, today, mail })
    expect(await notify('2026-04-01')).toBe(0)
    expect(await notify('2026-04-02')).toBe(1)
    expect(await notify('2026-04-09')).toBe(0)
    const [notice] = await listNotifications(db, c.chief.id)
    expect(notice).toMatchObject({ kind: 'review.overdue', title: 'Review 1 of Biometric visa-application support in branch libraries is overdue', link: `/proposals/${c.proposal.id}/monitoring/review` })
    expect((await listOutbox(db, c.org.id)).map((m) => [m.toAddress, m.status])).toEqual([[c.chief.email, 'captured']])
    await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 12400, ['met', 'met'], '2026-04-09'), today: '2026-04-09', now: NOW })
    expect(await notify('2026-07-01')).toBe(0)
    expect(await notify('2026-07-02')).toBe(1)
    expect(await listNotifications(db, c.chief.id)).toHaveLength(2)
  })

  it('the chief librarian may escalate by hand; staff may not', async () => {
    const { db } = app().database
    const c = await monitoredVisaCase(db)
    expect(await escalate(db, { user: c.staff[0]!, proposalId: c.proposal.id, reason: 'Press coverage' })).toMatchObject({ ok: false, status: 403 })
    expect(await escalate(db, { user: c.chief, proposalId: c.proposal.id, reason: 'National press coverage of the booth' })).toEqual({ ok: true })
    expect((await listRounds(db, c.proposal.id))[0]).toMatchObject({ trigger: 'manual', triggerSummary: 'National press coverage of the booth' })
  })

  it('added conditions, signed by two signatories with their passwords, issue a signed addendum linked to the original record; monitoring resumes a quarter on', async () => {
    const { db } = app().database
    const { config } = app()
    const c = await monitoredVisaCase(db, { secondSignatoryRequired: true })
    const original = await issueDecisionRecord(db, config, c.proposal)
    const review = await recordReview(db, { user: c.chief, proposalId: c.proposal.id, values: values(c, 10540), today: '2026-04-03', now: NOW })
    expect(review.ok).toBe(true)
    const recorded = await recordOutcome(db, {
      user: c.chief,
      proposalId: c.proposal.id,
      values: { outcome: 'add_conditions', rationale: 'Move appointments to quieter mornings and survey users.', newConditions: ['Appointments only on weekday mornings.', 'A user perception survey before the next review.'] },
      now: NOW,
    })
    expect(recorded).toEqual({ ok: true })
    // Signed now: the signing certificate is only valid from when the test made it.
    const sign = (user: Person, password = TEST_PASSWORD) => signOutcome(db, { user, proposalId: c.proposal.id, password, signing: config, secret: app().secret, mail: OUTBOX_ONLY_MAIL, clientAddress: '127.0.0.1' })
    expect(await sign(c.signatory)).toMatchObject({ ok: false, status: 403 })
    expect(await sign(c.chief, 'not my password')).toMatchObject({ ok: false, status: 400, field: 'password' })
    expect(await sign(c.chief)).toEqual({ ok: true, closed: false, addendumId: null })
    expect(await stage(db, c)).toBe('reassessment')
    const signed = await sign(c.signatory)
    expect(signed).toMatchObject({ ok: true, closed: true })
    if (!signed.ok || !signed.addendumId) throw new Error('no addendum')

    expect(await stage(db, c)).toBe('monitoring')
    expect(await findPlan(db, c.proposal.id)).toMatchObject({ nextSlot: 2, nextDueOn: '2026-07-01' })
    expect((await listConditions(db, c.proposal.id)).map((k) => k.text)).toEqual([
      'No Home Office branding in public areas.',
      'Signage tells users the service is outside the library’s privacy protection.',
      'Appointments only on weekday mornings.',
      'A user perception survey before the next review.',
    ])
    const [round] = await listRounds(db, c.proposal.id)
    expect(round).toMatchObject({ outcome: 'add_conditions', addendumId: signed.addendumId })
    expect(round!.closedAt).not.toBeNull()

    const [addendum] = await db.select().from(decisionRecords).where(and(eq(decisionRecords.id, signed.addendumId)))
    expect(addendum).toMatchObject({ kind: 'addendum', parentRecordId: original.id, outcome: 'add_conditions', proposalId: c.proposal.id })
    // The addendum pins the chain at the last signature itself.
    const signature = (await listAuditEntries(db, c.proposal.id)).at(-1)!
    expect(signature.eventType).toBe('reassessment.sign')
    expect(addendum).toMatchObject({ auditHeadSeq: signature.seq, auditHeadHash: signature.hash })
    const file = await writeStoredFile(db, addendum!.sha256, config.dataDir)
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' })
    expect(pdfsig).toContain('Signature is Valid')
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(original.reference)
    expect(text).toContain(original.sha256.slice(0, 16))
    expect(text).toContain('Appointments only on weekday mornings.')
    expect(text).toContain('Visits at affected branches')
    expect(text).toContain('Dafydd Jones')
    expect(fs.statSync(file).size).toBe(addendum!.byteSize)
    expect((await verifyChain(db, c.proposal.id)).ok).toBe(true)
  })

  it('a suspension is signed, then resumed: reviews that fell due while suspended are not owed', async () => {
    const { db } = app().database
    const { config } = app()
    // Signed now, so the schedule is set around today: it started seven months ago, quarterly.
    const today = serviceDate(new Date())
    const startsOn = addMonths(today, -7)
    const c = await monitoredVisaCase(db, {}, startsOn)
    await issueDecisionRecord(db, config, c.proposal)
    await escalate(db, { user: c.chief, proposalId: c.proposal.id, reason: 'The contractor breached the data agreement' })
    const sign = () => signOutcome(db, { user: c.chief, proposalId: c.proposal.id, password: TEST_PASSWORD, signing: config, secret: app().secret, mail: OUTBOX_ONLY_MAIL, clientAddress: '127.0.0.1' })
    expect(await recordOutcome(db, { user: c.chief, proposalId: c.proposal.id, values: { outcome: 'suspend', rationale: 'Until the contractor explains the breach.' } })).toEqual({ ok: true })
    expect(await sign()).toMatchObject({ ok: true, closed: true })
    expect(await stage(db, c)).toBe('suspended')
    expect(await recordOutcome(db, { user: c.chief, proposalId: c.proposal.id, values: { outcome: 'resume', rationale: 'The contractor has put new safeguards in place.' } })).toEqual({ ok: true })
    expect(await sign()).toMatchObject({ ok: true, closed: true })
    expect(await stage(db, c)).toBe('monitoring')
    // The reviews due four months and a month ago fell in the suspension; the next is due in two months.
    expect(await findPlan(db, c.proposal.id)).toMatchObject({ nextSlot: 3, nextDueOn: addMonths(startsOn, 9) })
    const rounds = await listRounds(db, c.proposal.id)
    expect(rounds.map((r) => [r.phase, r.outcome])).toEqual([
      ['reassessment', 'suspend'],
      ['suspension', 'resume'],
    ])
    const records = await db.select().from(decisionRecords).where(eq(decisionRecords.proposalId, c.proposal.id))
    expect(records.map((r) => r.kind).sort()).toEqual(['addendum', 'addendum', 'decision'])
  })
})
