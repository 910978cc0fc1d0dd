import { type PgBoss } from 'pg-boss'
import { type AppContext } from '~/utils/app-context.server'
import { describeError, logger } from '~/utils/log.server'
import {
  deliverMessage,
  deliveryRetries,
  MAIL_DELIVER_QUEUE,
  MAIL_SWEEP_QUEUE,
  mailSettings,
  smtpTransport,
  sweepOutbox,
} from '~/utils/mail.server'
import { ensureQueue, openQueue, pollingOptions, setRunningQueue } from '~/utils/queue.server'
import { applyRetention } from './apply-retention.server'
import { sendReminders } from './send-reminders.server'
import { releaseDueContributions } from '~/workflow/consultation/release-anonymous.server'

export const REMINDERS_QUEUE = 'reminders'
export const RETENTION_QUEUE = 'retention'
export const ANONYMOUS_RELEASE_QUEUE = 'anonymous-release'

/** Every queue the app works, for the queue-depth metric. */
export const QUEUES = [MAIL_SWEEP_QUEUE, MAIL_DELIVER_QUEUE, REMINDERS_QUEUE, RETENTION_QUEUE, ANONYMOUS_RELEASE_QUEUE]

/**
 * Starts the job queue and its workers: e-mail delivery (swept every minute
 * and on each kick, each message retried with back-off), reminders every hour
 * and the retention sweep daily. Runs in every instance; pg-boss gives each
 * job to one of them, and cron schedules fire once however many run.
 */
export async function startScheduledWork(context: AppContext): Promise<PgBoss> {
  const { config, database } = context
  const db = database.db
  const boss = await openQueue(database, config)
  const oneAtATime = { policy: 'short' as const, retryLimit: 0 }
  await ensureQueue(boss, MAIL_SWEEP_QUEUE, oneAtATime)
  await ensureQueue(boss, MAIL_DELIVER_QUEUE, deliveryRetries(config))
  await ensureQueue(boss, REMINDERS_QUEUE, oneAtATime)
  await ensureQueue(boss, RETENTION_QUEUE, oneAtATime)
  await ensureQueue(boss, ANONYMOUS_RELEASE_QUEUE, oneAtATime)

  const transport = smtpTransport(config)
  await boss.work(MAIL_SWEEP_QUEUE, pollingOptions(), async () => {
    if (!transport) return
    const queued = await sweepOutbox(db, boss)
    if (queued > 0) logger().info({ queued }, 'e-mail queued for delivery')
  })
  if (transport) {
    await boss.work(
      MAIL_DELIVER_QUEUE,
      { ...pollingOptions(), includeMetadata: true } as const,
      async (jobs) => {
        for (const job of jobs) {
          await deliverMessage(db, transport, config.MAIL_FROM, {
            messageId: (job.data as { messageId: string }).messageId,
            lastTry: job.retryCount >= job.retryLimit,
          })
        }
      },
    )
  }
  await boss.work(REMINDERS_QUEUE, pollingOptions(), async () => {
    const sent = await sendReminders(db, mailSettings(config))
    if (Object.values(sent).some((n) => n > 0)) {
      logger().info(sent, 'reminders sent')
      await boss.send(MAIL_SWEEP_QUEUE)
    }
  })
  await boss.work(RETENTION_QUEUE, pollingOptions(), async () => {
    logger().info(await applyRetention(db, config), 'retention applied')
  })
  await boss.work(ANONYMOUS_RELEASE_QUEUE, pollingOptions(), async () => {
    const released = await releaseDueContributions(db)
    if (released.concerns + released.endorsements > 0) logger().info(released, 'anonymous contributions released')
  })

  await boss.schedule(MAIL_SWEEP_QUEUE, '* * * * *')
  await boss.schedule(REMINDERS_QUEUE, '7 * * * *')
  await boss.schedule(RETENTION_QUEUE, '23 3 * * *')
  // On the hour: each organisation's batch goes out in its own release hour (ADR 023).
  await boss.schedule(ANONYMOUS_RELEASE_QUEUE, '0 * * * *')
  // Catch up at start: what came due while no instance ran.
  await boss.send(REMINDERS_QUEUE)
  await boss.send(MAIL_SWEEP_QUEUE)
  setRunningQueue(boss)
  return boss
}

/** Stops taking jobs, lets the running ones finish (bounded), and closes the queue's connections. */
export async function stopScheduledWork(boss: PgBoss, timeoutMs = 10_000) {
  setRunningQueue(undefined)
  try {
    await boss.stop({ graceful: true, timeout: timeoutMs, close: true })
  } catch (error) {
    logger().warn({ err: describeError(error) }, 'job queue did not stop cleanly')
  }
}
