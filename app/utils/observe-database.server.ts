import { count, isNotNull, sql } from 'drizzle-orm'
import { type PgBoss } from 'pg-boss'
import { decisionRecords } from '#db/schema'
import { type AppContext } from './app-context.server'
import { type Metrics } from './metrics.server'

/** Points the metrics' gauges at the database and the job queue, read at each scrape. */
export function observeDatabase(metrics: Metrics, context: AppContext, boss: PgBoss) {
  const db = context.database.db
  metrics.probes.queues = async () =>
    (await boss.getQueues()).map((q) => ({ name: q.name, queued: q.queuedCount, active: q.activeCount, failed: q.failedCount }))
  metrics.probes.recordsSigned = async () => {
    const [row] = await db.select({ n: count() }).from(decisionRecords).where(isNotNull(decisionRecords.sha256))
    return row?.n ?? 0
  }
  if (context.database.kind === 'postgres') {
    metrics.probes.connections = async () => {
      const result = await db.execute<{ state: string | null; n: number }>(
        sql`select state, count(*)::int as n from pg_stat_activity where datname = current_database() group by state`,
      )
      const rows = Array.isArray(result) ? result : (result as { rows: { state: string | null; n: number }[] }).rows
      return rows.map((r) => ({ state: r.state ?? 'unknown', count: Number(r.n) }))
    }
  }
}
