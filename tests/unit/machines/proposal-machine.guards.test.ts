import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { type EventActor, type ProposalEvent } from '#machines/proposal-events'
import { proposalMachine } from '#machines/proposal-machine'
import { can, next, restore, type ProposalSnapshot } from '#machines/proposal-workflow'
import { CAST, modelInput, ORG, T0 } from '#tests/support/proposal-model'

const P = CAST.proposer
const foreign = (a: EventActor): EventActor => ({ ...a, organisationId: '00000000-0000-4000-8000-0000000000ff' })

function start(): ProposalSnapshot {
  return restore(createActor(proposalMachine, { input: modelInput() }).start().getPersistedSnapshot(), 1)
}
function run(events: ProposalEvent[], from = start()): ProposalSnapshot {
  return events.reduce((s, e) => {
    expect(can(s, e), `${e.type} by ${e.actor.roles.join(',')}`).toBe(true)
    return next(s, e).snapshot
  }, from)
}

const assign: ProposalEvent = { type: 'reviewers.assign', reviewerIds: [CAST.reviewer1.id, CAST.reviewer2.id], actor: P }
const submit: ProposalEvent = { type: 'proposal.submit', intakeComplete: true, actor: P }
const clear = (r: EventActor): ProposalEvent => ({ type: 'review.declare', conflict: false, actor: r })
const reviewSubmit = (r: EventActor): ProposalEvent => ({ type: 'review.submit', actor: r })
const inScreening = () => run([assign, submit])
const screened = () =>
  run([clear(CAST.reviewer1), clear(CAST.reviewer2), reviewSubmit(CAST.reviewer1), reviewSubmit(CAST.reviewer2)], inScreening())
const inConsultation = () => run([{ type: 'screening.complete', actor: P }], screened())
const CLOSING = '2026-02-02T09:00:00.000Z'
const consultationDone = () =>
  run(
    [
      { type: 'pb.request', deadline: '2026-01-20T00:00:00.000Z', actor: P },
      { type: 'pb.respond', recommendationIds: [], actor: P },
      { type: 'pb.complete', actor: P },
      { type: 'staff.open', closingDate: CLOSING, at: T0, actor: P },
      { type: 'union.record', actor: P },
      { type: 'staff.complete', at: CLOSING, actor: P },
    ],
    inConsultation(),
  )

