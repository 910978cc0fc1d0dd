import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#machines/vocabulary/roles'
import {
  ACCESS,
  addressOf,
  expected,
  type Access,
  type Outcome,
  type RouteAccess,
} from '#tests/support/access-table'
import { buildWorld, type Fixture, type World, type WorldUser } from '#tests/support/access-world'
import { installWriteCounter } from '#tests/support/write-counter'
import { answerOf, describeError, routeRequest, type Answer } from '#tests/support/route-requests'
import { discoverRoutes, type RouteModuleInfo } from '#tests/support/route-modules'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// Every route (loader and action) × every role × own and another organisation
// × signed out, against the table in tests/support/access-table.ts.

const app = setupTestApp()
const routes = await discoverRoutes()

// The harness signs each cell in with a session of its own, and sign-in and
// sign-out change sessions by design: only those rows may change when a
// request is refused. Refusal sign-ins count failures, which is the throttle's job.
const MAY_CHANGE_WHEN_REFUSED = ['sessions', 'sign_in_failures']

type Who = { role: Role; foreign: boolean } | { role: 'signedOut' | 'operator'; foreign: false }
const WHO: Who[] = [
  ...ROLES.map((role) => ({ role, foreign: false })),
  ...ROLES.map((role) => ({ role, foreign: true })),
  { role: 'operator', foreign: false },
  { role: 'signedOut', foreign: false },
]
const label = (w: Who) =>
  w.role === 'signedOut' ? 'signed out' : `${w.foreign ? 'foreign ' : ''}${w.role}`

let world: World
let writes: Awaited<ReturnType<typeof installWriteCounter>>
beforeAll(async () => {
  const { database, config, secret } = app()
  world = await buildWorld(database.db, config, secret)
  writes = await installWriteCounter(database.db, { exclude: MAY_CHANGE_WHEN_REFUSED })
}, 180_000)

type Cell = {
  route: string
  method: 'GET' | 'POST'
  who: string
  expected: Outcome
  observed: string
}
const cells: Cell[] = []

function classify(answer: Answer): string {
  if (answer.kind === 'error') return `threw ${describeError(answer.error)}`
  const { status, location } = answer
  if (status >= 200 && status < 300) return 'ok'
  if (status >= 300 && status < 400) return location?.startsWith('/login') ? 'login' : 'redirect'
  return String(status)
}

function userOf(who: Who): WorldUser | undefined {
  if (who.role === 'signedOut') return undefined
  if (who.role === 'operator') return world.operator
  return who.foreign ? world.foreign[who.role] : world.users[who.role]
}

/** Everything a cell needs, made before the request so that its own writes are not taken for the request's. */
async function prepare(
  route: RouteModuleInfo,
  decl: RouteAccess,
  method: 'GET' | 'POST',
  who: Who,
  fixture: Fixture | undefined,
) {
  const user = userOf(who)
  const cookie = user ? await world.cookieFor(user) : undefined
  const { params, path } = await addressOf(route, decl, world, fixture)
  const body =
    method === 'POST' ? await decl.action!.probe({ world, fixture, user, params }) : undefined
  const handler = method === 'GET' ? route.loader! : route.action!
  return () =>
    answerOf(() => handler({ request: routeRequest(path, { cookie, body }), params, context: {} }))
}

function matches(method: 'GET' | 'POST', want: Outcome, observed: string) {
  // An allowed action succeeds whether it answers with a page or sends the person on.
  if (method === 'POST' && want === 'ok') return observed === 'ok' || observed === 'redirect'
  return observed === String(want)
}

async function checkLoader(route: RouteModuleInfo, decl: RouteAccess, access: Access) {
  const fixture = decl.fixture ? await world.fixture(decl.fixture) : undefined
  const problems: string[] = []
  for (const who of WHO) {
    const want = expected(decl, access, who.role, who.foreign, route.params.length > 0)
    const observed = classify(await (await prepare(route, decl, 'GET', who, fixture))())
    cells.push({ route: route.pattern, method: 'GET', who: label(who), expected: want, observed })
    if (!matches('GET', want, observed))
      problems.push(`GET as ${label(who)}: expected ${want}, got ${observed}`)
  }
  return problems
}

