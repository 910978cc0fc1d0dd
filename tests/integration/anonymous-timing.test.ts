import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { verifyChain } from '#db/audit.server'
import { type Database } from '#db/client.server'
import { auditEntries, heldContributions, proposals, staffConcerns } from '#db/schema'
import { updateOrganisationSettings } from '#db/settings.server'
import { findOrganisation } from '#db/users.server'
import { loader as historyLoader } from '~/routes/proposals.$id._index'
import { action as consultationAction, loader as consultationLoader } from '~/routes/proposals.$id.consultation._index'
import { loader as staffLoader } from '~/routes/proposals.$id.consultation.staff'
import { releaseDueContributions, serviceHour } from '~/workflow/consultation/release-anonymous.server'
import { openedStaffConsultation } from '#tests/support/consultation'
import { changedRows, dumpAllTables, type TableDump } from '#tests/support/database-dump'
import { makeRequest, sessionCookieFor } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

const ANONYMOUS_TEXT = 'Anonymous: the kiosk would photograph our users.'
const NAMED_TEXT = 'Named: who staffs the kiosk on Saturdays?'

/** Every moment written as text (a database row's timestamptz, or an ISO string in page data). */
function momentsIn(text: string): number[] {
  const found = text.match(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)/g) ?? []
  return found.map((m) => Date.parse(m.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')))
}

/** Rows of the dump that carry a moment inside [from, to]. */
function rowsWithMomentIn(dump: TableDump, from: number, to: number) {
  const hits: string[] = []
  for (const [table, rows] of dump) {
    for (const row of rows) if (momentsIn(row).some((t) => t >= from && t <= to)) hits.push(`${table} ${row}`)
  }
  return hits
}

/** The first moment from tomorrow on that falls in the organisation's release hour. */
function nextReleaseHour(hour: number) {
  const at = new Date(Date.now() + 24 * 3_600_000)
  at.setUTCMinutes(0, 0, 0)
  while (serviceHour(at) !== hour) at.setTime(at.getTime() + 3_600_000)
  return at
}

function post(proposalId: string, cookie: string, form: Record<string, string>) {
  return consultationAction({ request: makeRequest(`/proposals/${proposalId}/consultation`, { cookie, form }), params: { id: proposalId }, context: {} })
}

async function pageData(proposalId: string, cookie: string) {
  const get = (path: string) => ({ request: makeRequest(path, { cookie }), params: { id: proposalId }, context: {} })
  return JSON.stringify([
    await consultationLoader(get(`/proposals/${proposalId}/consultation`)),
    await historyLoader(get(`/proposals/${proposalId}`)),
    await staffLoader(get(`/proposals/${proposalId}/consultation/staff`)).catch((r: unknown) => (r instanceof Response ? r.status : r)),
  ])
}

/**
 * Two members of staff raise one anonymous and one named concern within the
 * same minute, in the given order; then the daily release runs.
 */
async function world(db: Database, order: 'anonymous first' | 'named first') {
  const { org, proposer, admin, proposal, staff } = await openedStaffConsultation(db, { staff: 2 })
  const organisation = await findOrganisation(db, org.id)
  // Two eligible staff; a group of two counts as large enough here, so the daily release applies.
  await updateOrganisationSettings(db, org.id, { ...organisation!.settings, anonymityMinimumGroup: 2 })
  const [anonymousAuthor, namedAuthor] = [staff[0]!, staff[1]!]
  const anonymousCookie = await sessionCookieFor(db, anonymousAuthor.id)
  const namedCookie = await sessionCookieFor(db, namedAuthor.id)
  const raiseAnonymous = async () => {
    const before = await dumpAllTables(db)
    const [versionBefore] = await db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, proposal.id))
    const reply = (await post(proposal.id, anonymousCookie, { intent: 'concern.raise', category: 'privacy', text: ANONYMOUS_TEXT, identity: 'anonymous' })) as {
      data: { concernId: string }
    }
    // At the moment of writing, only the held row is written, and it carries no moment.
    const written = changedRows(before, await dumpAllTables(db))
    expect([...written.keys()]).toEqual(['"public"."held_contributions"'])
    expect(momentsIn(written.get('"public"."held_contributions"')!.join('\n'))).toEqual([])
    const [versionAfter] = await db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, proposal.id))
    expect(versionAfter).toEqual(versionBefore)
    return reply.data.concernId
  }
  const raiseNamed = () => post(proposal.id, namedCookie, { intent: 'concern.raise', category: 'workload', text: NAMED_TEXT, identity: 'named' })

  const from = Date.now()
  let anonymousId: string
  if (order === 'anonymous first') {
    anonymousId = await raiseAnonymous()
    await raiseNamed()
  } else {
    await raiseNamed()
    anonymousId = await raiseAnonymous()
  }
  const to = Date.now()
  expect(to - from).toBeLessThan(60_000)

  // Not the release hour: nothing goes out.
  const releaseAt = nextReleaseHour(organisation!.settings.anonymityReleaseHour ?? 18)
  const notYet = new Date(releaseAt.getTime() - 3_600_000)
  expect(await releaseDueContributions(db, notYet)).toEqual({ concerns: 0, endorsements: 0 })
  expect(await db.select().from(heldContributions).where(eq(heldContributions.proposalId, proposal.id))).toHaveLength(1)
  expect(await releaseDueContributions(db, releaseAt)).toEqual({ concerns: 1, endorsements: 0 })

  const chiefCookie = await sessionCookieFor(db, proposer.id)
  const adminCookie = await sessionCookieFor(db, admin.id)
  const dump = await dumpAllTables(db)
  const entries = await db.select().from(auditEntries).where(eq(auditEntries.proposalId, proposal.id)).orderBy(auditEntries.seq)
  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id))
  const [anonymousRow] = await db.select().from(staffConcerns).where(eq(staffConcerns.id, anonymousId))
  return {
    proposal,
    anonymousId,
    anonymousRow: anonymousRow!,
    window: [from, to] as const,
    releaseAt,
    dump,
    entries,
    version: row!.version,
    chiefData: await pageData(proposal.id, chiefCookie),
    adminData: await pageData(proposal.id, adminCookie),
  }
}

