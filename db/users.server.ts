import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { organisations, sessions, users } from './schema/index'
import { type Role } from '#machines/vocabulary/roles'

export function findUserByEmail(db: Queryable, email: string) {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.toLowerCase()}` })
}

export function findUserInOrganisation(db: Queryable, organisationId: string, userId: string) {
  return db.query.users.findFirst({
    where: and(eq(users.id, userId), eq(users.organisationId, organisationId)),
  })
}

export function listUsers(db: Queryable, organisationId: string) {
  return db.query.users.findMany({
    where: eq(users.organisationId, organisationId),
    orderBy: [asc(users.name)],
    columns: { passwordHash: false },
    extras: { hasPassword: sql<boolean>`${users.passwordHash} is not null`.as('has_password') },
  })
}

export function listUsersWithRole(db: Queryable, organisationId: string, role: Role) {
  return db.query.users.findMany({
    where: and(
      eq(users.organisationId, organisationId),
      eq(users.active, true),
      sql`${role} = any(${users.roles})`,
    ),
    orderBy: [asc(users.name)],
    columns: { id: true, name: true, email: true, roles: true, preferredLanguage: true },
  })
}

type NewUser = { organisationId: string; email: string; name: string; passwordHash: string | null; roles: Role[] }

export async function insertUser(db: Queryable, values: NewUser) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id })
  return row!.id
}

/** Undefined when the e-mail address already has an account (in any organisation). */
export async function insertUserIfEmailFree(db: Queryable, values: NewUser): Promise<string | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning({ id: users.id })
  return row?.id
}

export async function updateUserRoles(db: Queryable, organisationId: string, userId: string, roles: Role[]) {
  const rows = await db
    .update(users)
    .set({ roles, updatedAt: new Date() })
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
    .returning({ id: users.id })
  return rows.length === 1
}

/** Deactivating ends every session of the user at once. */
export async function setUserActive(db: Queryable, organisationId: string, userId: string, active: boolean) {
  const rows = await db
    .update(users)
    .set({ active, updatedAt: new Date() })
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
    .returning({ id: users.id })
  if (rows.length === 1 && !active) await db.delete(sessions).where(eq(sessions.userId, userId))
  return rows.length === 1
}

export async function setUserPassword(db: Queryable, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId))
}

/** Which of these addresses (lower-cased) already have an account, and in which organisation. */
export async function organisationsOfEmails(db: Queryable, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map()
  const lowered = [...new Set(emails.map((e) => e.toLowerCase()))]
  const rows = await db
    .select({ email: sql<string>`lower(${users.email})`, organisationId: users.organisationId })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, lowered))
  return new Map(rows.map((r) => [r.email, r.organisationId]))
}

/** Ends every session of the person (a password set through a link, a deactivation). */
export async function deleteSessionsOf(db: Queryable, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

export function findOrganisation(db: Queryable, organisationId: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.id, organisationId) })
}
