import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { proposals } from '#db/schema'
import { ROLES, type Role } from '#machines/vocabulary/roles'
import { ACCESS, addressOf, expected, type RouteAccess } from '#tests/support/access-table'
import { buildWorld, type Fixture, type World, type WorldUser } from '#tests/support/access-world'
import { installWriteCounter } from '#tests/support/write-counter'
import { hostileForm, hostileParams } from '#tests/support/hostile'
import { answerOf, describeError, routeRequest, type Answer } from '#tests/support/route-requests'
import { discoverRoutes, fillPattern, type RouteModuleInfo } from '#tests/support/route-modules'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// Every action in app/routes, posted malformed, oversize, wrong-type and
// script-laden forms (and files, and bodies no browser sends) by each kind of
// person who might plausibly post it: never a 5xx or an uncaught error, a
// refusal always says why, and a refused request changes nothing.

const CASES_PER_ACTION = 200
// Far above any honest answer (a form echoed back with its oversize fields),
// far below what an answer built from a forged list index would be.
const MAX_ANSWER_CHARS = 16 * 1024 * 1024

const app = setupTestApp()
const actions = (await discoverRoutes()).filter((r) => r.action)

// The harness signs people in by writing sessions, and sign-in, sign-out and a
// password change end or start sessions by design; refused sign-ins and
// password checks count failures, which is the throttle's whole job.
const MAY_CHANGE_WHEN_REFUSED = ['sessions', 'sign_in_failures']

let world: World
let writes: Awaited<ReturnType<typeof installWriteCounter>>
beforeAll(async () => {
  const { database, config, secret } = app()
  world = await buildWorld(database.db, config, secret)
  writes = await installWriteCounter(database.db, { exclude: MAY_CHANGE_WHEN_REFUSED })
}, 180_000)

type Who = Role | 'signedOut'

/** Per action: how many cases, and the answers by class (2xx, 3xx, 4xx). */
const tally = new Map<string, { cases: number; answers: Record<string, number> }>()
afterAll(() => {
  const rows = [...tally]
  const total = rows.reduce((n, [, t]) => n + t.cases, 0)
  const byClass: Record<string, number> = {}
  for (const [, t] of rows)
    for (const [k, n] of Object.entries(t.answers)) byClass[k] = (byClass[k] ?? 0) + n
  console.log(
    [
      `hostile input (${databaseKind()}): ${rows.length} actions × ${CASES_PER_ACTION} cases = ${total} requests; answers ${JSON.stringify(byClass)}`,
      ...rows.map(([p, t]) => `  POST ${p}: ${t.cases} cases ${JSON.stringify(t.answers)}`),
    ].join('\n'),
  )
})

/** Those the table lets post, one it refuses, and someone signed out. */
function plausible(decl: RouteAccess, route: RouteModuleInfo): Who[] {
  const outcome = (role: Role) => expected(decl, decl.action!, role, false, route.params.length > 0)
  const allowed = ROLES.filter((r) => outcome(r) === 'ok')
  const refused = ROLES.find((r) => outcome(r) !== 'ok')
  return [...allowed, ...(refused ? [refused] : []), 'signedOut']
}

async function stageOf(fixture: Fixture) {
  const [row] = await app()
    .database.db.select({ stage: proposals.stage })
    .from(proposals)
    .where(eq(proposals.id, fixture.proposal.id))
  return row?.stage
}

const cookies = new Map<string, string>()
/** The person's session, made again once a request has changed it (sign-out, sign-in). */
async function cookieOf(user: WorldUser): Promise<string> {
  let cookie = cookies.get(user.id)
  if (!cookie) {
    cookie = await world.cookieFor(user)
    cookies.set(user.id, cookie)
  }
  return cookie
}

/** Whether a refusal says why: a message, or an error beside a field. */
function explains(answer: Extract<Answer, { kind: 'answer' }>): boolean {
  const said: string[] = []
  const walk = (v: unknown, underError: boolean) => {
    if (typeof v === 'string') {
      if (underError) said.push(v)
    } else if (Array.isArray(v)) v.forEach((item) => walk(item, underError))
    else if (v && typeof v === 'object')
      for (const [k, inner] of Object.entries(v))
        walk(inner, underError || /error|message/i.test(k))
  }
  walk(answer.payload, typeof answer.payload === 'string')
  return said.some((s) => s.trim().length >= 3)
}

/**
 * Whether the answer would serialise to more than MAX_ANSWER_CHARS: counted
 * as it is walked, stopping at the limit, so that a list a forged index made
 * a hundred million long fails at once rather than after minutes of JSON.
 */
