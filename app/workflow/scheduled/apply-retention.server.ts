import { type Database } from '#db/client.server'
import { purgeSentMessages } from '#db/notifications.server'
import {
  purgeAbandonedSsoFlows,
  purgeExpiredAccountTokens,
  purgeExpiredSessions,
  purgeReadNotifications,
  purgeSignInFailures,
} from '#db/retention.server'
import { type Config } from '~/utils/config.server'
import { READ_NOTIFICATION_RETENTION_DAYS, THROTTLE_WINDOW_MINUTES, type RetentionSweepName } from '~/utils/retention'

const DAY_MS = 24 * 60 * 60 * 1000

export type RetentionSweep = (db: Database, now: Date, config: Config) => Promise<number>

/**
 * What the daily retention job deletes, by the names the privacy notice's
 * table gives them (app/utils/retention.ts): a sweep missing here, or one the
 * table does not name, fails the typecheck.
 */
export const retentionSweeps: Record<RetentionSweepName, RetentionSweep> = {
  sentEmail: (db, now, config) => purgeSentMessages(db, new Date(now.getTime() - config.OUTBOX_RETENTION_DAYS * DAY_MS)),
  expiredSessions: (db, now) => purgeExpiredSessions(db, now),
  signInFailures: (db, now) => purgeSignInFailures(db, new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)),
  expiredAccountLinks: (db, now) => purgeExpiredAccountTokens(db, now),
  abandonedSsoSignIns: (db, now) => purgeAbandonedSsoFlows(db, now),
  readNotifications: (db, now) => purgeReadNotifications(db, new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * DAY_MS)),
}

/** Runs every sweep; returns how many rows each deleted. */
export async function applyRetention(db: Database, config: Config, now = new Date()) {
  const deleted: Record<string, number> = {}
  for (const [name, sweep] of Object.entries(retentionSweeps)) deleted[name] = await sweep(db, now, config)
  return deleted
}