describe(`anonymous concerns have no time or place among named ones (${databaseKind()})`, () => {
  it('raised in either order within a minute, nothing seen or stored orders the anonymous concern or gives its time', async () => {
    const { db } = app().database
    const first = await world(db, 'anonymous first')
    const second = await world(db, 'named first')
    for (const w of [first, second]) {
      // The database: the only rows carrying a moment from the minute of writing are the named concern's own.
      const inWindow = rowsWithMomentIn(w.dump, ...w.window)
      expect(inWindow.filter((r) => r.includes(w.proposal.id) || r.includes(w.anonymousId))).toEqual(
        inWindow.filter((r) => r.includes('"public"."audit_entries"') && r.includes('concern.raise')),
      )
      expect(inWindow.some((r) => r.includes(w.anonymousId) || r.includes(ANONYMOUS_TEXT))).toBe(false)
      // The anonymous concern: the day only, released in the batch's entry.
      expect(w.anonymousRow).toMatchObject({ anonymous: true, authorId: null, raisedOn: new Date(w.window[0]).toISOString().slice(0, 10) })
      const release = w.entries.find((e) => e.eventType === 'concern.release')!
      expect(w.anonymousRow.releasedSeq).toBe(release.seq)
      expect(release.at.getTime()).toBe(w.releaseAt.getTime())
      // Pages and their data, as the chief and an administrator load them: no moment from the minute of writing but the named concern's.
      for (const data of [w.chiefData, w.adminData]) {
        const named = w.entries.find((e) => e.eventType === 'concern.raise')!.at.getTime()
        expect(momentsIn(data).filter((t) => t >= w.window[0] && t <= w.window[1]).every((t) => t === named)).toBe(true)
      }
    }
    // Ordered structures say the same whichever came first.
    const shape = (w: typeof first) => w.entries.map((e) => `${e.seq} ${e.eventType} ${e.actorKind}`)
    expect(shape(first)).toEqual(shape(second))
    expect(first.version).toBe(second.version)
    expect(shape(first).slice(-2)).toEqual([`${first.version - 1} concern.raise user`, `${first.version} concern.release system`])
    // Outbox and notifications: the same rows, apart from ids and addresses, in both worlds.
    const kinds = (w: typeof first) =>
      [...(w.dump.get('"public"."notifications"') ?? [])].filter((r) => r.includes(w.proposal.id)).map((r) => r.replace(/[0-9a-f-]{36}/g, 'ID').replace(/\d{4}-\d{2}-\d{2} [^,]+/g, 'T')).sort()
    expect(kinds(first)).toEqual(kinds(second))
  })

  it('the chain verifies, and changing a released concern’s text breaks it at the batch', async () => {
    const { db } = app().database
    const w = await world(db, 'anonymous first')
    expect(await verifyChain(db, w.proposal.id)).toMatchObject({ ok: true })
    await db.update(staffConcerns).set({ text: 'Softened wording.' }).where(eq(staffConcerns.id, w.anonymousId))
    const release = w.entries.find((e) => e.eventType === 'concern.release')!
    expect(await verifyChain(db, w.proposal.id)).toMatchObject({ ok: false, brokenAtSeq: release.seq })
    await db.update(staffConcerns).set({ text: ANONYMOUS_TEXT }).where(eq(staffConcerns.id, w.anonymousId))
    expect(await verifyChain(db, w.proposal.id)).toMatchObject({ ok: true })
    // Moving a concern out of its batch is caught too.
    await db.execute(sql`update staff_concerns set released_seq = null where id = ${w.anonymousId}`)
    expect(await verifyChain(db, w.proposal.id)).toMatchObject({ ok: false, brokenAtSeq: release.seq })
  })
})
