import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { accountTokens, organisations, users, type AccountTokenPurpose } from './schema/index'

export async function insertAccountToken(
  db: Queryable,
  values: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date },
) {
  await db.insert(accountTokens).values(values)
}

/** The token with this hash, whatever its state, with its person and their library service. */
export async function findAccountToken(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({
      token: accountTokens,
      user: { id: users.id, name: users.name, email: users.email, active: users.active },
      organisation: { id: organisations.id, name: organisations.name, active: organisations.active },
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(accountTokens.tokenHash, tokenHash))
  return row
}

/**
 * Spends the token: only one request can, and only before it expires. Undefined
 * when it was already used, revoked or expired in the meantime.
 */
export async function spendAccountToken(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose })
  return row
}

/** Unused links of the person (of one purpose, or all) stop working. */
export async function deleteUnusedAccountTokens(
  db: Queryable,
  userId: string,
  purpose?: AccountTokenPurpose,
) {
  await db
    .delete(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        isNull(accountTokens.usedAt),
        purpose ? eq(accountTokens.purpose, purpose) : undefined,
      ),
    )
}

/** The newest invitation of the person, for the administrator's page. */
export async function latestInvitation(db: Queryable, userId: string) {
  const [row] = await db
    .select({ expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, createdAt: accountTokens.createdAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, 'invitation')))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1)
  return row
}
