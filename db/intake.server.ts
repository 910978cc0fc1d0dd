import { eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { proposalIntakes, proposals, type ProposalIntake } from './schema/index'

export type IntakeContent = Omit<ProposalIntake, 'proposalId' | 'updatedAt'>
export type CoreFields = {
  title: string
  partner: string
  contractor: string | null
  description: string
  titleCy: string | null
  descriptionCy: string | null
}

export function findIntake(db: Queryable, proposalId: string) {
  return db.query.proposalIntakes.findFirst({ where: eq(proposalIntakes.proposalId, proposalId) })
}

/** Writes the intake and the proposal's own descriptive columns together. */
export async function saveIntake(db: Queryable, proposalId: string, core: CoreFields, content: IntakeContent, now: Date) {
  await db.update(proposals).set(core).where(eq(proposals.id, proposalId))
  await db
    .insert(proposalIntakes)
    .values({ proposalId, ...content, updatedAt: now })
    .onConflictDoUpdate({ target: proposalIntakes.proposalId, set: { ...content, updatedAt: now } })
}
