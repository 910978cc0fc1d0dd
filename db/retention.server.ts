import { and, isNotNull, lt } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { accountTokens, notifications, sessions, signInFailures, ssoFlows } from './schema/index'

/** Sessions past their expiry: the cookie no longer works, the row only says who was signed in when. */
export async function purgeExpiredSessions(db: Queryable, now: Date) {
  return (await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })).length
}

/** Failed sign-ins older than the throttling window count for nothing. */
export async function purgeSignInFailures(db: Queryable, before: Date) {
  return (await db.delete(signInFailures).where(lt(signInFailures.at, before)).returning({ id: signInFailures.id })).length
}

/** In-app notices read long ago. */
export async function purgeReadNotifications(db: Queryable, readBefore: Date) {
  return (
    await db
      .delete(notifications)
      .where(and(isNotNull(notifications.readAt), lt(notifications.readAt, readBefore)))
      .returning({ id: notifications.id })
  ).length
}

/**
 * Invitation and password-reset links past their expiry, used or not: the
 * link no longer works, and the administrator's page then offers a new one.
 */
export async function purgeExpiredAccountTokens(db: Queryable, now: Date) {
  return (await db.delete(accountTokens).where(lt(accountTokens.expiresAt, now)).returning({ id: accountTokens.id })).length
}

/** Sign-ins started at the identity provider and never finished. */
export async function purgeAbandonedSsoFlows(db: Queryable, now: Date) {
  return (await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now)).returning({ id: ssoFlows.id })).length
}
