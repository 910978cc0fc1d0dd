import { and, desc, eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { proposals } from './schema/index'

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
