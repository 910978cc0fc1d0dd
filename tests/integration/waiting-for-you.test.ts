import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { listNotifications, listOutbox } from '#db/notifications.server'
import { updateOrganisationSettings } from '#db/settings.server'
import { findOrganisation } from '#db/users.server'
import { type Proposal } from '#db/schema'
import { addDays, serviceDate } from '~/utils/calendar'
import { addMonths } from '~/utils/review-schedule'
import { sendReminders } from '~/workflow/scheduled/send-reminders.server'
import { startMonitoring, visaPlan } from '#tests/support/monitoring'
import { recordResponse, requestOpinion } from '~/workflow/consultation/professional-body.server'
import { raiseConcern } from '~/workflow/consultation/concerns.server'
import { anonymityPolicy, releaseDueContributions, serviceHour } from '~/workflow/consultation/release-anonymous.server'
import { remindConcernsToAnswer } from '~/workflow/reminders/concerns-to-answer.server'
import { must } from '~/workflow/scenarios/consultation.server'
import { openedStaffConsultation, TEST_MAIL } from '#tests/support/consultation'
import { recordDecision, signDecision } from '~/workflow/decision/decision.server'
import { type Person } from '~/workflow/person'
import { OUTBOX_ONLY_MAIL } from '~/workflow/scenarios/consultation.server'
import { waitingFor } from '~/workflow/waiting/waiting-for-you.server'
import { visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { createOrganisation, createProposal, createUser, TEST_PASSWORD } from '#tests/support/factories'
import { submitProposal } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4600' })
const today = serviceDate(new Date())

function sign(db: Database, user: Person, proposal: Proposal) {
  return signDecision(db, {
    user,
    proposalId: proposal.id,
    password: TEST_PASSWORD,
    signing: app().config,
    secret: app().secret,
    mail: OUTBOX_ONLY_MAIL,
    clientAddress: '192.0.2.10',
  })
}

const actions = async (db: Database, person: Person) => (await waitingFor(db, person, today)).map((i) => `${i.action} ${i.link}`)

describe(`"Waiting for you" is derived from the machine (${databaseKind()})`, () => {
  it('lists a reviewer’s declaration once they are assigned, and nothing for anyone else', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
    const staff = await createUser(db, org.id, ['staff'])
    const proposal = await createProposal(db, org.id, chief.id)
    expect(await actions(db, reviewers[0]!)).toEqual([])
    await submitProposal(db, { proposal, proposer: chief, reviewers })
    for (const reviewer of reviewers) {
      expect(await actions(db, reviewer)).toEqual([`declare_interests /proposals/${proposal.id}/screening/review`])
    }
    expect(await actions(db, staff)).toEqual([])
    expect(await actions(db, chief)).toEqual([])
    // The same event tells each reviewer, in the app and by e-mail, and nobody else.
    const reviewLink = `/proposals/${proposal.id}/screening/review`
    for (const reviewer of reviewers) {
      expect(await listNotifications(db, reviewer.id)).toEqual([expect.objectContaining({ kind: 'review.assigned', link: reviewLink })])
    }
    const mail = (await listOutbox(db, org.id)).filter((m) => m.subject.startsWith('You are a reviewer of'))
    expect(mail.map((m) => m.toAddress).sort()).toEqual(reviewers.map((r) => r.email).sort())
    expect(mail[0]!.body).toContain(`http://localhost:3000${reviewLink}`)
    expect(await listNotifications(db, chief.id)).toEqual([])
    expect(await listNotifications(db, staff.id)).toEqual([])
  })

  it('recommendations and staff concerns wait for the proposer, who is told of each; a concern the day after, never who raised it', async () => {
    const { db } = app().database
    const c = await openedStaffConsultation(db, { staff: 2 })
    const base = { user: c.proposer, proposalId: c.proposal.id }
    const p = `/proposals/${c.proposal.id}`
    must('pb.request', await requestOpinion(db, { ...base, sentOn: today, contact: 'CILIP', shared: 'The proposal', deadline: addDays(today, 21) }))
    must('pb.respond', await recordResponse(db, { ...base, receivedOn: today, summary: 'Two asks', recommendations: ['One', 'Two'], mail: TEST_MAIL }))
    const waiting = await waitingFor(db, c.proposer, today)
    expect(waiting).toContainEqual(expect.objectContaining({ action: 'answer_recommendation', count: 2, link: `${p}/consultation/professional-body` }))
    expect(await listNotifications(db, c.proposer.id)).toEqual([expect.objectContaining({ kind: 'recommendation.to-answer', link: `${p}/consultation/professional-body` })])
    expect((await listOutbox(db, c.org.id)).filter((m) => m.toAddress === c.proposer.email && m.subject.includes('recommendations'))).toHaveLength(1)

    const [author] = c.staff
    // Two eligible staff count as a large enough group here, so the daily release applies (ADR 023).
    const organisation = await findOrganisation(db, c.org.id)
    await updateOrganisationSettings(db, c.org.id, { ...organisation!.settings, anonymityMinimumGroup: 2 })
    const toldBefore = await listNotifications(db, c.proposer.id)
    const mailBefore = await listOutbox(db, c.org.id)
    must('concern.raise', await raiseConcern(db, { user: author!, proposalId: c.proposal.id, secret: app().secret, category: 'privacy', text: 'Who sees the list of users?', anonymous: true }))
    // Held until its batch's release: nothing waits, and nobody is told, at the moment of writing.
    expect(await actions(db, c.proposer)).not.toContain(`answer_concern ${p}/consultation#concerns`)
    expect(await remindConcernsToAnswer(db, { organisationId: c.org.id, today: addDays(today, 1), mail: TEST_MAIL })).toBe(0)
    expect(await listNotifications(db, c.proposer.id)).toEqual(toldBefore)
    expect(await listOutbox(db, c.org.id)).toEqual(mailBefore)

    // The scheduled job releases it in the organisation's release hour, from tomorrow on.
    const releaseAt = new Date(Date.now() + 24 * 3_600_000)
    releaseAt.setUTCMinutes(0, 0, 0)
    const { releaseHour } = await anonymityPolicy(db, c.org.id)
    while (serviceHour(releaseAt) !== releaseHour) releaseAt.setTime(releaseAt.getTime() + 3_600_000)
    expect(await releaseDueContributions(db, releaseAt)).toMatchObject({ concerns: 1 })
    expect(await actions(db, c.proposer)).toContain(`answer_concern ${p}/consultation#concerns`)
    expect(await actions(db, author!)).toEqual([])
    // Told only from the day after its release, so the telling's time says nothing the batch does not.
    const releasedOn = serviceDate(releaseAt)
    expect(await remindConcernsToAnswer(db, { organisationId: c.org.id, today: releasedOn, mail: TEST_MAIL })).toBe(0)
    expect(await remindConcernsToAnswer(db, { organisationId: c.org.id, today: addDays(releasedOn, 1), mail: TEST_MAIL })).toBe(1)
    expect(await remindConcernsToAnswer(db, { organisationId: c.org.id, today: addDays(releasedOn, 2), mail: TEST_MAIL })).toBe(0)
    const told = (await listNotifications(db, c.proposer.id)).filter((n) => n.kind === 'concern.to-answer')
    expect(told).toEqual([expect.objectContaining({ link: `${p}/consultation#concerns` })])
    const mail = (await listOutbox(db, c.org.id)).filter((m) => m.subject === told[0]!.title)
    expect(mail.map((m) => m.toAddress)).toEqual([c.proposer.email])
    expect(JSON.stringify([told, mail])).not.toContain(author!.name)
    expect(JSON.stringify([told, mail])).not.toContain(author!.email)
    for (const member of c.staff) expect((await listNotifications(db, member.id)).filter((n) => n.kind === 'concern.to-answer')).toEqual([])
  })

  it('the second signatory hears when the chief has signed: in the list, a notification and an e-mail', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret, settings: { secondSignatoryRequired: true } })
    const decisionLink = `/proposals/${c.proposal.id}/decision`
    expect(await actions(db, c.chief)).toEqual([])

    const values = await visaApproval(db, c.proposal, today)
    expect(await recordDecision(db, { user: c.chief, proposalId: c.proposal.id, values })).toMatchObject({ ok: true })
    expect(await actions(db, c.chief)).toEqual([`sign_decision ${decisionLink}`])
    // The first signature is the chief librarian's: nothing waits for the signatory yet.
    expect(await actions(db, c.signatory)).toEqual([])
    expect(await listNotifications(db, c.signatory.id)).toEqual([])

    expect(await sign(db, c.chief, c.proposal)).toMatchObject({ ok: true })
    expect(await actions(db, c.chief)).toEqual([])
    expect(await actions(db, c.signatory)).toEqual([`sign_decision ${decisionLink}`])
    const notices = await listNotifications(db, c.signatory.id)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'signature.next', link: decisionLink })
    expect(notices[0]!.title).toContain('awaits your signature')
    const mail = (await listOutbox(db, c.org.id)).filter((m) => m.subject === notices[0]!.title)
    expect(mail.map((m) => m.toAddress)).toEqual([c.signatory.email])
    expect(mail[0]!.body).toContain(`http://localhost:3000${decisionLink}`)
    // Nothing in what the signatory is told correlates with who raised the anonymous concern.
    for (const author of c.staff) {
      expect(JSON.stringify([notices, mail])).not.toContain(author.name)
      expect(JSON.stringify([notices, mail])).not.toContain(author.email)
    }
    expect(await listNotifications(db, c.chief.id)).not.toContainEqual(expect.objectContaining({ kind: 'signature.next' }))

    expect(await sign(db, c.signatory, c.proposal)).toMatchObject({ ok: true })
    expect(await actions(db, c.signatory)).toEqual([])
    expect(await listNotifications(db, c.signatory.id)).toHaveLength(1)
  })

  it('a monitoring review waits for the chief librarian once it is due, and the same reminder job tells them', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'])
    const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
    const overdue = await createProposal(db, org.id, chief.id, { title: 'Payday lender sponsorship' })
    await startMonitoring(db, overdue, { chief, reviewers }, visaPlan(addMonths(today, -4)))
    const recent = await createProposal(db, org.id, chief.id, { title: 'Coffee concession' })
    await startMonitoring(db, recent, { chief, reviewers }, visaPlan(addMonths(today, -1)))
    const link = `/proposals/${overdue.id}/monitoring/review`
    expect(await actions(db, chief)).toEqual([`record_review ${link}`])
    expect(await actions(db, reviewers[0]!)).toEqual([])
    await sendReminders(db, TEST_MAIL)
    expect(await listNotifications(db, chief.id)).toContainEqual(expect.objectContaining({ kind: 'review.overdue', link }))
    expect((await listOutbox(db, org.id)).filter((m) => m.toAddress === chief.email && m.subject.includes('Payday lender sponsorship'))).toHaveLength(1)
  })
})