async function checkAction(route: RouteModuleInfo, decl: RouteAccess, access: Access) {
  const problems: string[] = []
  const plan = WHO.map((who) => ({
    who,
    want: expected(decl, access, who.role, who.foreign, route.params.length > 0),
  }))
  // Refusals first, all against one fixture that must come out of them unchanged.
  const shared = decl.fixture ? await world.fixture(decl.fixture) : undefined
  for (const { who, want } of plan.filter((p) => p.want !== 'ok')) {
    const send = await prepare(route, decl, 'POST', who, shared)
    await writes.reset()
    const observed = classify(await send())
    const changed = await writes.written()
    cells.push({ route: route.pattern, method: 'POST', who: label(who), expected: want, observed })
    if (!matches('POST', want, observed))
      problems.push(`POST as ${label(who)}: expected ${want}, got ${observed}`)
    else if (want !== 'login' && want !== 'redirect' && changed.length > 0)
      problems.push(`POST as ${label(who)} was refused but wrote to ${changed.join(', ')}`)
  }
  // Each allowed person acts on a fresh fixture of their own, so one success cannot spoil the next.
  for (const { who, want } of plan.filter((p) => p.want === 'ok')) {
    const fixture = decl.fixture ? await world.fixture(decl.fixture) : undefined
    const answer = await (await prepare(route, decl, 'POST', who, fixture))()
    const observed = classify(answer)
    cells.push({ route: route.pattern, method: 'POST', who: label(who), expected: want, observed })
    if (!matches('POST', want, observed)) {
      const detail =
        answer.kind === 'answer' ? ` ${JSON.stringify(answer.payload)?.slice(0, 300)}` : ''
      problems.push(`POST as ${label(who)}: expected ok, got ${observed}${detail}`)
    }
  }
  return problems
}

describe(`authorisation matrix (${databaseKind()})`, () => {
  it('declares every route there is, and only those', () => {
    const problems: string[] = []
    for (const route of routes) {
      if (!route.loader && !route.action) continue
      const decl = ACCESS[route.id]
      if (!decl) {
        problems.push(
          `declare who may use route ${route.id} (${route.pattern}) in tests/support/access-table.ts`,
        )
        continue
      }
      if (route.loader && !decl.loader)
        problems.push(`declare who may load ${route.id} (${route.pattern})`)
      if (route.action && !decl.action)
        problems.push(`declare who may post to ${route.id} (${route.pattern}), with a probe`)
      if (!route.loader && decl.loader)
        problems.push(`${route.id} has no loader any more: remove its declaration`)
      if (!route.action && decl.action)
        problems.push(`${route.id} has no action any more: remove its declaration`)
    }
    const known = new Set(routes.map((r) => r.id))
    for (const id of Object.keys(ACCESS))
      if (!known.has(id)) problems.push(`${id} is declared but no longer exists: remove it`)
    expect(problems).toEqual([])
  })

  for (const route of routes) {
    const decl = ACCESS[route.id]
    if (!decl) continue
    if (route.loader && decl.loader) {
      const access = decl.loader
      it(`GET ${route.pattern}`, async () => {
        expect(await checkLoader(route, decl, access)).toEqual([])
      })
    }
    if (route.action && decl.action) {
      const access = decl.action
      it(`POST ${route.pattern}`, async () => {
        expect(await checkAction(route, decl, access)).toEqual([])
      })
    }
  }

  afterAll(() => {
    if (cells.length === 0) return
    const columns = WHO.map(label)
    const rows = new Map<string, Map<string, string>>()
    for (const c of cells) {
      const key = `${c.method.padEnd(4)} ${c.route}`
      if (!rows.has(key)) rows.set(key, new Map())
      rows
        .get(key)!
        .set(
          c.who,
          matches(c.method as 'GET' | 'POST', c.expected, c.observed)
            ? c.observed
            : `${c.observed}≠${c.expected}`,
        )
    }
    const width = Math.max(...[...rows.keys()].map((k) => k.length))
    const header = `${''.padEnd(width)} | ${columns.map((c) => c.replace('chief_librarian', 'chief')).join(' | ')}`
    const lines = [...rows].map(
      ([k, v]) =>
        `${k.padEnd(width)} | ${columns.map((c) => (v.get(c) ?? '-').padEnd(c.replace('chief_librarian', 'chief').length)).join(' | ')}`,
    )
    const routesCovered = new Set(cells.map((c) => `${c.method} ${c.route}`)).size
    console.log(
      `Authorisation matrix: ${routesCovered} loaders and actions × ${WHO.length} kinds of person (${ROLES.length} roles × own and foreign organisation, an operator, and signed out) = ${cells.length} cells\n${header}\n${lines.join('\n')}`,
    )
  })
})
