import { and, eq, sql, type SQL } from 'drizzle-orm'
import { type PgColumn } from 'drizzle-orm/pg-core'
import { type Queryable } from './client.server'
import { accountTokens, notifications, outboxMessages, sessions, ssoFlows, users } from './schema/index'

export type Pseudonym = { name: string; email: string }

/** A literal for a PostgreSQL regular expression (ARE): every character that means something there, escaped. */
function literalPattern(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The column with every occurrence of the name and of the address, in any case, replaced by the pseudonym's. */
function pseudonymised(column: PgColumn, was: Pseudonym, now: Pseudonym): SQL {
  return sql`regexp_replace(regexp_replace(${column}, ${literalPattern(was.email)}, ${now.email}, 'gi'), ${literalPattern(was.name)}, ${now.name}, 'gi')`
}

/**
 * Replaces a person's name and e-mail address with a pseudonym everywhere
 * Probity keeps them in readable form, closes the account and ends every way
 * into it (ADR 031). Rows that say what they did keep pointing at the same id,
 * so records and audit chains are untouched and still verify; signed PDFs are
 * never changed. Call inside a transaction.
 */
export async function pseudonymisePerson(tx: Queryable, organisationId: string, userId: string, was: Pseudonym, now: Pseudonym) {
  const [row] = await tx
    .update(users)
    .set({ name: now.name, email: now.email, passwordHash: null, active: false, updatedAt: new Date() })
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
    .returning({ id: users.id })
  if (!row) return false
  await tx.delete(sessions).where(eq(sessions.userId, userId))
  await tx.delete(accountTokens).where(eq(accountTokens.userId, userId))
  await tx.delete(ssoFlows).where(eq(ssoFlows.userId, userId))
  // Notices and e-mail to them: no account will read them again, and the export gave them a copy.
  await tx.delete(notifications).where(eq(notifications.userId, userId))
  await tx
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.organisationId, organisationId), sql`lower(${outboxMessages.toAddress}) = lower(${was.email})`))
  // Notices and e-mail to others that name them.
  const mentions = (...columns: PgColumn[]) =>
    sql.join(
      columns.map((c) => sql`${c} ~* ${literalPattern(was.name)} or ${c} ~* ${literalPattern(was.email)}`),
      sql` or `,
    )
  await tx
    .update(notifications)
    .set({ title: pseudonymised(notifications.title, was, now), body: pseudonymised(notifications.body, was, now) })
    .where(and(eq(notifications.organisationId, organisationId), mentions(notifications.title, notifications.body)))
  await tx
    .update(outboxMessages)
    .set({ subject: pseudonymised(outboxMessages.subject, was, now), body: pseudonymised(outboxMessages.body, was, now) })
    .where(and(eq(outboxMessages.organisationId, organisationId), mentions(outboxMessages.subject, outboxMessages.body)))
  return true
}

/** Active administrators of the organisation: the last one may not be erased. */
export async function countActiveAdministrators(db: Queryable, organisationId: string) {
  return db.$count(users, and(eq(users.organisationId, organisationId), eq(users.active, true), sql`'admin' = any(${users.roles})`))
}
