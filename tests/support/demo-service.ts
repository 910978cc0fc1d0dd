import { type Database } from '#db/client.server'
import { organisations, users, type OrganisationSettings } from '#db/schema'
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from '~/seed/demo-data'
import { hashPassword } from '~/utils/password.server'

/**
 * The demo library service and its people (all with the demo password), with
 * the given settings: for browser tests that sign in as the demo users but
 * seed their own proposals. `person(email)` is that user as a use case's actor.
 */
export async function createDemoService(db: Database, settings: OrganisationSettings) {
  const [org] = await db.insert(organisations).values({ ...DEMO_ORGANISATION, settings }).returning()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const people = await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u, organisationId: org!.id, passwordHash })))
    .returning()
  const person = (email: string) => {
    const u = people.find((p) => p.email === email)
    if (!u) throw new Error(`No demo user ${email}`)
    return { id: u.id, roles: u.roles, organisationId: u.organisationId }
  }
  return { org: org!, people, person }
}
