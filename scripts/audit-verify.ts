// `npm run audit:verify`: walks every proposal's audit chain in the configured
// database (DATA_DIR or DATABASE_URL, as the app) and reports the first broken
// link of each. Exits 1 if any chain is broken. With the embedded database,
// stop the app first: its data directory belongs to one process.
import { verifyAllChains } from '#db/audit.server'
import { createAppContext } from '~/utils/app-context.server'

const context = await createAppContext().catch((error: Error) => {
  console.error(`audit:verify cannot open the database.\n${error.message}`)
  process.exit(2)
})
try {
  const chains = await verifyAllChains(context.database.db)
  const broken = chains.filter((c) => !c.ok)
  const entries = chains.reduce((n, c) => n + c.length, 0)
  for (const c of broken) {
    if (!c.ok) console.error(`BROKEN proposal ${c.proposalId}: entry ${c.brokenAtSeq} — ${c.problem}`)
  }
  console.log(`${chains.length} chains, ${entries} entries: ${broken.length === 0 ? 'all verified' : `${broken.length} broken`}`)
  process.exitCode = broken.length === 0 ? 0 : 1
} finally {
  await context.database.close()
}
