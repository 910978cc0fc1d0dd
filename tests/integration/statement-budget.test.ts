import { beforeAll, describe, expect, it } from 'vitest'
import { busiestRequests, seedLoadData, type LoadData } from '../../bench/workload'
import { runRoute } from '#tests/support/route-statements'
import { databaseKind } from '#tests/support/test-database'
import { setupTestApp } from '#tests/support/test-app'

/**
 * Statements each of the load workload's ten busiest requests sends, as the
 * server answers it (action, then every matching loader at once), BEGIN and
 * COMMIT included. A count is deterministic; a time is not. Figures and how
 * they fell: bench/README.md, "Statements per request" (ADR 027).
 */
const BUDGETS: Record<string, { statements: number; transactions: number; why: string }> = {
  'GET /': { statements: 4, transactions: 0, why: 'session, unread count, and the dashboard’s two lists' },
  'GET /proposals': { statements: 3, transactions: 0, why: 'session, unread count, the list' },
  'GET /notifications': { statements: 3, transactions: 0, why: 'session, unread count, the notifications' },
  'GET /proposals/:id': { statements: 9, transactions: 0, why: 'session, unread, proposal, stages, intake, trail, people, papers (summary + intake)' },
  'GET /proposals/:id/screening': { statements: 9, transactions: 0, why: 'session, unread, proposal, stages, intake, round’s rubric, reviewers, people, candidates' },
  'GET /proposals/:id/consultation': { statements: 13, transactions: 0, why: 'session, unread, proposal, stages, intake and the consultation’s own eight parts' },
  'GET /proposals/:id/monitoring': { statements: 12, transactions: 0, why: 'session, unread, proposal, stages, intake and monitoring’s seven parts' },
  'POST raise a concern': { statements: 22, transactions: 1, why: 'session, proposal, then begin, guarded update, concern, audit entry, commit; then the page again (13) with the author’s own tags (2)' },
  'POST save a draft score': { statements: 9, transactions: 1, why: 'session, proposal, rubric, then begin, guarded update, scores, privacy answers, audit entry, commit' },
  'POST save a proposal (transition)': { statements: 7, transactions: 1, why: 'session, proposal, then begin, guarded update with the columns, intake, audit entry, commit' },
}

describe(`statements per request (${databaseKind()})`, () => {
  const app = setupTestApp()
  let data: LoadData

  beforeAll(async () => {
    data = await seedLoadData(app().database.db, {
      clients: 10,
      dataDir: app().config.dataDir,
      concernsPerClient: 10,
    })
  })

  it('keeps each of the ten busiest requests within its budget', async () => {
    const requests = busiestRequests(data)
    expect(requests.map((r) => r.name).sort()).toEqual(Object.keys(BUDGETS).sort())
    const spent: Record<string, { status: number; statements: number; transactions: number }> = {}
    for (const route of requests) {
      const run = await runRoute(route.request())
      spent[route.name] = { status: run.status, ...run.tally }
    }
    for (const [name, run] of Object.entries(spent)) {
      expect(run.status, name).toBeLessThan(400)
      expect({ name, statements: run.statements <= BUDGETS[name]!.statements, transactions: run.transactions }).toEqual({
        name,
        statements: true,
        transactions: BUDGETS[name]!.transactions,
      })
    }
  })

  it('reads the session and the proposal once per request, however many loaders ask', async () => {
    for (const route of busiestRequests(data).filter((r) => r.name.startsWith('GET /proposals/:id'))) {
      const run = await runRoute(route.request(), { texts: true })
      const texts = run.tally.texts ?? []
      expect(texts.filter((t) => t.includes('from "sessions"')).length, route.name).toBe(1)
      expect(texts.filter((t) => /from "proposals"/.test(t) && t.includes('"snapshot"')).length, route.name).toBe(1)
    }
  })
})
