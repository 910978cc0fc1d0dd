import { createActor, type AnyStateNode } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { type ProposalEvent } from '#machines/proposal-events'
import { proposalMachine } from '#machines/proposal-machine'
import { can, next, restore, type ProposalSnapshot } from '#machines/proposal-workflow'
import { candidateEvents, modelInput, serializeForGraph } from '#tests/support/proposal-model'

/** The events of a generated path, without the init step the graph starts with. */
function eventsOf(path: { steps: { event: { type: string } }[] }): ProposalEvent[] {
  return path.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init') as ProposalEvent[]
}

/** Every transition the machine defines, as "source#event#index". */
function allTransitions(): Set<string> {
  const ids = new Set<string>()
  const walk = (node: AnyStateNode) => {
    for (const [eventType, list] of node.transitions) {
      list.forEach((_, i) => ids.add(`${node.id}#${eventType}#${i}`))
    }
    Object.values(node.states).forEach(walk)
  }
  walk(proposalMachine.root)
  return ids
}

/** Replays a path, round-tripping the snapshot through JSON before every event, and records the transitions taken. */
function replay(events: ProposalEvent[], taken: Set<string>): ProposalSnapshot {
  let persisted: unknown = createActor(proposalMachine, { input: modelInput() }).start().getPersistedSnapshot()
  let snapshot = restore(JSON.parse(JSON.stringify(persisted)), 1)
  for (const event of events) {
    expect(can(snapshot, event), `${event.type} should be accepted`).toBe(true)
    for (const t of proposalMachine.getTransitionData(snapshot as never, event)) {
      taken.add(`${t.source.id}#${t.eventType}#${t.source.transitions.get(t.eventType)?.indexOf(t) ?? -1}`)
    }
    const actor = createActor(proposalMachine, { snapshot, input: modelInput() })
    actor.start()
    actor.send(event)
    persisted = actor.getPersistedSnapshot()
    actor.stop()
    const before = snapshot
    snapshot = restore(JSON.parse(JSON.stringify(persisted)), 1)
    // Leaving the parallel consultation is an eventless "done" transition.
    if (before.matches('consultation') && snapshot.matches('decision')) {
      taken.add('proposal.consultation#xstate.done.state.proposal.consultation#0')
    }
    expect(snapshot.status === 'active' || snapshot.status === 'done').toBe(true)
  }
  return snapshot
}

describe('proposal machine, model-based', () => {
  const paths = getShortestPaths(proposalMachine, {
    input: modelInput(),
    events: (state) => candidateEvents(state),
    serializeState: (state) => serializeForGraph(state),
  })

  it('reaches every state node of the machine along generated paths', () => {
    const reached = new Set<string>()
    for (const path of paths) for (const id of path.state._nodes.map((n) => n.id)) reached.add(id)
    const all = new Set<string>()
    const walk = (node: AnyStateNode) => {
      all.add(node.id)
      Object.values(node.states).forEach(walk)
    }
    walk(proposalMachine.root)
    const missing = [...all].filter((id) => !reached.has(id))
    console.log(`model: ${paths.length} shortest paths reach ${reached.size} of ${all.size} state nodes`)
    expect(missing).toEqual([])
  })

  it('takes every transition at least once, round-tripping snapshots through JSON', () => {
    const taken = new Set<string>()
    let edgePaths = 0
    let steps = 0
    // Every path to a graph node, extended by every event the machine accepts there.
    for (const path of paths) {
      const prefix = eventsOf(path)
      const end = replay(prefix, taken)
      for (const event of candidateEvents(end)) {
        if (!can(end, event)) continue
        replay([...prefix, event], taken)
        edgePaths++
        steps += prefix.length + 1
      }
    }
    const all = allTransitions()
    const missing = [...all].filter((id) => !taken.has(id))
    console.log(`model: ${edgePaths} generated paths, ${steps} events, ${taken.size}/${all.size} transitions taken`)
    expect(missing).toEqual([])
    // Tens of thousands of replayed events: room for a CI machine that is busy with other work.
  }, 180_000)

  it('refuses every candidate event in final states', () => {
    const finals = paths.filter((p) => p.state.status === 'done')
    expect(finals.length).toBeGreaterThanOrEqual(4)
    for (const path of finals) {
      for (const event of candidateEvents(path.state)) expect(can(path.state, event)).toBe(false)
    }
  })

  it('next() of an accepted event agrees with the graph', () => {
    const withSteps = paths.filter((p) => p.steps.length > 1)
    for (const path of withSteps.slice(0, 20)) {
      const events = eventsOf(path)
      let snapshot = restore(createActor(proposalMachine, { input: modelInput() }).start().getPersistedSnapshot(), 1)
      for (const e of events) snapshot = next(snapshot, e).snapshot
      expect(serializeForGraph(snapshot)).toBe(serializeForGraph(path.state))
    }
  })
})
