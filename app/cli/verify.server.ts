import crypto from 'node:crypto'
import { verifyAllChains } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { countRowsWithoutFile, listFileHeads } from '#db/files.server'
import { countHoldings } from '#db/holdings.server'
import { verifyServiceChains } from '#db/service-audit.server'
import { fileStore } from '~/utils/storage/index.server'
import { type Command } from './probity.server'

export type Verification = { ok: boolean; lines: string[] }

/**
 * Every proposal's audit chain, in every organisation, and every stored file
 * (attachments and signed records) read back and hashed: it must match the
 * SHA-256 it is stored under, which is the one its rows recorded.
 */
export async function verifyDatabase(db: Database): Promise<Verification> {
  const lines: string[] = []
  let ok = true
  const chains = await verifyAllChains(db)
  const broken = chains.filter((c) => !c.ok)
  for (const c of broken) if (!c.ok) lines.push(`BROKEN audit chain of proposal ${c.proposalId}: entry ${c.brokenAtSeq}: ${c.problem}`)
  const entries = chains.reduce((n, c) => n + c.length, 0)
  lines.push(`Audit chains: ${chains.length} chains, ${entries} entries, ${broken.length === 0 ? 'all verified' : `${broken.length} broken`}`)
  ok &&= broken.length === 0

  // What administrators did to people's data (erasures, ADR 031), one trail per service.
  const services = await verifyServiceChains(db)
  const brokenServices = services.filter((c) => !c.ok)
  for (const c of brokenServices) if (!c.ok) lines.push(`BROKEN service audit trail of organisation ${c.organisationId}: entry ${c.brokenAtSeq}: ${c.problem}`)
  lines.push(
    `Service audit trails: ${services.length} trails, ${services.reduce((n, c) => n + c.length, 0)} entries, ${brokenServices.length === 0 ? 'all verified' : `${brokenServices.length} broken`}`,
  )
  ok &&= brokenServices.length === 0

  const store = fileStore(db)
  let bad = 0
  const heads = await listFileHeads(db)
  for (const head of heads) {
    const file = await store.stream(head.sha256)
    const hash = crypto.createHash('sha256')
    let size = 0
    let problem: string | undefined
    try {
      for await (const chunk of file!.body) {
        hash.update(chunk as Buffer)
        size += (chunk as Buffer).length
      }
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error)
    }
    const actual = hash.digest('hex')
    problem ??= actual !== head.sha256 ? `its bytes hash to ${actual}` : size !== head.byteSize ? `${size} bytes, not ${head.byteSize}` : undefined
    if (problem) {
      bad++
      lines.push(`CHANGED stored file ${head.sha256}: ${problem}`)
    }
  }
  lines.push(`Stored files: ${heads.length} files, ${bad === 0 ? 'every one matches its SHA-256' : `${bad} changed`}`)
  ok &&= bad === 0

  const missing = await countRowsWithoutFile(db)
  if (missing.attachments || missing.records) {
    lines.push(
      `MISSING files: ${missing.attachments} attachment(s) and ${missing.records} signed record(s) have no stored file ` +
        '(if an instance still has them in its DATA_DIR, start it once to move them in)',
    )
    ok = false
  }
  const held = await countHoldings(db)
  lines.push(
    `Holding: ${held.organisations} organisation(s), ${held.proposals} proposal(s), ${held.attachments} attachment(s), ${held.records} signed record(s)`,
  )
  lines.push(ok ? 'All verified.' : 'Verification FAILED.')
  return { ok, lines }
}

/** Reads only: with the embedded database, Probity must be stopped (the data directory belongs to one process). */
export const verifyCommand: Command = async (context) => {
  const result = await verifyDatabase(context.database.db)
  return { code: result.ok ? 0 : 1, out: result.lines.join('\n') }
}
