import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Database } from '#db/client.server'
import { auditEntries, proposals, staffConcerns } from '#db/schema'
import { action as consultationAction } from '~/routes/proposals.$id.consultation._index'
import { action as receiptAction } from '~/routes/concerns.receipt'
import { raiseConcern } from '~/workflow/consultation/concerns.server'
import { openedStaffConsultation, releaseAnonymous } from '#tests/support/consultation'
import { changedRows, dumpAllTables, findInDump } from '#tests/support/database-dump'
import {
  createUser,
  makeRequest,
  sessionCookieFor,
} from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

/** Everything written to the console or the process's output streams while `run` runs. */
async function captureLogs(
  run: () => Promise<unknown>,
): Promise<{ logs: string; result: unknown }> {
  const lines: string[] = []
  const record = (...args: unknown[]) =>
    void lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation(record)
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation(
      (chunk: string | Uint8Array) => (record(String(chunk)), true),
    )
  }
  try {
    return { logs: lines.join('\n'), result: await run() }
  } finally {
    vi.restoreAllMocks()
  }
}

afterEach(() => vi.restoreAllMocks())

async function openConsultation(db: Database) {
  const {
    org,
    proposer,
    proposal,
    staff: [colleague],
  } = await openedStaffConsultation(db, { values: { title: 'Visa biometrics', partner: 'UKVI' } })
  return { org, proposer, colleague: colleague!, proposal }
}

function post(proposalId: string, cookie: string, form: Record<string, string>) {
  const request = makeRequest(`/proposals/${proposalId}/consultation`, { cookie, form })
  return consultationAction({ request, params: { id: proposalId }, context: {} })
}

type Reply = { data: { receipt: string | null; concernId: string | null } }

