import { PROPOSAL_MACHINE_VERSION } from './proposal-machine'

/**
 * Stored snapshots carry the machine version they were written with. A change
 * to the machine that old snapshots cannot be restored into adds a step here
 * (from version N to N+1) and a test restoring a stored version-N fixture.
 * Unknown versions are refused, never reset: a proposal's state is a record.
 */
type Migration = (snapshot: Record<string, unknown>) => Record<string, unknown>

const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2 goes here when version 2 exists.
}

export class UnknownSnapshotVersionError extends Error {}

export function migrateSnapshot(snapshot: unknown, fromVersion: number): Record<string, unknown> {
  if (!snapshot || typeof snapshot !== 'object') {
    throw new UnknownSnapshotVersionError('The stored snapshot is not an object')
  }
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > PROPOSAL_MACHINE_VERSION) {
    throw new UnknownSnapshotVersionError(`No migration from proposal machine version ${fromVersion}`)
  }
  let current = snapshot as Record<string, unknown>
  for (let v = fromVersion; v < PROPOSAL_MACHINE_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new UnknownSnapshotVersionError(`No migration from proposal machine version ${v}`)
    current = step(current)
  }
  return current
}
