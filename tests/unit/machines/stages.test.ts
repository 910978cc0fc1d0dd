import { describe, expect, it } from 'vitest'
import { proposalMachine } from '#machines/proposal-machine'
import { STAGES } from '#machines/vocabulary/stages'

describe('the stage list', () => {
  it('names exactly the lifecycle machine’s top-level states', () => {
    expect([...STAGES].sort()).toEqual(Object.keys(proposalMachine.root.states).sort())
  })
})
