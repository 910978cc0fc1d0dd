import { and, eq, gt, lt, ne } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { organisations, sessions, users, type SignInMethod } from './schema/index'

export async function insertSession(db: Queryable, id: string, userId: string, expiresAt: Date, method: SignInMethod = 'password') {
  await db.insert(sessions).values({ id, userId, expiresAt, method })
}

/** The session's user and organisation, if the session is live and both the user and their organisation active. */
export async function findSessionUser(db: Queryable, id: string, now = new Date()) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      method: sessions.method,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        roles: users.roles,
        organisationId: users.organisationId,
        preferredLanguage: users.preferredLanguage,
      },
      organisation: {
        id: organisations.id,
        name: organisations.name,
        slug: organisations.slug,
        kind: organisations.kind,
        settings: organisations.settings,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
        eq(organisations.active, true),
      ),
    )
  return row
}

export async function deleteSession(db: Queryable, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteOtherSessions(db: Queryable, userId: string, keepId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
}

export async function deleteExpiredSessions(db: Queryable, now = new Date()) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now))
}
