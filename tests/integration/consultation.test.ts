import { eq } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { countUnread, listOutbox } from '#db/notifications.server'
import { setUserActive } from '#db/users.server'
import { outboxMessages, staffConcerns } from '#db/schema'
import { deliverMessage } from '~/utils/mail.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import {
  concernLimit,
  endorseConcern,
  hideConcern,
  lookUpReceipt,
  raiseConcern,
  respondToConcern,
} from '~/workflow/consultation/concerns.server'
import {
  answerRecommendation,
  closeWithoutResponse,
  completeProfessionalBody,
  recordResponse,
  requestOpinion,
} from '~/workflow/consultation/professional-body.server'
import {
  ConsultationIncompleteError,
  getConsultationRecord,
} from '~/workflow/consultation/record.server'
import {
  completeStaffConsultation,
  openStaffConsultation,
  recordUnionResponse,
} from '~/workflow/consultation/staff.server'
import { completeConsultation, enterConsultation, releaseAnonymous, TEST_MAIL } from '#tests/support/consultation'
import { createOrganisation, createProposal, createUser } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const DAY = 86_400_000
const NOW = new Date('2026-03-02T10:00:00Z')
const later = (days: number) => new Date(NOW.getTime() + days * DAY)

async function consultationCase(db: Database, settings: { unionRecognised?: boolean } = {}) {
  const org = await createOrganisation(db, settings)
  const proposer = await createUser(db, org.id, ['chief_librarian', 'signatory'])
  const reviewers = [
    await createUser(db, org.id, ['reviewer']),
    await createUser(db, org.id, ['reviewer']),
  ]
  const staff = [
    await createUser(db, org.id, ['staff']),
    await createUser(db, org.id, ['staff']),
    await createUser(db, org.id, ['staff']),
  ]
  const proposal = await createProposal(db, org.id, proposer.id, {
    title: 'Visa biometrics',
    partner: 'UKVI',
  })
  await enterConsultation(db, { proposal, proposer, reviewers })
  const base = { user: proposer, proposalId: proposal.id, now: NOW }
  return { org, proposer, staff, proposal, base }
}

async function stage(db: Database, organisationId: string, proposalId: string) {
  const loaded = await loadProposal(db, organisationId, proposalId)
  return loaded!.snapshot
}

function ok<T extends { ok: boolean }>(result: T) {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
  return result as Extract<T, { ok: true }>
}

