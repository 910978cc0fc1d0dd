import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { eq, inArray } from 'drizzle-orm'
import { type Database } from '#db/client.server'
import { sessions, users } from '#db/schema'
import { visaRecordData } from '#tests/support/decision-records'
import { updateOrganisationSettings } from '#db/settings.server'
import { findOrganisation } from '#db/users.server'
import { renderDecisionRecord } from '~/pdf/render.server'
import { action as consultationAction } from '~/routes/proposals.$id.consultation._index'
import { getConsultationRecord } from '~/workflow/consultation/record.server'
import { recordUnionResponse } from '~/workflow/consultation/staff.server'
import { must } from '~/workflow/scenarios/consultation.server'
import { releaseDueContributions, serviceHour } from '~/workflow/consultation/release-anonymous.server'
import { ACCESS, expected } from '#tests/support/access-table'
import { openedStaffConsultation } from '#tests/support/consultation'
import { dumpAllTables } from '#tests/support/database-dump'
import { makeRequest, sessionCookieFor } from '#tests/support/factories'
import { pdftotext } from '#tests/support/poppler'
import { answerOf, describeError, routeRequest } from '#tests/support/route-requests'
import { discoverRoutes, fillPattern } from '#tests/support/route-modules'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// What the chief librarian and an administrator can see, everywhere: every
// page's loader data (what a `.data` response carries), every export, the
// decision record's text, and the whole database, for three worlds that
// differ only in when the anonymous concern was written. ADR 023.

const app = setupTestApp()
const routes = await discoverRoutes()

const ANONYMOUS_TEXT = 'Anonymous: the kiosk would photograph our users.'
const NAMED_TEXT = 'Named: who staffs the kiosk on Saturdays?'
/** Where the address names something this world has none of (an attachment, a record, an indicator). */
const ABSENT = '00000000-0000-4000-8000-000000000000'

/** A fixed day well after today, so that every moment this test sets apart from those the database's own clock writes. */
const DAY = (() => {
  const d = new Date(Date.now() + 3 * 86_400_000)
  return d.toISOString().slice(0, 10)
})()
const at = (time: string) => new Date(`${DAY}T${time}Z`)
/** The named concern is written at 10:17:40 UTC in every world. */
const NAMED_AT = at('10:17:40')
const WORLDS = {
  // Within the same minute as the named one, before it and after it.
  'anonymous first': at('10:17:10'),
  'named first': at('10:17:50'),
  // Hours earlier: nothing seen may change with the anonymous concern's time of day.
  'anonymous at 08:42': at('08:42:05'),
} as const
type Order = keyof typeof WORLDS

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** The first moment after `from` in the organisation's release hour. */
function nextReleaseHour(from: Date, hour: number) {
  const t = new Date(from)
  t.setUTCMinutes(0, 0, 0)
  do t.setTime(t.getTime() + 3_600_000)
  while (serviceHour(t) !== hour)
  return t
}

function post(proposalId: string, cookie: string, form: Record<string, string>) {
  return consultationAction({ request: makeRequest(`/proposals/${proposalId}/consultation`, { cookie, form }), params: { id: proposalId }, context: {} })
}

/** Every value an address may need, several where there is more than one thing worth looking at. */
type Values = Record<string, string[]>

/**
 * Every GET route the authorisation matrix says this role may load, with
 * the proposal's id and each value of the other parameters: what the loader
 * answered, serialised as Remix would send it (a page's data for `.data`, a
 * resource route's body).
 */
async function everythingSeenBy(role: 'chief_librarian' | 'admin', cookie: string, values: Values) {
  const seen: Record<string, unknown> = {}
  for (const route of routes) {
    const decl = ACCESS[route.id]
    if (!route.loader || !decl?.loader) continue
    if (expected(decl, decl.loader, role, false, route.params.length > 0) !== 'ok') continue
    let addresses: Record<string, string>[] = [{}]
    for (const param of route.params) {
      const choices = values[param]
      if (!choices) throw new Error(`No value for :${param} of ${route.id}`)
      addresses = addresses.flatMap((a) => choices.map((v) => ({ ...a, [param]: v })))
    }
    for (const params of addresses) {
      const pathname = fillPattern(route.pattern, params)
      const loader = route.loader
      const answer = await answerOf(() => loader({ request: routeRequest(pathname, { cookie }), params, context: {} }))
      seen[`${role} GET ${pathname}`] =
        answer.kind === 'error' ? `threw ${describeError(answer.error)}` : { status: answer.status, location: answer.location, payload: answer.payload }
    }
  }
  return seen
}

