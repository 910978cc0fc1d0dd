import { eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { organisations, type OrganisationSettings } from './schema/index'

export async function updateOrganisationSettings(db: Queryable, organisationId: string, settings: OrganisationSettings) {
  await db.update(organisations).set({ settings }).where(eq(organisations.id, organisationId))
}
