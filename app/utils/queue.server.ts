import { PgBoss, fromPglite, type Queue, type SendOptions } from 'pg-boss'
import { type DatabaseHandle } from '#db/client.server'
import { type Config } from './config.server'
import { describeError, logger } from './log.server'

/**
 * The job queue (pg-boss) on Probity's own database: on PostgreSQL each
 * instance connects with a small pool of its own and jobs are shared among
 * them; on the embedded database it runs inside the one process that owns it
 * (docs/decisions/016-scheduled-work-with-pg-boss.md).
 */
export async function openQueue(database: DatabaseHandle, config: Pick<Config, 'QUEUE_POLL_SECONDS'>) {
  const boss =
    'pglite' in database.queue
      ? new PgBoss({ db: fromPglite(database.queue.pglite), backend: 'pglite' })
      : new PgBoss({ connectionString: database.queue.url, max: 3, application_name: 'probity-queue' })
  // Without a listener an 'error' event would end the process; a lost connection is retried by pg-boss.
  boss.on('error', (error) => logger().error({ err: describeError(error) }, 'job queue error'))
  boss.on('warning', (warning) => logger().warn({ warning: warning.message }, 'job queue warning'))
  await boss.start()
  pollSeconds = config.QUEUE_POLL_SECONDS
  return boss
}

let pollSeconds = 2

/** Worker options every queue uses: how often an idle worker looks for jobs. */
export function pollingOptions() {
  return { pollingIntervalSeconds: pollSeconds, notifyPollingIntervalSeconds: pollSeconds }
}

/** Creates a queue once (later instances find it there) and brings its options up to date. */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'> = {}) {
  if (await boss.getQueue(name)) {
    const { policy: _policy, partition: _partition, ...changeable } = options
    if (Object.keys(changeable).length > 0) await boss.updateQueue(name, changeable)
  } else {
    await boss.createQueue(name, options).catch(async (error: unknown) => {
      // Another instance created it between the check and here.
      if (!(await boss.getQueue(name))) throw error
    })
  }
}

const holder = globalThis as typeof globalThis & { __probityQueue?: PgBoss }

/** The process's running queue, if scheduled work has started. */
export function runningQueue(): PgBoss | undefined {
  return holder.__probityQueue
}

export function setRunningQueue(boss: PgBoss | undefined) {
  holder.__probityQueue = boss
}

/** Sends a job if the queue runs; a failure is logged, since a scheduled sweep catches up. */
export function sendSoon(name: string, data: object | null = null, options: SendOptions = {}) {
  const boss = runningQueue()
  if (!boss) return
  boss.send(name, data, options).catch((error: unknown) => logger().warn({ queue: name, err: describeError(error) }, 'could not queue a job'))
}