describe('who may send each event', () => {
  it('only the proposer edits, assigns and submits a draft', () => {
    const s = start()
    for (const actor of [CAST.reviewer1, CAST.staff, CAST.signatory, foreign(P)]) {
      expect(can(s, { ...assign, actor })).toBe(false)
      expect(can(s, { ...submit, actor })).toBe(false)
      expect(can(s, { type: 'proposal.update', actor })).toBe(false)
    }
    // Another chief librarian of the same service is not the proposer either.
    expect(can(s, { type: 'proposal.update', actor: { ...P, id: CAST.signatory.id } })).toBe(false)
  })

  it('only an assigned reviewer declares, and only for themself', () => {
    const s = inScreening()
    expect(can(s, clear(CAST.reviewer3))).toBe(false) // not assigned
    expect(can(s, clear(foreign(CAST.reviewer1)))).toBe(false)
    expect(can(s, clear({ ...CAST.reviewer1, roles: ['staff'] }))).toBe(false)
    expect(can(s, clear(CAST.reviewer1))).toBe(true)
  })

  it('a recused reviewer cannot score and cannot be reassigned', () => {
    const s = run([{ type: 'review.declare', conflict: true, reason: 'Works for the partner', actor: CAST.reviewer1 }], inScreening())
    expect(s.context.reviewers[CAST.reviewer1.id]).toBe('recused')
    expect(can(s, { type: 'review.save', actor: CAST.reviewer1 })).toBe(false)
    expect(can(s, reviewSubmit(CAST.reviewer1))).toBe(false)
    expect(can(s, { type: 'reviewers.assign', reviewerIds: [CAST.reviewer1.id, CAST.reviewer3.id], actor: P })).toBe(false)
    expect(can(s, { type: 'reviewers.assign', reviewerIds: [CAST.reviewer2.id, CAST.reviewer3.id], actor: P })).toBe(true)
  })

  it('staff raise concerns; only the proposer answers or hides them', () => {
    let s = run([{ type: 'staff.open', closingDate: CLOSING, at: T0, actor: P }], inConsultation())
    s = run([{ type: 'concern.raise', concernId: 'c1', at: T0, actor: CAST.anonymousStaff }], s)
    expect(can(s, { type: 'concern.raise', concernId: 'c2', at: T0, actor: CAST.reviewer1 })).toBe(false)
    expect(can(s, { type: 'concern.respond', concernId: 'c1', actor: CAST.staff })).toBe(false)
    expect(can(s, { type: 'concern.hide', concernId: 'c1', reason: 'x', actor: CAST.staff })).toBe(false)
    expect(can(s, { type: 'concern.respond', concernId: 'c1', actor: foreign(P) })).toBe(false)
    expect(can(s, { type: 'concern.respond', concernId: 'c1', actor: P })).toBe(true)
  })

  it('signing needs step-up, a signer role, and a different second person', () => {
    let s = run([{ type: 'decision.record', outcome: 'approve', actor: P }], consultationDone())
    expect(can(s, { type: 'decision.sign', stepUpVerified: false, actor: P })).toBe(false)
    expect(can(s, { type: 'decision.sign', stepUpVerified: true, actor: CAST.staff })).toBe(false)
    // The chief librarian signs first; a signatory alone cannot open the signing.
    expect(can(s, { type: 'decision.sign', stepUpVerified: true, actor: CAST.signatory })).toBe(false)
    s = run([{ type: 'decision.sign', stepUpVerified: true, actor: P }], s)
    expect(s.matches({ decision: 'signing' })).toBe(true)
    expect(can(s, { type: 'decision.sign', stepUpVerified: true, actor: P })).toBe(false)
    expect(can(s, { type: 'decision.record', outcome: 'reject', actor: P })).toBe(false)
    s = run([{ type: 'decision.sign', stepUpVerified: true, actor: CAST.signatory }], s)
    expect(s.value).toBe('approved')
  })

  it('withdrawal is the proposer’s, and only before the decision', () => {
    const withdraw = (actor: EventActor): ProposalEvent => ({ type: 'proposal.withdraw', reason: 'No longer needed', actor })
    expect(can(inScreening(), withdraw(CAST.reviewer1))).toBe(false)
    expect(can(inConsultation(), withdraw(P))).toBe(true)
    expect(can(consultationDone(), withdraw(P))).toBe(false)
  })
})