/** The decision record's text as it would print this proposal's consultation. */
async function recordText(db: Database, organisationId: string, proposalId: string) {
  const consultation = await getConsultationRecord(db, organisationId, proposalId)
  const data = visaRecordData()
  const pdf = await renderDecisionRecord({ ...data, staff: consultation.staff })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anonymous-record-'))
  try {
    const file = path.join(dir, 'record.pdf')
    fs.writeFileSync(file, pdf)
    return pdftotext(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Two members of staff in a service of two: one raises an anonymous concern
 * at the world's moment, the other a named one at NAMED_AT; the daily
 * release goes out; then everything the chief and the administrator can see.
 */
async function world(db: Database, order: Order) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('07:00:00'))
  const made = await openedStaffConsultation(db, { staff: 2 })
  const { org, proposal } = made
  // People's names and addresses sort the same way in every world, so that a list sorted by them does too.
  const tag = crypto.randomUUID().slice(0, 8)
  const formerly: [string, string][] = []
  const rename = async <U extends { id: string; name: string; email: string }>(user: U, label: string): Promise<U> => {
    // What was written before the renaming (the opening's e-mails) carries the old name.
    formerly.push([user.name, `${label.toUpperCase()}-NAME`], [user.email, `${label.toUpperCase()}-EMAIL`])
    const named = { ...user, name: `${label} ${tag}`, email: `${label.toLowerCase().replace(/ /g, '-')}.${tag}@test.example` }
    await db.update(users).set({ name: named.name, email: named.email }).where(eq(users.id, user.id))
    return named
  }
  const proposer = await rename(made.proposer, 'Chief Librarian')
  const admin = await rename(made.admin, 'Administrator')
  const reviewers = [await rename(made.reviewers[0]!, 'Reviewer One'), await rename(made.reviewers[1]!, 'Reviewer Two')]
  const staff = [await rename(made.staff[0]!, 'Staff Member A'), await rename(made.staff[1]!, 'Staff Member B')]
  const organisation = (await findOrganisation(db, org.id))!
  await updateOrganisationSettings(db, org.id, { ...organisation.settings, anonymityMinimumGroup: 2 })
  const [anonymousAuthor, namedAuthor] = [staff[0]!, staff[1]!]
  // Both signed in at the start of the day, for the day (a session records when it began, not what it did).
  const anonymousCookie = await sessionCookieFor(db, anonymousAuthor.id)
  const namedCookie = await sessionCookieFor(db, namedAuthor.id)
  await db.update(sessions).set({ expiresAt: at('23:00:00') }).where(inArray(sessions.userId, [anonymousAuthor.id, namedAuthor.id]))

  // Concern ids are random (v4), and lists sort concerns of a day by id. Here the anonymous one's id sorts first in
  // every world, so that lists come out the same in every world unless something else (a time) orders them.
  const ids = { anonymous: `${tag}-0000-4000-8000-000000000001`, named: `${tag}-0000-4000-8000-000000000002` } as const
  const raiseAnonymous = async () => {
    vi.setSystemTime(WORLDS[order])
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementationOnce(() => ids.anonymous)
    const reply = (await post(proposal.id, anonymousCookie, { intent: 'concern.raise', category: 'privacy', text: ANONYMOUS_TEXT, identity: 'anonymous' })) as {
      data: { concernId: string; receipt: string }
    }
    return reply.data
  }
  const raiseNamed = async () => {
    vi.setSystemTime(NAMED_AT)
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementationOnce(() => ids.named)
    const reply = (await post(proposal.id, namedCookie, { intent: 'concern.raise', category: 'workload', text: NAMED_TEXT, identity: 'named' })) as {
      data: { concernId: string }
    }
    return reply.data
  }
  let anonymous: { concernId: string; receipt: string }
  let named: { concernId: string }
  if (order === 'named first') {
    named = await raiseNamed()
    anonymous = await raiseAnonymous()
  } else {
    anonymous = await raiseAnonymous()
    named = await raiseNamed()
  }
  vi.restoreAllMocks()
  expect([anonymous.concernId, named.concernId]).toEqual([ids.anonymous, ids.named])
  const releaseAt = nextReleaseHour(at('10:17:50'), organisation.settings.anonymityReleaseHour ?? 18)
  vi.setSystemTime(releaseAt)
  expect(await releaseDueContributions(db, releaseAt)).toEqual({ concerns: 1, endorsements: 0 })

  // The union answers (the record needs it), and the chief and the administrator look at everything an hour after the release.
  const later = new Date(releaseAt.getTime() + 3_600_000)
  vi.setSystemTime(later)
  must(
    'union.record',
    await recordUnionResponse(db, { user: proposer, proposalId: proposal.id, now: later, unionName: 'UNISON', consultedOn: DAY, response: 'Asks that no member be required to staff it.' }),
  )
  const values: Values = {
    id: [proposal.id],
    concernId: [named.concernId, anonymous.concernId],
    userId: [anonymousAuthor.id, namedAuthor.id],
    org: [org.slug],
    attachmentId: [ABSENT],
    recordId: [ABSENT],
    key: [ABSENT],
    indicatorId: [ABSENT],
    token: [ABSENT],
  }
  const seen: Record<string, unknown> = {
    ...(await everythingSeenBy('chief_librarian', await sessionCookieFor(db, proposer.id), values)),
    ...(await everythingSeenBy('admin', await sessionCookieFor(db, admin.id), values)),
    'decision record (pdftotext)': await recordText(db, org.id, proposal.id),
  }
  vi.useRealTimers()

  // Everything that names this world, each with a label the same in every world.
  const labels: [string, string][] = [
    [anonymous.concernId, 'ANONYMOUS-CONCERN'],
    [named.concernId, 'NAMED-CONCERN'],
    [proposal.id, 'PROPOSAL'],
    [org.id, 'ORGANISATION'],
    ...(
      [
        [anonymousAuthor, 'ANONYMOUS-AUTHOR'],
        [namedAuthor, 'NAMED-AUTHOR'],
        [proposer, 'CHIEF'],
        [admin, 'ADMIN'],
        [reviewers[0]!, 'REVIEWER-1'],
        [reviewers[1]!, 'REVIEWER-2'],
      ] as const
    ).flatMap(([u, label]): [string, string][] => [
      [u.id, `${label}-ID`],
      [u.email, `${label}-EMAIL`],
      [u.name, `${label}-NAME`],
    ]),
    [organisation.name, 'ORGANISATION-NAME'],
    [org.slug, 'ORGANISATION-SLUG'],
    [proposal.reference, 'REFERENCE'],
    ...formerly,
  ]
  // This world's rows: the database is shared by the three worlds.
  const mine = [org.id, proposal.id, anonymous.concernId, ...[anonymousAuthor, namedAuthor, proposer, admin, ...reviewers].map((u) => u.id)]
  const database = [...(await dumpAllTables(db))]
    .map(([table, rows]) => [table, [...rows].filter((r) => mine.some((v) => r.includes(v)))] as const)
    .filter(([, rows]) => rows.length > 0)
  return {
    order,
    anonymous: { ...anonymous, author: anonymousAuthor },
    named,
    seen,
    database,
    labels,
  }
}

type World = Awaited<ReturnType<typeof world>>

/**
 * What the world shows, with its own names replaced by labels, and what
 * cannot be the same from one world to the next (random ids, hashes over
 * them, moments the database's own clock wrote) replaced by placeholders.
 * Moments on DAY stay: they are the ones this test sets.
 */
function normalisedText(w: World, text: string) {
  let out = text
  for (const [value, label] of w.labels) out = out.split(value).join(label)
  return out
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'UUID')
    .replace(/\b[0-9a-f]{32,}\b/gi, 'HEX')
    .replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, 'TOKEN')
    .replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?/g, (m) => (m.startsWith(DAY) ? m : 'CLOCK'))
}

