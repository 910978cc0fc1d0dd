import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import {
  DEFAULT_ORGANISATION_SETTINGS,
  organisations,
  sessions,
  users,
  type OrganisationKind,
} from './schema/index'

export async function countLibraryServices(db: Queryable) {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(eq(organisations.kind, 'library'))
  return row?.n ?? 0
}

/** The name of the library service created first, if any: whom a generated signing certificate is named after. */
export async function firstLibraryServiceName(db: Queryable): Promise<string | undefined> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'library'))
    .orderBy(asc(organisations.createdAt), asc(organisations.name))
    .limit(1)
  return row?.name
}

/** Undefined when the slug is taken. */
export async function insertOrganisation(
  db: Queryable,
  values: { name: string; slug: string; kind: OrganisationKind },
) {
  const [row] = await db
    .insert(organisations)
    .values({ ...values, settings: DEFAULT_ORGANISATION_SETTINGS })
    .onConflictDoNothing()
    .returning()
  return row
}

export function findOrganisationBySlug(db: Queryable, slug: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.slug, slug) })
}

/** Library services with how many people each has: what an operator may know of them, no more. */
export function listLibraryServices(db: Queryable) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      active: organisations.active,
      createdAt: organisations.createdAt,
      // Written out in full: drizzle leaves columns unqualified inside a select's sql, and "id" would be the user's.
      people: sql<number>`(select count(*)::int from users u where u.organisation_id = organisations.id)`,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'library'))
    .orderBy(asc(organisations.name))
}

/** Deactivating a service ends every session of its people at once. */
export async function setLibraryServiceActive(db: Queryable, organisationId: string, active: boolean) {
  const rows = await db
    .update(organisations)
    .set({ active })
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'library')))
    .returning({ id: organisations.id, name: organisations.name })
  if (rows.length === 1 && !active) {
    await db
      .delete(sessions)
      .where(
        inArray(
          sessions.userId,
          db.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId)),
        ),
      )
  }
  return rows[0]
}