describe('when each event is allowed (data readiness)', () => {
  it('a draft cannot be submitted with an incomplete intake or too few reviewers', () => {
    expect(can(start(), submit)).toBe(false) // no reviewers
    const assigned = run([assign])
    expect(can(assigned, { ...submit, intakeComplete: false })).toBe(false)
    expect(can(assigned, { type: 'reviewers.assign', reviewerIds: [CAST.reviewer1.id], actor: P })).toBe(false)
    expect(can(assigned, submit)).toBe(true)
  })

  it('screening completes only when the minimum of non-recused reviewers have submitted', () => {
    let s = run([clear(CAST.reviewer1), clear(CAST.reviewer2), reviewSubmit(CAST.reviewer1)], inScreening())
    expect(can(s, { type: 'screening.complete', actor: P })).toBe(false)
    s = run([reviewSubmit(CAST.reviewer2)], s)
    expect(can(s, { type: 'screening.complete', actor: P })).toBe(true)
  })

  it('the professional-body region completes only when every recommendation is answered', () => {
    let s = run(
      [
        { type: 'pb.request', deadline: '2026-01-20T00:00:00.000Z', actor: P },
        { type: 'pb.respond', recommendationIds: ['r1', 'r2'], actor: P },
        { type: 'pb.answer', recommendationId: 'r1', accepted: true, actor: P },
      ],
      inConsultation(),
    )
    expect(can(s, { type: 'pb.complete', actor: P })).toBe(false)
    // Not accepting needs a rationale.
    expect(can(s, { type: 'pb.answer', recommendationId: 'r2', accepted: false, rationale: ' ', actor: P })).toBe(false)
    s = run([{ type: 'pb.answer', recommendationId: 'r2', accepted: false, rationale: 'Out of scope', actor: P }], s)
    expect(can(s, { type: 'pb.complete', actor: P })).toBe(true)
  })

  it('closing without a response needs the deadline to have passed', () => {
    const s = run([{ type: 'pb.request', deadline: '2026-01-20T00:00:00.000Z', actor: P }], inConsultation())
    const close = (at: string): ProposalEvent => ({ type: 'pb.closeWithoutResponse', at, note: 'No reply', actor: P })
    expect(can(s, close('2026-01-19T00:00:00.000Z'))).toBe(false)
    expect(can(s, close('2026-01-21T00:00:00.000Z'))).toBe(true)
  })

  it('the staff region needs the minimum length, the closing date, every concern answered and the union', () => {
    const s0 = inConsultation()
    expect(can(s0, { type: 'staff.open', closingDate: '2026-01-10T09:00:00.000Z', at: T0, actor: P })).toBe(false)
    let s = run(
      [
        { type: 'staff.open', closingDate: CLOSING, at: T0, actor: P },
        { type: 'concern.raise', concernId: 'c1', at: T0, actor: CAST.staff },
      ],
      s0,
    )
    const complete: ProposalEvent = { type: 'staff.complete', at: CLOSING, actor: P }
    expect(can(s, { ...complete, at: T0 })).toBe(false) // before the closing date
    expect(can(s, complete)).toBe(false) // concern unanswered, no union record
    s = run([{ type: 'concern.respond', concernId: 'c1', actor: P }], s)
    expect(can(s, complete)).toBe(false) // no union record
    s = run([{ type: 'union.record', actor: P }], s)
    expect(can(s, complete)).toBe(true)
    expect(can(s, { type: 'concern.raise', concernId: 'c2', at: '2026-02-03T00:00:00.000Z', actor: CAST.staff })).toBe(false)
  })

  it('decision is reachable only when both consultation regions are done', () => {
    const s = run(
      [
        { type: 'pb.request', deadline: '2026-01-20T00:00:00.000Z', actor: P },
        { type: 'pb.respond', recommendationIds: [], actor: P },
        { type: 'pb.complete', actor: P },
      ],
      inConsultation(),
    )
    expect(s.matches('consultation')).toBe(true)
    expect(can(s, { type: 'decision.record', outcome: 'approve', actor: P })).toBe(false)
    expect(consultationDone().matches('decision')).toBe(true)
  })

  it('return for revision goes back to draft, keeping recusals and counting the revision', () => {
    let s = run([{ type: 'decision.record', outcome: 'return_for_revision', actor: P }], consultationDone())
    s = run([{ type: 'decision.sign', stepUpVerified: true, actor: P }, { type: 'decision.sign', stepUpVerified: true, actor: CAST.signatory }], s)
    expect(s.value).toBe('draft')
    expect(s.context.revisions).toBe(1)
    expect(s.context.reviewers[CAST.reviewer1.id]).toBe('assigned')
  })

  it('a breach in monitoring starts reassessment; the system may escalate too', () => {
    let s = run(
      [
        { type: 'decision.record', outcome: 'approve_with_conditions', actor: P },
        { type: 'decision.sign', stepUpVerified: true, actor: P },
        { type: 'decision.sign', stepUpVerified: true, actor: CAST.signatory },
        { type: 'monitoring.start', actor: P },
        { type: 'monitoring.review', breach: false, actor: P },
      ],
      consultationDone(),
    )
    expect(s.value).toBe('monitoring')
    expect(can(s, { type: 'monitoring.review', breach: false, actor: CAST.staff })).toBe(false)
    expect(can(s, { type: 'monitoring.escalate', reason: 'surge', actor: CAST.staff })).toBe(false)
    expect(can(s, { type: 'monitoring.escalate', reason: 'surge', actor: CAST.system })).toBe(true)
    s = run([{ type: 'monitoring.review', breach: true, actor: P }], s)
    expect(s.matches('reassessment')).toBe(true)
    expect(s.context.organisationId).toBe(ORG)
  })
})
