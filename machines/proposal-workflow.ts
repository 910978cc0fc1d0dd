import { createActor, type SnapshotFrom, type StateValue } from 'xstate'
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

/** The placeholder input XState wants beside a snapshot; a restored actor ignores it. */
const RESTORE_INPUT: ProposalInput = {
  proposalId: '',
  organisationId: '',
  proposerId: '',
  minReviewers: 0,
  requiredSignatures: 1,
  minConsultationDays: 0,
  unionRequired: false,
}

export function initialSnapshot(input: ProposalInput): PersistedSnapshot {
  const actor = createActor(proposalMachine, { input })
  actor.start()
  const persisted = actor.getPersistedSnapshot() as PersistedSnapshot
  actor.stop()
  return persisted
}

/** Restores a stored snapshot, migrating it from an older machine version first. */
export function restore(persisted: unknown, version: number): ProposalSnapshot {
  const current = migrateSnapshot(persisted, version)
  const actor = createActor(proposalMachine, {
    snapshot: current as never,
    input: RESTORE_INPUT,
  })
  actor.start()
  const snapshot = actor.getSnapshot()
  actor.stop()
  // XState does not throw on a bad snapshot; it reports an error status instead.
  if (snapshot.status === 'error') throw new SnapshotError('The stored workflow state could not be restored')
  return snapshot
}

/** Whether the machine accepts this event from this actor now. */
export function can(snapshot: ProposalSnapshot, event: ProposalEvent): boolean {
  return snapshot.status === 'active' && snapshot.can(event)
}

/** The next snapshot after an event the machine accepts, persisted as JSON. */
export function next(snapshot: ProposalSnapshot, event: ProposalEvent) {
  const actor = createActor(proposalMachine, { snapshot, input: RESTORE_INPUT })
  actor.start()
  actor.send(event)
  const after = actor.getSnapshot()
  const persisted = actor.getPersistedSnapshot() as PersistedSnapshot
  actor.stop()
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