/**
 * The same for a loader's data: a list that holds neither concern is
 * compared as a set (its order, by random id, is not this test's business);
 * a list that holds either keeps its order, which is what this test is about.
 */
function normalised(w: World, value: unknown): unknown {
  if (typeof value === 'string') return normalisedText(w, value)
  if (value instanceof Date) return normalisedText(w, value.toISOString())
  if (Array.isArray(value)) {
    const items = value.map((v) => normalised(w, v))
    const texts = items.map((v) => JSON.stringify(v))
    return texts.some((t) => /ANONYMOUS-CONCERN|NAMED-CONCERN|Anonymous: |Named: /.test(t))
      ? items
      : items.map((v, i) => [texts[i]!, v] as const).sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v)
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalisedText(w, k), normalised(w, v)]))
  return value
}

/** Every way the app writes a moment's time of day: ISO, HH:MM in UTC and in the service's time, 12-hour. */
function timeOfDayForms(moment: Date) {
  const forms = new Set<string>([moment.toISOString().slice(0, 16), moment.toISOString().slice(11, 16)])
  for (const timeZone of ['UTC', 'Europe/London']) {
    for (const hour12 of [false, true]) {
      const hm = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12 }).format(moment)
      forms.add(hm)
      forms.add(hm.replace(/^0/, ''))
      forms.add(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hour12 }).format(moment))
    }
  }
  // "10:17" or "10.17"
  return [...forms].flatMap((f) => [f, f.replace(':', '.')])
}