describe(`consultation (${databaseKind()})`, () => {
  it('runs both regions to done, then the decision opens, and the record has every answer and condition', async () => {
    const { db } = app().database
    const { proposer, staff, proposal, org } = await consultationCase(db)
    const { receipt } = await completeConsultation(db, {
      proposal,
      proposer,
      staff,
      secret: app().secret,
      now: NOW,
    })
    expect((await stage(db, org.id, proposal.id)).value).toEqual({ decision: 'drafting' })

    const record = await getConsultationRecord(db, org.id, proposal.id)
    expect(record.professionalBody.request).toMatchObject({
      contact: 'CILIP Policy team',
      sentOn: '2026-03-02',
      deadline: '2026-03-23',
    })
    expect(record.professionalBody.response).toMatchObject({
      received: true,
      recommendations: [
        { answer: 'accepted', text: 'Consult affected staff openly before launch.' },
        { answer: 'not_accepted', rationale: 'No date is set for that guidance.' },
      ],
    })
    expect(record.staff).toMatchObject({ openedOn: '2026-03-02', closesOn: '2026-03-16' })
    expect(record.staff.concerns).toHaveLength(2)
    const anonymous = record.staff.concerns.find((c) => c.raisedBy.anonymous)!
    expect(anonymous).toEqual({
      category: 'safety',
      text: 'Some colleagues would not feel safe beside this service.',
      raisedBy: { anonymous: true },
      raisedOn: '2026-03-02',
      endorsements: 0,
      // Answered once released, at the closing (ADR 023).
      response: { text: 'Nobody will be asked to work in the booth.', respondedOn: '2026-03-17' },
      hidden: null,
    })
    const named = record.staff.concerns.find((c) => !c.raisedBy.anonymous)!
    expect(named.raisedBy).toEqual({ anonymous: false, name: staff[0]!.name })
    expect(named.endorsements).toBe(1)
    expect(record.union).toMatchObject({ recognised: true, union: 'UNISON' })
    expect(record.conditions).toEqual([
      { text: 'Consult affected staff openly before launch.', source: 'professional_body' },
      { text: 'No Home Office branding in public areas.', source: 'staff' },
    ])

    // The anonymous author finds the concern and its answer again with the receipt alone.
    const found = await lookUpReceipt(db, org.id, receipt.toLowerCase().replaceAll('-', ' '))
    expect(found).toMatchObject({
      category: 'safety',
      response: 'Nobody will be asked to work in the booth.',
    })
    const elsewhere = await createOrganisation(db)
    expect(await lookUpReceipt(db, elsewhere.id, receipt)).toBeUndefined()
    expect(await lookUpReceipt(db, org.id, 'AAAA-AAAA-AAAA-AAAA-AAAA')).toBeUndefined()
  })

  it('the regions complete independently, and the decision waits for both', async () => {
    const { db } = app().database
    const { proposal, base, org } = await consultationCase(db)
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    ok(
      await recordUnionResponse(db, {
        ...base,
        unionName: 'UNISON',
        consultedOn: '2026-03-02',
        response: 'No objection',
      }),
    )
    ok(await completeStaffConsultation(db, { ...base, now: later(15) }))
    let s = await stage(db, org.id, proposal.id)
    expect(s.value).toEqual({ consultation: { professionalBody: 'notRequested', staff: 'done' } })
    ok(
      await requestOpinion(db, {
        ...base,
        sentOn: '2026-03-02',
        contact: 'CILIP',
        shared: 'Papers',
        deadline: '2026-03-20',
      }),
    )
    ok(
      await recordResponse(db, {
        ...base,
        mail: TEST_MAIL,
        receivedOn: '2026-03-02',
        summary: 'No objection',
        recommendations: [],
      }),
    )
    ok(await completeProfessionalBody(db, base))
    s = await stage(db, org.id, proposal.id)
    expect(s.value).toEqual({ decision: 'drafting' })
  })

  it('refuses to complete the professional body while a recommendation is unanswered, and wants a rationale to decline', async () => {
    const { db } = app().database
    const { proposal, base, org } = await consultationCase(db)
    ok(
      await requestOpinion(db, {
        ...base,
        sentOn: '2026-03-02',
        contact: 'CILIP',
        shared: 'Papers',
        deadline: '2026-03-20',
      }),
    )
    const responded = ok(
      await recordResponse(db, {
        ...base,
        mail: TEST_MAIL,
        receivedOn: '2026-03-02',
        summary: 'Two asks',
        recommendations: ['One', 'Two'],
      }),
    )
    const [r1, r2] = Object.keys(responded.snapshot.context.professionalBody.recommendations)
    ok(await answerRecommendation(db, { ...base, recommendationId: r1!, accepted: true }))
    expect(await completeProfessionalBody(db, base)).toMatchObject({
      ok: false,
      status: 409,
      message: 'One recommendation still needs an answer.',
    })
    expect(
      await answerRecommendation(db, {
        ...base,
        recommendationId: r2!,
        accepted: false,
        rationale: '  ',
      }),
    ).toMatchObject({ ok: false, field: 'rationale' })
    expect(
      await answerRecommendation(db, {
        ...base,
        recommendationId: r1!,
        accepted: false,
        rationale: 'Changed mind',
      }),
    ).toMatchObject({ ok: false })
    ok(
      await answerRecommendation(db, {
        ...base,
        recommendationId: r2!,
        accepted: false,
        rationale: 'Out of scope',
      }),
    )
    ok(await completeProfessionalBody(db, base))
    expect(
      (await stage(db, org.id, proposal.id)).matches({
        consultation: { professionalBody: 'done' },
      }),
    ).toBe(true)
  })

  it('closes without a response only after the deadline, and the record says none was received', async () => {
    const { db } = app().database
    const { proposal, base, org } = await consultationCase(db)
    ok(
      await requestOpinion(db, {
        ...base,
        sentOn: '2026-03-02',
        contact: 'CILIP',
        shared: 'Papers',
        deadline: '2026-03-09',
      }),
    )
    const early = await closeWithoutResponse(db, { ...base, now: later(7), note: 'Nothing came' })
    expect(early).toMatchObject({ ok: false, status: 409 })
    expect(early.ok ? '' : early.message).toContain('9 March 2026')
    ok(
      await closeWithoutResponse(db, {
        ...base,
        now: later(8),
        note: 'No reply by the deadline despite a reminder',
      }),
    )
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    ok(
      await recordUnionResponse(db, {
        ...base,
        unionName: 'UNISON',
        consultedOn: '2026-03-02',
        response: 'None',
      }),
    )
    ok(await completeStaffConsultation(db, { ...base, now: later(15) }))
    const record = await getConsultationRecord(db, org.id, proposal.id)
    expect(record.professionalBody.response).toEqual({
      received: false,
      note: 'No reply by the deadline despite a reminder',
    })
  })

  it('the staff region needs the minimum length, the closing date, every concern answered and the union response', async () => {
    const { db } = app().database
    const { base, staff, proposal } = await consultationCase(db)
    const tooSoon = await openStaffConsultation(db, {
      ...base,
      closesOn: '2026-03-15',
      summary: 'Summary',
      mail: TEST_MAIL,
    })
    expect(tooSoon).toMatchObject({
      ok: false,
      field: 'closesOn',
      message: 'Staff must have at least 14 days: choose 16 March 2026 or later',
    })
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    const raised = await raiseConcern(db, {
      user: staff[0]!,
      proposalId: proposal.id,
      now: NOW,
      secret: app().secret,
      category: 'workload',
      text: 'Desk cover',
      anonymous: false,
    })
    const concernId = raised.ok ? raised.concernId : ''

    const complete = (days: number) => completeStaffConsultation(db, { ...base, now: later(days) })
    expect(await complete(14)).toMatchObject({
      ok: false,
      message: expect.stringContaining('open until the end of 16 March 2026, so staff have the full period to respond: it can be completed from 17 March 2026.'),
    })
    const blocked = await complete(15)
    expect(blocked).toMatchObject({ ok: false, status: 409 })
    expect(blocked.ok ? '' : blocked.message).toContain('Every concern needs a published response')
    expect(blocked.ok ? '' : blocked.message).toContain('trade union')
    ok(
      await respondToConcern(db, {
        ...base,
        concernId,
        response: 'Extra cover funded by the income',
      }),
    )
    expect(await complete(15)).toMatchObject({
      ok: false,
      message: 'Record the trade union’s response.',
    })
    ok(
      await recordUnionResponse(db, {
        ...base,
        unionName: 'UNISON',
        consultedOn: '2026-03-02',
        response: 'Opposed',
      }),
    )
    ok(await complete(15))
  })

  it('needs no union response where the service recognises none', async () => {
    const { db } = app().database
    const { base, org, proposal } = await consultationCase(db, { unionRecognised: false })
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    ok(await completeStaffConsultation(db, { ...base, now: later(15) }))
    ok(
      await requestOpinion(db, {
        ...base,
        sentOn: '2026-03-02',
        contact: 'CILIP',
        shared: 'Papers',
        deadline: '2026-03-20',
      }),
    )
    ok(
      await recordResponse(db, {
        ...base,
        mail: TEST_MAIL,
        receivedOn: '2026-03-02',
        summary: 'Fine',
        recommendations: [],
      }),
    )
    ok(await completeProfessionalBody(db, base))
    expect((await getConsultationRecord(db, org.id, proposal.id)).union).toEqual({
      recognised: false,
    })
  })

  it('refuses a concern after the closing date with a clear message, and a hidden concern needs no answer', async () => {
    const { db } = app().database
    const { base, staff, proposal } = await consultationCase(db, { unionRecognised: false })
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    const raise = (days: number, text: string) =>
      raiseConcern(db, {
        user: staff[1]!,
        proposalId: proposal.id,
        now: later(days),
        secret: app().secret,
        category: 'other',
        text,
        anonymous: true,
      })
    const abusive = await raise(1, 'Something abusive')
    expect(await raise(15, 'Too late')).toMatchObject({
      ok: false,
      status: 409,
      message: 'The staff consultation closed on 16 March 2026. Concerns can no longer be raised.',
    })
    const concernId = abusive.ok ? abusive.concernId : ''
    await releaseAnonymous(db, proposal.organisationId, proposal.id, later(2))
    ok(await hideConcern(db, { ...base, concernId, reason: 'Personal abuse of a colleague' }))
    expect(await hideConcern(db, { ...base, concernId, reason: 'Again' })).toMatchObject({
      ok: false,
      status: 409,
    })
    expect(
      await endorseConcern(db, {
        user: staff[0]!,
        proposalId: proposal.id,
        now: later(2),
        secret: app().secret,
        concernId,
        anonymous: false,
      }),
    ).toMatchObject({ ok: false, status: 409 })
    const [row] = await db.select().from(staffConcerns).where(eq(staffConcerns.id, concernId))
    expect(row).toMatchObject({
      text: 'Something abusive',
      hiddenReason: 'Personal abuse of a colleague',
    })
    // Never deleted: the database itself refuses.
    await expect(db.delete(staffConcerns).where(eq(staffConcerns.id, concernId))).rejects.toThrow()
    ok(await completeStaffConsultation(db, { ...base, now: later(15) }))
  })

  it('tells every member of staff when the consultation opens, in the app and through the outbox', async () => {
    const { db } = app().database
    const { base, staff, org, proposer } = await consultationCase(db)
    const inactive = await createUser(db, org.id, ['staff'])
    await setUserActive(db, org.id, inactive.id, false)
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: { ...TEST_MAIL, smtp: false },
      }),
    )
    for (const person of staff) expect(await countUnread(db, person.id)).toBe(1)
    expect(await countUnread(db, inactive.id)).toBe(0)
    expect(await countUnread(db, proposer.id)).toBe(0)
    const outbox = await listOutbox(db, org.id)
    expect(outbox.map((m) => m.toAddress).sort()).toEqual(staff.map((s) => s.email).sort())
    expect(outbox.every((m) => m.status === 'captured')).toBe(true)
    expect(outbox[0]!.body).toContain(
      `http://localhost:3000/proposals/${base.proposalId}/consultation`,
    )
    expect(outbox[0]!.body).toContain('16 March 2026')
  })

  it('queues e-mail for delivery when SMTP is configured; a refused try waits for a retry, the last sets it aside', async () => {
    const { db } = app().database
    const { base, staff, org } = await consultationCase(db)
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: { ...TEST_MAIL, smtp: true },
      }),
    )
    const queued = await listOutbox(db, org.id)
    expect(queued.map((m) => m.status)).toEqual(staff.map(() => 'pending'))
    const [first, second] = queued
    const refusing = { sendMail: async () => Promise.reject(new Error('421 try later')) }
    await expect(
      deliverMessage(db, refusing, 'probity@test.example', { messageId: first!.id, lastTry: false }),
    ).rejects.toThrow('retried')
    expect(await deliverMessage(db, refusing, 'probity@test.example', { messageId: second!.id, lastTry: true })).toBe('failed')
    const sent: string[] = []
    const transport = nodemailer.createTransport({ jsonTransport: true })
    const recording = {
      sendMail: async (m: Parameters<typeof transport.sendMail>[0]) => (
        sent.push(String(m.to)),
        transport.sendMail(m)
      ),
    }
    for (const m of queued) await deliverMessage(db, recording, 'probity@test.example', { messageId: m.id, lastTry: false })
    expect(sent).toEqual(queued.filter((m) => m.id !== second!.id).map((m) => m.toAddress))
    const rows = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.organisationId, org.id))
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(first!.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null })
    expect(byId.get(second!.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: '421 try later' })
  })

  it('limits how many concerns one person raises in an hour, in memory', async () => {
    const { db } = app().database
    const { base, staff, proposal } = await consultationCase(db)
    ok(
      await openStaffConsultation(db, {
        ...base,
        closesOn: '2026-03-16',
        summary: 'Summary',
        mail: TEST_MAIL,
      }),
    )
    const raise = (minutes: number) =>
      raiseConcern(db, {
        user: staff[2]!,
        proposalId: proposal.id,
        now: new Date(NOW.getTime() + minutes * 60_000),
        secret: app().secret,
        category: 'other',
        text: 'Again',
        anonymous: minutes % 2 === 0,
      })
    for (let i = 0; i < concernLimit.limit; i++) ok(await raise(i))
    expect(await raise(10)).toMatchObject({ ok: false, status: 429 })
    ok(await raise(61))
  })

  it('a proposal returned for revision is consulted on afresh', async () => {
    const { db } = app().database
    const { proposer, staff, proposal, org } = await consultationCase(db)
    await completeConsultation(db, { proposal, proposer, staff, secret: app().secret, now: NOW })
    const P = actorFor(proposer)
    for (const event of [
      { type: 'decision.record', outcome: 'return_for_revision', actor: P },
      { type: 'decision.sign', stepUpVerified: true, actor: P },
    ] as const) {
      ok(await applyEvent(db, { organisationId: org.id, proposalId: proposal.id, event }))
    }
    expect((await stage(db, org.id, proposal.id)).value).toBe('draft')
    const reviewers = [
      await createUser(db, org.id, ['reviewer']),
      await createUser(db, org.id, ['reviewer']),
    ]
    await enterConsultation(db, { proposal, proposer, reviewers })
    await expect(getConsultationRecord(db, org.id, proposal.id)).rejects.toThrow(
      ConsultationIncompleteError,
    )
    await completeConsultation(db, {
      proposal,
      proposer,
      staff,
      secret: app().secret,
      now: later(30),
    })
    const record = await getConsultationRecord(db, org.id, proposal.id)
    expect(record.staff.openedOn).toBe('2026-04-01')
    expect(record.staff.concerns.map((c) => c.raisedOn)).toEqual(['2026-04-01', '2026-04-01'])
    expect(record.conditions).toHaveLength(2)
  })
})
