import { initialTransition, transition, type SnapshotFrom, type StateValue } from 'xstate'
import { type ProposalEvent } from './proposal-events'
import {
  PROPOSAL_MACHINE_VERSION,
  proposalMachine,
  type ProposalInput,
} from './proposal-machine'
import { migrateSnapshot } from './snapshot-migrations'

export type ProposalSnapshot = SnapshotFrom<typeof proposalMachine>
/** What is stored in proposals.snapshot: plain JSON. */
export type PersistedSnapshot = Record<string, unknown>

export class SnapshotError extends Error {}

export function initialSnapshot(input: ProposalInput): PersistedSnapshot {
  const [snapshot] = initialTransition(proposalMachine, input)
  return proposalMachine.getPersistedSnapshot(snapshot) as PersistedSnapshot
}

/** Restores a stored snapshot, migrating it from an older machine version first. */
export function restore(persisted: unknown, version: number): ProposalSnapshot {
  const current = migrateSnapshot(persisted, version)
  try {
    // Pure: the machine has no child actors to revive, so the stored value,
    // context and status are the whole state.
    const snapshot = proposalMachine.resolveState(current as Parameters<typeof proposalMachine.resolveState>[0])
    if (snapshot.status === 'error') throw new Error('stored in error')
    return snapshot
  } catch {
    throw new SnapshotError('The stored workflow state could not be restored')
  }
}

/** Whether the machine accepts this event from this actor now. */
export function can(snapshot: ProposalSnapshot, event: ProposalEvent): boolean {
  return snapshot.status === 'active' && snapshot.can(event)
}

/** The next snapshot after an event the machine accepts, persisted as JSON. */
export function next(snapshot: ProposalSnapshot, event: ProposalEvent) {
  const [after] = transition(proposalMachine, snapshot, event)
  const persisted = proposalMachine.getPersistedSnapshot(after) as PersistedSnapshot
  return { snapshot: after, persisted, version: PROPOSAL_MACHINE_VERSION }
}

/** The top-level stage, e.g. "consultation" for {consultation: {…}}. */
export function stageOf(value: StateValue): string {
  return typeof value === 'string' ? value : Object.keys(value)[0]!
}

/** A readable path such as "consultation.staff.open / consultation.professionalBody.done". */
export function describeState(value: StateValue): string {
  const paths: string[] = []
  const walk = (v: StateValue, prefix: string) => {
    if (typeof v === 'string') paths.push(prefix ? `${prefix}.${v}` : v)
    else for (const [k, child] of Object.entries(v)) if (child) walk(child, prefix ? `${prefix}.${k}` : k)
  }
  walk(value, '')
  return paths.join(' | ')
}
