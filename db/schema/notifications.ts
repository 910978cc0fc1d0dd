import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
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
 * commits. Without SMTP configured a message is `captured`: kept for the
 * development outbox page and never sent.
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_messages_status_idx').on(t.status, t.createdAt)],
)

export type Notification = typeof notifications.$inferSelect
export type OutboxMessage = typeof outboxMessages.$inferSelect
