import { and, asc, eq, sql } from 'drizzle-orm'
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
    columns: { id: true, name: true, email: true, roles: true },
  })
}

export async function insertUser(
  db: Queryable,
  values: { organisationId: string; email: string; name: string; passwordHash: string; roles: Role[] },
) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id })
  return row!.id
}

/** Undefined when the e-mail address already has an account (in any organisation). */
export async function insertUserIfEmailFree(
  db: Queryable,
  values: { organisationId: string; email: string; name: string; passwordHash: string; roles: Role[] },
): Promise<string | undefined> {
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

export function findOrganisation(db: Queryable, organisationId: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.id, organisationId) })
}
