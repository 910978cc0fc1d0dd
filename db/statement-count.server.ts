import { AsyncLocalStorage } from 'node:async_hooks'
import { type Logger } from 'drizzle-orm/logger'

/** Statements sent to the database while answering one request (or any other unit of work). */
export type StatementTally = {
  statements: number
  transactions: number
  /** When given, each statement's text too (bench/statements.ts --verbose). */
  texts?: string[]
}

/**
 * Set around a unit of work by whoever wants to know what it cost (the
 * statement-budget test, bench/statements.ts); without a store, counting does
 * nothing. A count is deterministic where a time is not
 * (docs/decisions/027-one-read-per-request-and-short-transactions.md).
 */
export const statementScope = new AsyncLocalStorage<StatementTally>()

/** Drizzle logs every statement it sends, inside transactions too; BEGIN and COMMIT are counted by `countTransactions`. */
export const statementCounter: Logger = {
  logQuery(query) {
    const tally = statementScope.getStore()
    if (!tally) return
    tally.statements++
    tally.texts?.push(query)
  },
}

/** Counts each transaction's BEGIN and COMMIT (or ROLLBACK), which the drivers send without telling drizzle's logger. */
export function countTransactions<T extends { transaction: (...args: never[]) => Promise<unknown> }>(db: T): T {
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>
  Object.assign(db, {
    transaction: (...args: unknown[]) => {
      const tally = statementScope.getStore()
      if (tally) {
        tally.statements += 2
        tally.transactions++
        tally.texts?.push('begin … commit')
      }
      return transaction(...args)
    },
  })
  return db
}

/** Runs `work` and answers with what it sent to the database. */
export async function tallyStatements<T>(
  work: () => Promise<T>,
  { texts = false } = {},
): Promise<{ result: T; tally: StatementTally }> {
  const tally: StatementTally = { statements: 0, transactions: 0, ...(texts ? { texts: [] } : {}) }
  const result = await statementScope.run(tally, work)
  return { result, tally }
}
