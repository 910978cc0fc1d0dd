// Statements sent to the database per request, for the ten requests the load
// workload sends most (bench/workload.ts), each answered as the server
// answers a document request: its action, then every matching loader at
// once (tests/support/route-statements.ts). Counts are deterministic; the
// budgets are kept by tests/integration/statement-budget.test.ts.
//
//   npx vite-node -c vitest.config.ts bench/statements.ts [--db pglite|postgres] [--verbose]
//
// (vite-node rather than tsx: the root route imports its stylesheet the Vite way.)
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openPglite, openPostgres, type DatabaseHandle } from '#db/client.server'
import { setAppContext } from '~/utils/app-context.server'
import { parseConfig } from '~/utils/config.server'
import { runRoute } from '#tests/support/route-statements'
import { startPostgres } from './support'
import { busiestRequests, seedLoadData } from './workload'

const { values } = parseArgs({ options: { db: { type: 'string', default: 'pglite' }, verbose: { type: 'boolean', default: false } } })

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-statements-'))
const pg = values.db === 'postgres' ? startPostgres() : undefined
let database: DatabaseHandle | undefined
try {
  database = pg ? await openPostgres(pg.url) : await openPglite()
  setAppContext({
    config: parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false' }),
    database,
    secret: crypto.randomBytes(32).toString('base64url'),
  })
  const data = await seedLoadData(database.db, { clients: 10, dataDir, concernsPerClient: 10 })
  console.log(`bench/statements — statements per request on ${values.db} (BEGIN and COMMIT counted)\n`)
  console.log(`${'request'.padEnd(36)} ${'status'.padStart(6)} ${'statements'.padStart(10)} ${'transactions'.padStart(12)}`)
  for (const route of busiestRequests(data)) {
    // The first answer may warm a cache of the process's; the second is what every later one costs.
    await runRoute(route.request())
    const run = await runRoute(route.request(), { texts: values.verbose })
    console.log(
      `${route.name.padEnd(36)} ${String(run.status).padStart(6)} ${String(run.tally.statements).padStart(10)} ${String(run.tally.transactions).padStart(12)}`,
    )
    for (const text of run.tally.texts ?? []) console.log(`    ${text.slice(0, 160)}`)
  }
} finally {
  await database?.close()
  pg?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
