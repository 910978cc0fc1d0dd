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
  await saveIntakeContent(db, proposalId, content, now)
}

/** The intake alone, for a caller whose own update of the proposal carries the descriptive columns. */
export async function saveIntakeContent(db: Queryable, proposalId: string, content: IntakeContent, now: Date) {
  await db
    .insert(proposalIntakes)
    .values({ proposalId, ...content, updatedAt: now })
    .onConflictDoUpdate({ target: proposalIntakes.proposalId, set: { ...content, updatedAt: now } })
}
