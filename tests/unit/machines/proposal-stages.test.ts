import { describe, expect, it } from 'vitest'
import { hasStage, reachableStages, stagesWithAPart } from '#machines/proposal-stages'
import { STAGES } from '#machines/vocabulary/stages'

describe('reachableStages, read off the machine', () => {
  it('from a draft, every stage is still possible', () => {
    expect([...reachableStages('draft')].sort()).toEqual([...STAGES].sort())
  })

  it('an ended proposal reaches nothing else', () => {
    for (const end of ['rejected', 'withdrawn', 'terminated', 'concluded'] as const) {
      expect([...reachableStages(end)]).toEqual([end])
    }
  })

  it('screening cannot go back to being a draft except through a decision returning it', () => {
    const fromScreening = reachableStages('screening')
    expect(fromScreening.has('consultation')).toBe(true)
    expect(fromScreening.has('withdrawn')).toBe(true)
    // A decision may return the proposal for revision, so a draft is reachable again.
    expect(fromScreening.has('draft')).toBe(true)
  })

  it('an approved proposal can be monitored, and monitoring can end in termination', () => {
    expect(reachableStages('approved').has('monitoring')).toBe(true)
    expect(reachableStages('monitoring').has('terminated')).toBe(true)
    expect(reachableStages('monitoring').has('decision')).toBe(false)
  })
})

describe('stagesWithAPart: reached or reachable', () => {
  it('a rejected proposal keeps screening, consultation and decision, and has no monitoring', () => {
    const stages = stagesWithAPart('rejected', ['draft', 'screening', 'consultation', 'decision', 'rejected'])
    expect(stages.has('screening')).toBe(true)
    expect(stages.has('consultation')).toBe(true)
    expect(stages.has('decision')).toBe(true)
    expect(stages.has('monitoring')).toBe(false)
  })

  it('a proposal withdrawn during screening keeps screening only', () => {
    const visited = ['draft', 'screening', 'withdrawn']
    expect(hasStage('screening', 'withdrawn', visited)).toBe(true)
    expect(hasStage('consultation', 'withdrawn', visited)).toBe(false)
    expect(hasStage('decision', 'withdrawn', visited)).toBe(false)
    expect(hasStage('monitoring', 'withdrawn', visited)).toBe(false)
  })

  it('a draft withdrawn before submission has no stage pages at all', () => {
    for (const stage of ['screening', 'consultation', 'decision', 'monitoring'] as const) {
      expect(hasStage(stage, 'withdrawn', ['draft', 'withdrawn'])).toBe(false)
    }
  })

  it('a proposal still in consultation has every later stage ahead of it', () => {
    const stages = stagesWithAPart('consultation', ['draft', 'screening', 'consultation'])
    for (const stage of ['screening', 'consultation', 'decision', 'monitoring'] as const) expect(stages.has(stage)).toBe(true)
  })

  it('ignores names that are not stages', () => {
    expect(stagesWithAPart('withdrawn', ['nonsense']).has('nonsense' as never)).toBe(false)
  })
})
