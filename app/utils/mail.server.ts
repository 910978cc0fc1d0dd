import { sql } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { fromDrizzle, type DrizzleTransactionLike, type PgBoss } from 'pg-boss'
import { type Database } from '#db/client.server'
import { claimUnqueued, findOutboxMessage, markAttemptFailed, markSent } from '#db/notifications.server'
import { type Config } from './config.server'
import { logger } from './log.server'
import { sendSoon } from './queue.server'

/** What code that queues e-mail needs to know: where links point, and whether anything is sent. */
export type MailSettings = { publicUrl: string; smtp: boolean }

export function mailSettings(config: Pick<Config, 'publicUrl' | 'SMTP_URL'>): MailSettings {
  return { publicUrl: config.publicUrl, smtp: Boolean(config.SMTP_URL) }
}

export const MAIL_SWEEP_QUEUE = 'mail-sweep'
export const MAIL_DELIVER_QUEUE = 'mail-deliver'

/** The delivery queue's retry policy, from configuration: exponential back-off capped at an hour. */
export function deliveryRetries(config: Pick<Config, 'MAIL_RETRY_LIMIT' | 'MAIL_RETRY_DELAY_SECONDS'>) {
  return {
    retryLimit: config.MAIL_RETRY_LIMIT,
    retryDelay: config.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: 3600,
    // A send that hangs is given up and retried.
    expireInSeconds: 120,
  }
}

/**
 * Gives each pending message without a job its own delivery job, in the
 * transaction that marks it queued: a message gets exactly one job even when
 * two instances sweep at once. Returns how many were queued.
 */
export async function sweepOutbox(db: Database, boss: PgBoss, now = new Date()) {
  return db.transaction(async (tx) => {
    const ids = await claimUnqueued(tx, now)
    if (ids.length > 0) {
      // On PGlite a send outside `tx` would wait for the transaction it runs in.
      await boss.insert(MAIL_DELIVER_QUEUE, ids.map((id) => ({ data: { messageId: id } })), { db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) })
    }
    return ids.length
  })
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'missing' | 'retry' | 'failed'

/**
 * One try at one message. A refusal is recorded and thrown again, so that the
 * queue retries it later; after the last try the message is set aside as
 * failed, for an administrator to see and retry.
 */
export async function deliverMessage(
  db: Database,
  transport: Pick<Transporter, 'sendMail'>,
  from: string,
  input: { messageId: string; lastTry: boolean; now?: Date },
): Promise<DeliveryOutcome> {
  const message = await findOutboxMessage(db, input.messageId)
  if (!message) return 'missing'
  if (message.status !== 'pending') return 'already-sent'
  try {
    await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await markAttemptFailed(db, message.id, reason, input.lastTry)
    // The id and attempt only: the server's answer can name the address.
    logger().warn({ messageId: message.id, attempt: message.attempts + 1, final: input.lastTry }, 'e-mail delivery failed')
    if (input.lastTry) return 'failed'
    throw new Error('Delivery failed; it will be retried', { cause: error })
  }
  await markSent(db, message.id, input.now ?? new Date())
  logger().info({ messageId: message.id }, 'e-mail sent')
  return 'sent'
}

let transport: Transporter | undefined

export function smtpTransport(config: Pick<Config, 'SMTP_URL'>): Transporter | undefined {
  if (!config.SMTP_URL) return undefined
  // A refusing or absent server fails fast; the queue's back-off does the waiting.
  transport ??= nodemailer.createTransport(config.SMTP_URL, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
  return transport
}

/**
 * Asks for the outbox to be swept now, after the transaction that queued
 * e-mail has committed; the sweep also runs every minute, so a message whose
 * kick was lost goes out a little later, never not at all.
 */
export function kickDelivery() {
  sendSoon(MAIL_SWEEP_QUEUE)
}
