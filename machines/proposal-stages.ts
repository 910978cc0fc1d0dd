import { type AnyStateNode } from 'xstate'
import { proposalMachine } from './proposal-machine'
import { STAGES, type Stage } from './vocabulary/stages'

/**
 * Which stages a proposal can still reach, read off the lifecycle machine's
 * own transitions (every event, guards aside, and `onDone`), so that a page
 * never keeps a list of its own: a stage added to the machine, or a new way
 * out of one, changes what the pages offer with no edit here.
 */

const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s)

function descendants(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(descendants)]
}

/** For each stage, the stages one transition away (from it or any state inside it). */
const NEXT: ReadonlyMap<Stage, ReadonlySet<Stage>> = new Map(
  STAGES.map((stage) => {
    const node = proposalMachine.root.states[stage]
    if (!node) throw new Error(`The proposal machine has no stage "${stage}"`)
    const targets = descendants(node)
      .flatMap((n) => [...n.transitions.values()].flat())
      .flatMap((t) => t.target ?? [])
      .map((target) => target.path[0] ?? '')
      .filter(isStage)
    return [stage, new Set(targets)]
  }),
)

/** Every stage a proposal in `from` may still get to, `from` included. */
export function reachableStages(from: Stage): ReadonlySet<Stage> {
  const seen = new Set<Stage>([from])
  const queue: Stage[] = [from]
  for (let stage = queue.shift(); stage; stage = queue.shift()) {
    for (const next of NEXT.get(stage) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

/**
 * The stages a proposal has a part for: those it has been in (its history, as
 * the audit trail records it) and those it can still reach. A rejected
 * proposal was screened, consulted on and decided, but is never monitored; one
 * withdrawn during screening was never consulted on.
 */
export function stagesWithAPart(current: string, visited: Iterable<string>): ReadonlySet<Stage> {
  const stages = new Set<Stage>(isStage(current) ? reachableStages(current) : [])
  for (const stage of visited) if (isStage(stage)) stages.add(stage)
  return stages
}

/** Whether `stage` has a part for this proposal (see stagesWithAPart). */
export function hasStage(stage: Stage, current: string, visited: Iterable<string>): boolean {
  return stagesWithAPart(current, visited).has(stage)
}
