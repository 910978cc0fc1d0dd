import { and, desc, eq, notInArray } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { monitoringPlans, proposals } from './schema/index'

export function listProposals(db: Queryable, organisationId: string) {
  return db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      partner: proposals.partner,
      stage: proposals.stage,
      proposerId: proposals.proposerId,
      updatedAt: proposals.updatedAt,
    })
    .from(proposals)
    .where(eq(proposals.organisationId, organisationId))
    .orderBy(desc(proposals.updatedAt))
}

/** Scoped by organisation: another service's id finds nothing (and the route answers 404). */
export function findProposal(db: Queryable, organisationId: string, proposalId: string) {
  return db.query.proposals.findFirst({
    where: and(eq(proposals.id, proposalId), eq(proposals.organisationId, organisationId)),
  })
}

/** Stages no event leaves: nothing can wait for anyone there. */
const SETTLED_STAGES = ['rejected', 'withdrawn', 'terminated', 'concluded']

/**
 * Every proposal of the service that is still moving, with its stored
 * snapshot and, when monitored, the date its next review falls due: what the
 * "Waiting for you" list asks the machine about, in one query.
 */
export function listOpenProposalsWithSnapshots(db: Queryable, organisationId: string) {
  return db
    .select({
      id: proposals.id,
      reference: proposals.reference,
      title: proposals.title,
      stage: proposals.stage,
      proposerId: proposals.proposerId,
      snapshot: proposals.snapshot,
      machineVersion: proposals.machineVersion,
      version: proposals.version,
      nextReviewDueOn: monitoringPlans.nextDueOn,
    })
    .from(proposals)
    .leftJoin(monitoringPlans, eq(monitoringPlans.proposalId, proposals.id))
    .where(and(eq(proposals.organisationId, organisationId), notInArray(proposals.stage, SETTLED_STAGES)))
    .orderBy(desc(proposals.updatedAt))
}
