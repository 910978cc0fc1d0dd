import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { type ProposalEvent } from '#machines/proposal-events'
import { proposalMachine } from '#machines/proposal-machine'
import { can, next, restore, type ProposalSnapshot } from '#machines/proposal-workflow'
import { CAST, modelInput } from '#tests/support/proposal-model'

const P = CAST.proposer
const [R1, R2, R3] = [CAST.reviewer1, CAST.reviewer2, CAST.reviewer3]

function inScreening(): ProposalSnapshot {
  const start = restore(createActor(proposalMachine, { input: modelInput() }).start().getPersistedSnapshot(), 1)
  return [
    { type: 'reviewers.assign', reviewerIds: [R1.id, R2.id], actor: P },
    { type: 'proposal.submit', intakeComplete: true, actor: P },
  ].reduce((s, e) => next(s, e as ProposalEvent).snapshot, start)
}

describe('the screening rules in the machine', () => {
  it('recuses a reviewer only with a reason', () => {
    const s = inScreening()
    expect(can(s, { type: 'review.declare', conflict: true, actor: R1 })).toBe(false)
    expect(can(s, { type: 'review.declare', conflict: true, reason: '   ', actor: R1 })).toBe(false)
    const recused = next(s, { type: 'review.declare', conflict: true, reason: 'Former employee of the partner', actor: R1 }).snapshot
    expect(recused.context.reviewers[R1.id]).toBe('recused')
    expect(can(recused, { type: 'review.save', actor: R1 })).toBe(false)
  })

  it('lets the proposer add a replacement but never drop a reviewer at work', () => {
    const s = next(inScreening(), { type: 'review.declare', conflict: true, reason: 'Conflict', actor: R1 }).snapshot
    expect(can(s, { type: 'reviewers.assign', reviewerIds: [R2.id, R3.id], actor: P })).toBe(true)
    // Dropping R2 (still at work) to pick someone else is refused.
    expect(can(s, { type: 'reviewers.assign', reviewerIds: [R3.id, CAST.signatory.id], actor: P })).toBe(false)
    // And a recused reviewer cannot come back.
    expect(can(s, { type: 'reviewers.assign', reviewerIds: [R1.id, R2.id, R3.id], actor: P })).toBe(false)
  })

  it('completes screening only once the minimum of non-recused reviewers have submitted', () => {
    let s = next(inScreening(), { type: 'review.declare', conflict: true, reason: 'Conflict', actor: R1 }).snapshot
    s = next(s, { type: 'review.declare', conflict: false, actor: R2 }).snapshot
    s = next(s, { type: 'review.submit', actor: R2 }).snapshot
    expect(can(s, { type: 'screening.complete', actor: P })).toBe(false)
    s = next(s, { type: 'reviewers.assign', reviewerIds: [R2.id, R3.id], actor: P }).snapshot
    expect(s.context.reviewers[R2.id]).toBe('submitted')
    s = next(s, { type: 'review.declare', conflict: false, actor: R3 }).snapshot
    expect(can(s, { type: 'screening.complete', actor: P })).toBe(false)
    s = next(s, { type: 'review.submit', actor: R3 }).snapshot
    expect(can(s, { type: 'screening.complete', actor: R3 })).toBe(false)
    expect(can(s, { type: 'screening.complete', actor: P })).toBe(true)
  })
})
