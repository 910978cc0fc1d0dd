import { and, asc, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { notifications, outboxMessages, type OutboxStatus } from './schema/index'

export type NewNotification = {
  organisationId: string
  userId: string
  kind: string
  title: string
  body: string
  link: string
}

export async function insertNotifications(db: Queryable, rows: NewNotification[]) {
  if (rows.length > 0) await db.insert(notifications).values(rows)
}

export async function countUnread(db: Queryable, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

export function listNotifications(db: Queryable, userId: string, limit = 100) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
}

/** Marks one (when `id` is given) or all of a person's notifications read. */
export async function markRead(db: Queryable, userId: string, at: Date, id?: string) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
}

export type NewEmail = { organisationId: string; toAddress: string; subject: string; body: string }

export async function queueEmails(
  db: Queryable,
  rows: NewEmail[],
  status: Extract<OutboxStatus, 'captured' | 'pending'>,
) {
  if (rows.length > 0) await db.insert(outboxMessages).values(rows.map((r) => ({ ...r, status })))
}

export function listOutbox(db: Queryable, organisationId: string, limit = 200) {
  return db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.organisationId, organisationId))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit)
}

export const MAX_SEND_ATTEMPTS = 5

/** Messages waiting to be sent, oldest first; failed ones are retried a few times. */
export function listSendable(db: Queryable, limit = 100) {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['pending', 'failed']),
        lt(outboxMessages.attempts, MAX_SEND_ATTEMPTS),
      ),
    )
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit)
}

export async function markSent(db: Queryable, id: string, at: Date) {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: at })
    .where(eq(outboxMessages.id, id))
}

export async function markFailed(db: Queryable, id: string, attempts: number, error: string) {
  await db
    .update(outboxMessages)
    .set({ status: 'failed', attempts, lastError: error.slice(0, 500) })
    .where(eq(outboxMessages.id, id))
}
