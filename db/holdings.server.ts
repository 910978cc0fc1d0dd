import { sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { rowsOf } from './rows'

/** How much the database holds, for `probity verify` and the restore drill to compare. */
export async function countHoldings(db: Queryable) {
  const [row] = rowsOf<{ organisations: number; proposals: number; attachments: number; records: number }>(
    await db.execute(sql`select
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from proposals) as proposals,
      (select count(*)::int from attachments) as attachments,
      (select count(*)::int from decision_records) as records`),
  )
  return row!
}