describe(`everything the chief and an administrator see is the same whenever the anonymous concern was written (${databaseKind()})`, () => {
  it('every page, export, record and row, for three moments of writing', { timeout: 600_000 }, async () => {
    const { db } = app().database
    const worlds: World[] = []
    for (const order of Object.keys(WORLDS) as Order[]) worlds.push(await world(db, order))
    const [reference, ...others] = worlds as [World, ...World[]]

    // The inventory is real: pages of every stage, the chief's and the administrator's, and the exports.
    const keys = Object.keys(reference.seen)
    expect(keys.length).toBeGreaterThan(30)
    for (const must of ['/consultation', '/admin/users/', '/dev/outbox', '/notifications', 'register.csv', '/admin/mail'])
      expect(keys.filter((k) => k.includes(must)), must).not.toEqual([])
    // The consultation page shows the released anonymous concern.
    expect(JSON.stringify(reference.seen[`chief_librarian GET /proposals/${reference.labels[2]![0]}/consultation`])).toContain(ANONYMOUS_TEXT)
    expect(reference.seen['decision record (pdftotext)']).toContain(ANONYMOUS_TEXT)

    for (const w of worlds) {
      const anonymousAt = WORLDS[w.order]
      for (const [where, text] of [
        ...Object.entries(w.seen).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const),
        ...w.database.map(([table, rows]) => [table, rows.join('\n')] as const),
      ]) {
        // No time of day for the anonymous concern, in any form (within the same minute, only a world's difference can tell; see below).
        if (anonymousAt.getUTCHours() !== NAMED_AT.getUTCHours())
          for (const form of timeOfDayForms(anonymousAt)) expect(text.includes(form), `${w.order}: ${where} shows ${form}`).toBe(false)
        expect(text.includes(anonymousAt.toISOString()), `${w.order}: ${where}`).toBe(false)
        // Nothing puts the anonymous author beside the concern.
        if (text.includes(ANONYMOUS_TEXT) || text.includes(w.anonymous.concernId) || text.includes(w.anonymous.receipt)) {
          for (const who of [w.anonymous.author.id, w.anonymous.author.email, w.anonymous.author.name])
            expect(text.includes(who), `${w.order}: ${where} names the anonymous author beside the concern`).toBe(false)
        }
      }
    }

    // Whatever the order and the time of day, everything seen and stored is the same.
    for (const w of others) {
      const mine = Object.fromEntries(Object.entries(w.seen).map(([k, v]) => [normalisedText(w, k), normalised(w, v)]))
      const theirs = Object.fromEntries(Object.entries(reference.seen).map(([k, v]) => [normalisedText(reference, k), normalised(reference, v)]))
      expect(Object.keys(mine)).toEqual(Object.keys(theirs))
      for (const key of Object.keys(theirs)) expect(mine[key], `${w.order}: ${key}`).toEqual(theirs[key])
      // A serial key counts every world's rows: the three worlds share the database. A jsonb object keyed by people's
      // ids (random) lists them by id; sorted here, as lists of them are above.
      const byPerson = (row: string) =>
        row.replace(/\{""[A-Z][A-Z0-9-]*-ID"":[^{}]*\}/g, (m) => `{${m.slice(1, -1).split(/, (?=""[A-Z][A-Z0-9-]*-ID"":)/).sort().join(', ')}}`)
      const rows = (x: World) => x.database.map(([table, r]) => [table, r.map((row) => byPerson(normalisedText(x, row)).replace(/^\(\d+,/, '(SERIAL,')).sort()])
      expect(rows(w)).toEqual(rows(reference))
    }
  })
})