function oversize(payload: unknown): boolean {
  let size = 0
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') size += v.length + 2
    else if (Array.isArray(v)) {
      size += v.length + 2
      if (size > MAX_ANSWER_CHARS) return true
      return v.some(walk)
    } else if (v && typeof v === 'object')
      return Object.entries(v).some(([k, inner]) => ((size += k.length + 4), walk(inner)))
    else size += 5
    return size > MAX_ANSWER_CHARS
  }
  return walk(payload)
}

function summarise(body: unknown): string {
  const text = JSON.stringify(body, (_, v: unknown) =>
    v instanceof File
      ? `File(${JSON.stringify(v.name)}, ${v.size} bytes)`
      : typeof v === 'string' && v.length > 80
        ? `${v.slice(0, 40)}…(${v.length})`
        : v,
  )
  return text.length > 600 ? `${text.slice(0, 600)}…` : text
}

describe(`hostile input to every action (${databaseKind()})`, () => {
  it('finds actions to attack, each declared in the access table', () => {
    expect(actions.length).toBeGreaterThan(10)
    expect(
      actions
        .filter((r) => !ACCESS[r.id]?.action)
        .map((r) => `declare who may post to ${r.id} in tests/support/access-table.ts`),
    ).toEqual([])
  })

  for (const route of actions) {
    it(`POST ${route.pattern}: ${CASES_PER_ACTION} hostile requests, no 5xx, every refusal explained and harmless`, async () => {
      const decl = ACCESS[route.id]
      if (!decl?.action)
        throw new Error(`declare who may post to ${route.id} in tests/support/access-table.ts`)
      let fixture: Fixture | undefined = decl.fixture
        ? await world.fixture(decl.fixture)
        : undefined
      const original = (await addressOf(route, decl, world, fixture)).params
      let address = original
      const whos = plausible(decl, route)
      // Each kind of person posts the probe as their page would have it, then taken apart.
      const probes = new Map<Who, Awaited<ReturnType<typeof decl.action.probe>>>()
      for (const who of whos) {
        const user = who === 'signedOut' ? undefined : world.users[who]
        probes.set(who, await decl.action.probe({ world, fixture, user, params: original }))
      }
      const arbitrary = fc.constantFrom(...whos).chain((who) =>
        fc.record({
          who: fc.constant(who),
          body: hostileForm(probes.get(who)!),
          params: hostileParams(original),
        }),
      )
      let cases = 0
      const answers: Record<string, number> = {}
      tally.set(route.pattern, { cases: 0, answers })
      await writes.reset()
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ who, body, params }) => {
          cases++
          // Parameters left alone point at the current fixture's records.
          const current = Object.fromEntries(
            Object.entries(params).map(([k, v]) => [k, v === original[k] ? address[k]! : v]),
          )
          const cookie = who === 'signedOut' ? undefined : await cookieOf(world.users[who])
          const request = routeRequest(fillPattern(route.pattern, current), { cookie, body })
          const answer = await answerOf(() =>
            route.action!({ request, params: current, context: {} }),
          )
          const changed = await writes.written()
          if (answer.kind === 'answer' && answer.setsCookie && who !== 'signedOut')
            cookies.delete(world.users[who].id)
          const what = `${who} posting ${summarise(body)} to ${fillPattern(route.pattern, current).slice(0, 200)}`
          if (answer.kind === 'error')
            throw new Error(`uncaught ${describeError(answer.error)} for ${what}`)
          if (answer.status >= 500)
            throw new Error(`${answer.status} for ${what}: ${summarise(answer.payload)}`)
          if (oversize(answer.payload))
            throw new Error(`an answer of more than ${MAX_ANSWER_CHARS} characters for ${what}`)
          const kind = `${Math.floor(answer.status / 100)}xx`
          answers[kind] = (answers[kind] ?? 0) + 1
          if (answer.status >= 400) {
            if (!explains(answer))
              throw new Error(
                `${answer.status} without a reason for ${what}: ${summarise(answer.payload)}`,
              )
            if (changed.length > 0)
              throw new Error(
                `refused with ${answer.status} but wrote to ${changed.join(', ')}: ${what}`,
              )
          } else if (
            // A password link that worked lands on sign-in with a notice: a success, not a refusal.
            answer.location?.startsWith('/login') &&
            !answer.location.startsWith('/login?password=') &&
            changed.length > 0
          ) {
            throw new Error(`sent to sign in but wrote to ${changed.join(', ')}: ${what}`)
          } else if (
            fixture &&
            changed.length > 0 &&
            (await stageOf(fixture)) !== fixture.proposal.stage
          ) {
            // Accepted and it moved the proposal on: later cases get one at the stage the action is for.
            fixture = await world.fixture(fixture.kind)
            address = (await addressOf(route, decl, world, fixture)).params
            await writes.reset()
          }
        }),
        { numRuns: CASES_PER_ACTION },
      )
      tally.get(route.pattern)!.cases = cases
      expect(cases).toBeGreaterThanOrEqual(CASES_PER_ACTION)
    }, 300_000)
  }
})
