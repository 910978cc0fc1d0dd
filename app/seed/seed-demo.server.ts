import { eq, sql } from 'drizzle-orm'
import { hashPassword } from '~/utils/password.server'
import { type Queryable } from '#db/client.server'
import { createProposal } from '~/workflow/create-proposal.server'
import { nextReference } from '~/workflow/intake/intake.server'
import { proposalReference } from '~/workflow/intake/proposal-reference'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, users } from '#db/schema'
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS, VISA_SERVICES_CASE } from './demo-data'

// Any fixed 64-bit number: instances starting together against one PostgreSQL
// database seed one after another, and all but the first find the seed there.
const SEED_LOCK_KEY = 7_301_942_116

/** The demo's story has two signatures on every decision: the chief librarian's and the governance officer's. */
export const DEMO_SETTINGS = { ...DEFAULT_ORGANISATION_SETTINGS, secondSignatoryRequired: true }

function findDemoOrganisation(db: Queryable) {
  return db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) })
}

/**
 * Creates the demo library service once. Returns true when it created it, so
 * that the caller prints the sign-in details only on the first start.
 */
export async function seedDemo(db: Queryable): Promise<boolean> {
  if (await findDemoOrganisation(db)) return false
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`)
    if (await findDemoOrganisation(tx)) return false
    const [org] = await tx
      .insert(organisations)
      .values({ ...DEMO_ORGANISATION, settings: DEMO_SETTINGS })
      .returning()
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, organisationId: org!.id, passwordHash })))
      .returning()
    const chief = created.find((u) => u.roles.includes('chief_librarian'))!
    const now = new Date()
    const next = await nextReference(tx, org!.id, now)
    await createProposal(
      tx,
      { ...VISA_SERVICES_CASE, reference: proposalReference(next.year, next.n), organisationId: org!.id, proposerId: chief.id },
      org!.settings,
      now,
    )
    return true
  })
}

export function demoSignInText(): string {
  const rows = DEMO_USERS.map((u) => `  ${u.email.padEnd(32)} ${u.roles.join(', ')}`)
  return [
    `Demo library service created: ${DEMO_ORGANISATION.name}`,
    `Every demo account's password is: ${DEMO_PASSWORD}`,
    ...rows,
  ].join('\n')
}