describe(`anonymous concerns leave no trace of their author (${databaseKind()})`, () => {
  it('after an anonymous concern, no table and no log holds the author’s id, e-mail or name', async () => {
    const { db } = app().database
    const { org, proposal } = await openConsultation(db)
    // Joined after the consultation opened, so nothing addressed to them exists yet:
    // the only rows that may name them are their account and their sign-in session.
    const author = await createUser(db, org.id, ['staff'], {
      name: 'Zoë Q7X Whistleblower',
      email: 'q7x.author@test.example',
    })
    const cookie = await sessionCookieFor(db, author.id)
    const needles = [author.id, author.email, author.name]
    const [before] = await db.select().from(proposals).where(eq(proposals.id, proposal.id))

    const { logs, result } = await captureLogs(() =>
      post(proposal.id, cookie, {
        intent: 'concern.raise',
        category: 'safety',
        text: 'Colleagues who came here as refugees would not feel safe beside this service.',
        identity: 'anonymous',
      }),
    )
    const { receipt, concernId } = (result as Reply).data
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)

    const dump = await dumpAllTables(db)
    expect([...dump.keys()]).toContain('"public"."staff_concerns"')
    const hits = findInDump(dump, needles)
    expect([...hits.keys()].sort()).toEqual(['"public"."sessions"', '"public"."users"'])
    expect(hits.get('"public"."users"')).toHaveLength(1)
    expect(hits.get('"public"."users"')![0]).toContain(author.id)
    expect(hits.get('"public"."sessions"')).toHaveLength(1)
    for (const needle of needles) expect(logs.toLowerCase()).not.toContain(needle.toLowerCase())
    // The receipt itself is not kept either, only its hash.
    expect(findInDump(dump, [receipt!, receipt!.replaceAll('-', '')]).size).toBe(0)

    // Held, not applied: no version, audit entry or moment until the batch's release.
    const [after] = await db.select().from(proposals).where(eq(proposals.id, proposal.id))
    expect(after!.updatedAt.toISOString()).toBe(before!.updatedAt.toISOString())
    expect(after!.version).toBe(before!.version)
    expect(await db.select().from(staffConcerns).where(eq(staffConcerns.id, concernId!))).toEqual([])

    // The author finds it held with the receipt; the lookup writes nothing.
    const held = (await receiptAction({
      request: makeRequest('/concerns/receipt', { cookie, form: { code: receipt! } }),
      params: {},
      context: {},
    })) as { held: { text: string } }
    expect(held.held.text).toContain('refugees')
    expect(await dumpAllTables(db)).toEqual(dump)

    const released = await releaseAnonymous(db, org.id, proposal.id)
    expect(released).toEqual({ concerns: 1, endorsements: 0 })
    const releasedDump = await dumpAllTables(db)
    expect([...findInDump(releasedDump, needles).keys()].sort()).toEqual(['"public"."sessions"', '"public"."users"'])
    const [concern] = await db.select().from(staffConcerns).where(eq(staffConcerns.id, concernId!))
    expect(concern).toMatchObject({
      anonymous: true,
      authorId: null,
      raisedOn: new Date().toISOString().slice(0, 10),
    })
    const [entry] = await db
      .select()
      .from(auditEntries)
      .where(
        sql`${auditEntries.proposalId} = ${proposal.id} and ${auditEntries.eventType} = 'concern.release'`,
      )
    expect(entry).toMatchObject({ actorId: null, actorKind: 'system' })

    // The author finds it again with the receipt; the lookup writes nothing.
    const lookup = (await receiptAction({
      request: makeRequest('/concerns/receipt', { cookie, form: { code: receipt! } }),
      params: {},
      context: {},
    })) as { concern: { id: string } }
    expect(lookup.concern.id).toBe(concernId)
    expect(await dumpAllTables(db)).toEqual(releasedDump)
  })

  it('the concern tables keep no moment finer than the day', async () => {
    const { db } = app().database
    const result = await db.execute(sql`
      select table_name, column_name, data_type from information_schema.columns
      where table_name in ('staff_concerns', 'concern_endorsements', 'held_contributions')`)
    const columns = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      data_type: string
    }[]
    expect(columns.length).toBeGreaterThan(10)
    expect(columns.filter((c) => /time/.test(c.data_type))).toEqual([])
  })

  it('a member of staff who was notified leaves no trace in what an anonymous concern and endorsement write', async () => {
    const { db } = app().database
    const { org, proposal, colleague } = await openConsultation(db)
    const other = await createUser(db, org.id, ['staff'])
    const named = await raiseConcern(db, {
      user: other,
      proposalId: proposal.id,
      secret: app().secret,
      category: 'workload',
      text: 'Desk cover',
      anonymous: false,
    })
    const cookie = await sessionCookieFor(db, colleague.id)
    const needles = [colleague.id, colleague.email, colleague.name]
    // They were told of the consultation by name: those rows existed before and are not the question.
    expect(findInDump(await dumpAllTables(db), needles).has('"public"."notifications"')).toBe(true)

    const before = await dumpAllTables(db)
    const { logs } = await captureLogs(async () => {
      await post(proposal.id, cookie, {
        intent: 'concern.raise',
        category: 'ethics',
        text: 'Not what a library is for.',
        identity: 'anonymous',
      })
      await post(proposal.id, cookie, {
        intent: 'concern.endorse',
        concernId: named.ok ? named.concernId : '',
        identity: 'anonymous',
      }).catch((redirect: Response) => expect(redirect.status).toBe(302))
    })
    const written = changedRows(before, await dumpAllTables(db))
    // Only the held rows, until the release writes them as one batch.
    expect([...written.keys()].sort()).toEqual(['"public"."held_contributions"'])
    expect(findInDump(written, needles)).toEqual(new Map())
    for (const needle of needles) expect(logs.toLowerCase()).not.toContain(needle.toLowerCase())
    const beforeRelease = await dumpAllTables(db)
    expect(await releaseAnonymous(db, org.id, proposal.id)).toEqual({ concerns: 1, endorsements: 1 })
    const released = changedRows(beforeRelease, await dumpAllTables(db))
    expect([...released.keys()].sort()).toEqual([
      '"public"."audit_entries"',
      '"public"."concern_endorsements"',
      '"public"."notifications"',
      '"public"."proposals"',
      '"public"."staff_concerns"',
    ])
    expect(findInDump(released, needles)).toEqual(new Map())
  })
})
