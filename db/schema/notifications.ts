import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './core'

/** In-app notices, shown on /notifications and counted in the header until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path inside Probity, e.g. /proposals/…/consultation. */
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_unread_idx').on(t.userId, t.readAt)],
)

export const OUTBOX_STATUSES = ['captured', 'pending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * E-mail, written in the transaction that caused it and sent only after that
 * commits, by a job of the queue (docs/decisions/016-scheduled-work-with-pg-boss.md).
 * Without SMTP configured a message is `captured`: kept for the development
 * outbox page and never sent. `pending` waits for its job (retries included);
 * `failed` is set aside once every retry has failed, for an administrator.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When a delivery job was made for it; null until then, so that each message gets one job. */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_messages_status_idx').on(t.status, t.createdAt)],
)

/**
 * Which reminders have gone out: one row per kind, thing and period (a review
 * slot, a closing date, a week of waiting), so that each is sent once however
 * often and on however many instances the reminder job runs.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId, t.period] })],
)

export type Notification = typeof notifications.$inferSelect
export type OutboxMessage = typeof outboxMessages.$inferSelect
