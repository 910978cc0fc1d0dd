import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { notifications, outboxMessages, remindersSent, type OutboxStatus } from './schema/index'

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

/**
 * Claims the pending messages that have no delivery job yet, marking them
 * queued: concurrent sweeps (several instances) each get different ones.
 */
export async function claimUnqueued(db: Queryable, at: Date, limit = 500) {
  const waiting = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), isNull(outboxMessages.queuedAt)))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit)
  const rows = await db
    .update(outboxMessages)
    .set({ queuedAt: at })
    .where(and(inArray(outboxMessages.id, waiting), isNull(outboxMessages.queuedAt)))
    .returning({ id: outboxMessages.id })
  return rows.map((r) => r.id)
}

export async function findOutboxMessage(db: Queryable, id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
  return row
}

export async function markSent(db: Queryable, id: string, at: Date) {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where(eq(outboxMessages.id, id))
}

/** One failed try: the message waits for its retry, or, after the last, is set aside as failed. */
export async function markAttemptFailed(db: Queryable, id: string, error: string, final: boolean) {
  await db
    .update(outboxMessages)
    .set({
      status: final ? 'failed' : 'pending',
      attempts: sql`${outboxMessages.attempts} + 1`,
      lastError: error.slice(0, 500),
    })
    .where(eq(outboxMessages.id, id))
}

/** Messages every retry failed, for administrators: who and what about, never the body. */
export function listFailedMessages(db: Queryable, organisationId: string, limit = 200) {
  return db
    .select({
      id: outboxMessages.id,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.organisationId, organisationId), eq(outboxMessages.status, 'failed')))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit)
}

/** Puts a failed message back in line for a new round of tries; false when it is not a failed one of this organisation. */
export async function requeueFailed(db: Queryable, organisationId: string, id: string) {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, queuedAt: null })
    .where(
      and(
        eq(outboxMessages.id, id),
        eq(outboxMessages.organisationId, organisationId),
        eq(outboxMessages.status, 'failed'),
      ),
    )
    .returning({ id: outboxMessages.id })
  return rows.length > 0
}

/** Sent e-mail, bodies and addresses included, is deleted once older than the retention period. */
export async function purgeSentMessages(db: Queryable, sentBefore: Date) {
  const rows = await db
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.sentAt, sentBefore)))
    .returning({ id: outboxMessages.id })
  return rows.length
}

/** Claims one reminder (kind, thing, period); false when it has already been sent. */
export async function claimReminder(db: Queryable, kind: string, subjectId: string, period: string) {
  const rows = await db
    .insert(remindersSent)
    .values({ kind, subjectId, period })
    .onConflictDoNothing()
    .returning({ kind: remindersSent.kind })
  return rows.length > 0
}
