import { eq } from 'drizzle-orm'
import { outboxMessages, users } from '#db/schema'
import { type Role } from '#machines/vocabulary/roles'
import { addDays, serviceDate } from '~/utils/calendar'
import { type Fixture, type FixtureKind, type World, type WorldUser } from './access-world'
import { insertLibraryIndicator } from '#db/monitoring.server'
import { createUser, makeRequest, TEST_PASSWORD } from './factories'
import { issueAccountLink } from '~/identity/account-links.server'
import { fillPattern, type RouteModuleInfo } from './route-modules'

/**
 * Who may use which route: the declared half of the authorisation matrix
 * (tests/integration/authorization-matrix.test.ts), and the forms the
 * hostile-input test starts from. Every route in app/routes with a loader or
 * an action must have an entry here; a route added without one fails both
 * tests, naming it.
 *
 * Outcomes, for a person holding that one role:
 *   'ok'        allowed: a loader answers 2xx; an action's probe succeeds (2xx, or 3xx not to sign-in)
 *   'redirect'  sent elsewhere (3xx, not to sign-in) without the page
 *   'login'     sent to sign in
 *   403         refused: the record exists but this is not theirs to see or do
 *   404         refused as if absent: whether it exists must not leak
 *
 * Operators (who host Probity and belong to no library service) get 403
 * everywhere unless said, or on a public route what `others` get.
 *
 * Defaults: roles not named get `others` (403 unless said); signed out gets
 * 'login' (or the allowed outcome where `public`); someone of another
 * organisation gets 404 on any route whose address names a record, and what
 * their role gets in their own organisation elsewhere.
 */

export type Outcome = 'ok' | 'redirect' | 'login' | 403 | 404
export type Access = Partial<Record<Role | 'others' | 'signedOut' | 'foreign' | 'operator', Outcome>> & {
  /** The role is refused before any record is looked up, so another organisation's person refused by role gets 403 too. */
  roleCheckedFirst?: boolean
}

export type ProbeContext = {
  world: World
  fixture?: Fixture
  user?: WorldUser
  params: Record<string, string>
}
export type FormValue = string | File | (string | File)[]
export type Probe = Record<string, FormValue>

export type RouteAccess = {
  /** The proposal `:id` points at, made fresh for each change an allowed probe makes. */
  fixture?: FixtureKind
  /** Values for the other parameters of the address (`:id` comes from the fixture). */
  params?: (
    world: World,
    fixture?: Fixture,
  ) => Promise<Record<string, string>> | Record<string, string>
  /** Open to anyone, signed in or not, of any organisation. */
  public?: boolean
  loader?: Access
  action?: Access & {
    /** A well-formed submission that an allowed person's request should succeed with. */
    probe: (context: ProbeContext) => Probe | Promise<Probe>
  }
}

const everyone: Access = { others: 'ok' }
const adminOnly: Access = { admin: 'ok' }
// Names are unique in a library, so each probe brings its own.
const libraryIndicatorProbe = () => ({
  name: `Visits at affected branches ${crypto.randomUUID().slice(0, 8)}`,
  unit: 'visits a month',
  direction: 'higher_is_better',
  thresholdKind: 'percent',
  thresholdValue: '10',
  measure: 'manual',
  description: 'Counted at the door',
})
const proposerOnly: Access = { chief_librarian: 'ok' }
const today = () => serviceDate(new Date())
const version = ({ fixture }: ProbeContext) => String(fixture!.proposal.version)

/**
 * A loader's `defaultValue` as the fields Conform posts: nested names with
 * dots and [index], ticked boxes as "on", unticked and empty values left out.
 */
export function conformFields(value: unknown, prefix = ''): Probe {
  const fields: Probe = {}
  const walk = (v: unknown, name: string) => {
    if (v === null || v === undefined || v === false) return
    if (v === true) fields[name] = 'on'
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${name}[${i}]`))
    else if (typeof v === 'object')
      for (const [k, inner] of Object.entries(v)) walk(inner, name ? `${name}.${k}` : k)
    else fields[name] = String(v)
  }
  walk(value, prefix)
  return fields
}

/** The administrator of the person's organisation: whose page a forged post imitates. */
function adminBeside(world: World, user: WorldUser | undefined) {
  return user?.organisationId === world.foreign.admin.organisationId
    ? world.foreign.admin
    : world.users.admin
}

/** What a page's loader gives the person, for probes that post back what the page would. */
async function loaderData<T>(
  world: World,
  routeModule: Promise<{ loader: (args: never) => Promise<unknown> }>,
  path: string,
  user: WorldUser,
  params: Record<string, string> = {},
): Promise<T> {
  const { loader } = await routeModule
  const request = makeRequest(path, { cookie: await world.cookieFor(user) })
  return (await loader({ request, params, context: {} } as never)) as T
}

export const ACCESS: Record<string, RouteAccess> = {
  // An operator's home is the list of library services.
  'routes/_index': { loader: { ...everyone, operator: 'redirect' } },
  'routes/account.password': {
    loader: { ...everyone, operator: 'ok' },
    action: {
      ...everyone,
      operator: 'ok',
      probe: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a different long password' }),
    },
  },
  'routes/admin.rubric._index': { loader: adminOnly },
  'routes/admin.indicators._index': { loader: adminOnly },
  'routes/admin.indicators.new': {
    loader: adminOnly,
    action: { ...adminOnly, probe: libraryIndicatorProbe },
  },
  'routes/admin.indicators.$indicatorId': {
    params: async (world) => ({
      indicatorId: (
        await insertLibraryIndicator(world.db, world.organisation.id, world.users.admin.id, {
          name: `Loans ${crypto.randomUUID().slice(0, 8)}`,
          unit: 'loans a month',
          direction: 'higher_is_better',
          thresholdKind: 'percent',
          thresholdValue: 10,
          measure: 'manual',
          description: '',
        })
      )!.id,
    }),
    // The role is checked before the indicator is looked up.
    loader: { ...adminOnly, roleCheckedFirst: true },
    action: { ...adminOnly, roleCheckedFirst: true, probe: libraryIndicatorProbe },
  },
  'routes/admin.rubric.edit': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      probe: async ({ world, user }) => {
        const d = await loaderData<{ defaultValue: unknown }>(
          world,
          import('~/routes/admin.rubric.edit'),
          '/admin/rubric/edit',
          adminBeside(world, user),
        )
        return conformFields(d.defaultValue)
      },
    },
  },
  'routes/admin.settings': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      probe: async ({ world, user }) => {
        const d = await loaderData<{ settings: unknown }>(
          world,
          import('~/routes/admin.settings'),
          '/admin/settings',
          adminBeside(world, user),
        )
        return conformFields(d.settings)
      },
    },
  },
  'routes/admin.users.$userId': {
    // A person of their own per request: deactivating the world's staff member would change later cells.
    params: async (world) => ({
      userId: (await createUser(world.db, world.organisation.id, ['staff'])).id,
    }),
    // The role is checked before the person is looked up: a non-administrator learns nothing either way.
    loader: { ...adminOnly, roleCheckedFirst: true },
    action: { ...adminOnly, roleCheckedFirst: true, probe: () => ({ intent: 'deactivate' }) },
  },
  'routes/admin.users._index': { loader: adminOnly },
  // Subject access and erasure (ADR 031): an administrator of the person's own service only.
  'routes/admin.users.$userId_.data': {
    params: async (world) => ({ userId: (await createUser(world.db, world.organisation.id, ['staff'])).id }),
    loader: { ...adminOnly, roleCheckedFirst: true },
  },
  'routes/admin.users.$userId_.data[.]json': {
    params: async (world) => ({ userId: (await createUser(world.db, world.organisation.id, ['staff'])).id }),
    loader: { ...adminOnly, roleCheckedFirst: true },
  },
  'routes/admin.users.$userId_.erase': {
    // A person of their own per request: an erasure cannot be undone.
    params: async (world) => ({ userId: (await createUser(world.db, world.organisation.id, ['staff'])).id }),
    loader: { ...adminOnly, roleCheckedFirst: true },
    action: {
      ...adminOnly,
      roleCheckedFirst: true,
      probe: async ({ world, params }) => {
        const [person] = await world.db.select({ email: users.email }).from(users).where(eq(users.id, params.userId!))
        return { confirmEmail: person!.email }
      },
    },
  },
  'routes/admin.mail': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      // A failed message of the acting person's own service, so that a foreign administrator's retry of it is theirs.
      probe: async ({ world, user }) => {
        const [message] = await world.db
          .insert(outboxMessages)
          .values({ organisationId: user?.organisationId ?? world.organisation.id, toAddress: 'x@test.example', subject: 'S', body: 'B', status: 'failed', attempts: 3 })
          .returning({ id: outboxMessages.id })
        return { intent: 'retry', messageId: message!.id }
      },
    },
  },
  'routes/admin.users.new': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      probe: () => ({
        name: 'New Person',
        email: `new-${crypto.randomUUID()}@test.example`,
        roles: ['staff'],
      }),
    },
  },
  'routes/admin.users.import': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      // The confirming step, which invites: the preview before it writes nothing.
      probe: () => ({
        intent: 'confirm',
        csv: `Name,Email,Roles\nNew Person,import-${crypto.randomUUID()}@test.example,Staff\n`,
      }),
    },
  },
  // Public, and the same for everyone: it must not tell who has an account.
  'routes/forgot-password': {
    public: true,
    action: { ...everyone, probe: () => ({ email: `forgot-${crypto.randomUUID()}@test.example` }) },
  },
  'routes/set-password.$token': {
    public: true,
    // A fresh invitation per request: each link works once.
    params: async (world) => {
      const person = await createUser(world.db, world.organisation.id, ['staff'])
      const link = await issueAccountLink(world.db, {
        userId: person.id,
        purpose: 'invitation',
        ttlMinutes: 60,
        publicUrl: 'http://localhost:3000',
      })
      return { token: link.url.split('/').pop()! }
    },
    loader: everyone,
    // Setting the password sends the person to sign in with it.
    action: { others: 'login', signedOut: 'login', probe: () => ({ password: 'a long enough password' }) },
  },
  // The first-run page is gone once any library service exists, as in this world.
  'routes/setup': {
    public: true,
    loader: { others: 404, signedOut: 404 },
    action: {
      others: 404,
      signedOut: 404,
      probe: () => ({
        setupToken: 'not-the-token',
        serviceName: 'Another Library Service',
        adminName: 'Someone',
        adminEmail: `setup-${crypto.randomUUID()}@test.example`,
        adminPassword: 'a long enough password',
      }),
    },
  },
  // Operators only: what they see of services is names, sizes and status.
  'routes/operator._index': {
    loader: { operator: 'ok' },
    action: {
      operator: 'ok',
      probe: () => ({
        intent: 'create',
        serviceName: `Library Service ${crypto.randomUUID().slice(0, 8)}`,
        adminName: 'First Administrator',
        adminEmail: `operator-made-${crypto.randomUUID()}@test.example`,
      }),
    },
  },
  'routes/concerns.receipt': {
    fixture: 'consultation',
    loader: everyone,
    // A receipt finds a concern in the service it was raised in only.
    action: { ...everyone, foreign: 404, probe: ({ fixture }) => ({ code: fixture!.receipt! }) },
  },
  'routes/dev.outbox': { loader: adminOnly },
  'routes/healthz': { public: true, loader: everyone },
  'routes/admin.sso': {
    loader: adminOnly,
    action: {
      ...adminOnly,
      // Each probe claims a domain of its own: a domain belongs to one service.
      probe: () => ({
        providerName: 'Microsoft Entra ID',
        issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
        clientId: 'probity-client',
        clientSecret: 'a client secret',
        allowedDomains: `${crypto.randomUUID().slice(0, 8)}.example`,
        defaultRole: 'staff',
        enabled: 'on',
      }),
    },
  },
  'routes/auth.sso.callback': {
    public: true,
    // Without the round trip it closes (state, and the browser's cookie bound to it), everyone is sent to sign in, told to start again.
    loader: { others: 'login', signedOut: 'login' },
  },
  'routes/login': {
    public: true,
    // Signed in already: straight home.
    loader: { others: 'redirect', signedOut: 'ok' },
    action: {
      ...everyone,
      probe: ({ world }) => ({ email: world.signInOnly.email, password: TEST_PASSWORD }),
    },
  },
  'routes/language': {
    public: true,
    // Choosing a language is a POST; a GET goes home, signed in or not.
    loader: { others: 'redirect', signedOut: 'redirect', operator: 'redirect' },
    action: { ...everyone, operator: 'ok', probe: () => ({ lang: 'cy', redirectTo: '/' }) },
  },
  'routes/logout': {
    // Signing out is a POST; a GET goes home, signed in or not.
    loader: { others: 'redirect', signedOut: 'redirect', operator: 'redirect' },
    action: { others: 'login', operator: 'login', probe: () => ({}) },
  },
  'routes/notifications': {
    loader: everyone,
    action: { ...everyone, probe: () => ({ intent: 'read-all' }) },
  },
  'routes/proposals.$id': { fixture: 'screening', loader: everyone },
  'routes/proposals.$id._index': {
    fixture: 'screening',
    loader: everyone,
    action: {
      ...proposerOnly,
      probe: (c) => ({
        intent: 'proposal.withdraw',
        version: version(c),
        reason: 'No longer needed',
      }),
    },
  },
  'routes/proposals.$id.attachments.$attachmentId': {
    fixture: 'screening',
    params: (_, fixture) => ({ attachmentId: fixture!.attachmentId! }),
    // Until they declare, a reviewer does not learn even that the papers exist.
    loader: { others: 'ok', reviewer: 404 },
  },
  // Each stage's layout: open to everyone who may see the proposal while it has that stage.
  'routes/proposals.$id.consultation': { fixture: 'consultation', loader: everyone },
  'routes/proposals.$id.consultation._index': {
    fixture: 'consultation',
    loader: everyone,
    action: {
      staff: 'ok',
      probe: () => ({
        intent: 'concern.raise',
        category: 'ethics',
        text: 'A worry about this',
        identity: 'named',
      }),
    },
  },
  'routes/proposals.$id.consultation.concerns.$concernId': {
    fixture: 'consultation',
    params: (_, fixture) => ({ concernId: fixture!.concernId! }),
    // Everyone else reads concerns on the consultation page.
    loader: { chief_librarian: 'ok', others: 'redirect' },
    action: {
      ...proposerOnly,
      probe: () => ({ intent: 'concern.respond', response: 'Thank you; we will act on this.' }),
    },
  },
  'routes/proposals.$id.consultation.professional-body': {
    fixture: 'consultation',
    loader: { chief_librarian: 'ok', others: 'redirect' },
    action: {
      ...proposerOnly,
      probe: (c) => ({
        intent: 'pb.request',
        version: version(c),
        sentOn: today(),
        contact: 'Policy team',
        shared: 'The proposal',
        deadline: addDays(today(), 21),
      }),
    },
  },
  'routes/proposals.$id.consultation.staff': {
    fixture: 'consultation',
    loader: { chief_librarian: 'ok', others: 'redirect' },
    action: {
      ...proposerOnly,
      probe: () => ({
        intent: 'union.record',
        unionName: 'UNISON',
        consultedOn: today(),
        response: 'No objection',
      }),
    },
  },
  'routes/proposals.$id.decision': { fixture: 'decision', loader: everyone },
  'routes/proposals.$id.decision._index': {
    fixture: 'decision',
    loader: everyone,
    action: {
      ...proposerOnly,
      probe: (c) => ({
        intent: 'record',
        version: version(c),
        outcome: 'reject',
        rationale: 'It does not fit our values',
      }),
    },
  },
  'routes/proposals.$id.decision.records.$recordId': {
    params: (world) => ({ id: world.record.proposalId, recordId: world.record.id }),
    loader: everyone,
  },
  'routes/proposals.$id.edit': {
    fixture: 'draft',
    // A draft is the proposer's: an administrator may see it exists, nobody else may.
    loader: { chief_librarian: 'ok', admin: 403, others: 404 },
    action: {
      chief_librarian: 'ok',
      admin: 403,
      others: 404,
      probe: (c) => ({
        intent: 'save',
        version: version(c),
        title: 'A better title',
        partner: 'Partner Ltd',
      }),
    },
  },
  'routes/proposals.$id.monitoring': { fixture: 'monitoring', loader: everyone },
  'routes/proposals.$id.monitoring._index': {
    fixture: 'approved',
    loader: everyone,
    // Starting monitoring is the chief librarian's, as on the overview.
    action: { ...proposerOnly, probe: (c) => ({ intent: 'monitoring.start', version: version(c) }) },
  },
  'routes/proposals.$id.monitoring.addenda.$recordId': {
    params: (world) => ({ id: world.record.proposalId, recordId: world.record.addendumId }),
    loader: everyone,
  },
  'routes/proposals.$id.monitoring.escalate': {
    fixture: 'monitoring',
    loader: proposerOnly,
    action: {
      ...proposerOnly,
      probe: (c) => ({ version: version(c), reason: 'Complaints are rising' }),
    },
  },
  'routes/proposals.$id.monitoring.incident': {
    fixture: 'monitoring',
    loader: { chief_librarian: 'ok', staff: 'ok' },
    action: {
      chief_librarian: 'ok',
      staff: 'ok',
      probe: () => ({
        occurredOn: today(),
        location: 'Central Library',
        description: 'A visitor was upset',
        rolesInvolved: 'front desk',
        actionTaken: 'Talked it through',
      }),
    },
  },
  'routes/proposals.$id.monitoring.review': {
    fixture: 'monitoring',
    loader: proposerOnly,
    action: {
      ...proposerOnly,
      probe: async (c) => {
        const { form } = await loaderData<{
          form: {
            indicators: { id: string; baseline: number; counted: number | null }[]
            conditions: { id: string }[]
          }
        }>(
          c.world,
          import('~/routes/proposals.$id.monitoring.review'),
          `/proposals/${c.fixture!.proposal.id}/monitoring/review`,
          c.world.users.chief_librarian,
          { id: c.fixture!.proposal.id },
        )
        return {
          version: version(c),
          reviewedOn: today(),
          narrative: 'All as planned',
          ...conformFields({
            readings: form.indicators.map((i) => ({
              indicatorId: i.id,
              value: i.counted ?? i.baseline,
            })),
            checks: form.conditions.map((k) => ({ conditionId: k.id, status: 'met' })),
          }),
        }
      },
    },
  },
  'routes/proposals.$id.monitoring.reassessment': {
    fixture: 'reassessment',
    loader: everyone,
    action: {
      ...proposerOnly,
      probe: (c) => ({
        intent: 'record',
        version: version(c),
        outcome: 'continue',
        rationale: 'The concerns were answered',
      }),
    },
  },
  'routes/proposals.$id.screening': { fixture: 'screening', loader: everyone },
  'routes/proposals.$id.screening._index': {
    fixture: 'screening',
    loader: everyone,
    action: { reviewer: 'ok', probe: () => ({ intent: 'declare', conflict: 'no' }) },
  },
  'routes/proposals.$id.screening.review': {
    fixture: 'screening-cleared',
    loader: { reviewer: 'ok' },
    action: {
      reviewer: 'ok',
      // The page names its reviewer; each person posts their own id.
      probe: ({ user, world }) => ({
        intent: 'save',
        reviewerId: (user ?? world.users.reviewer).id,
      }),
    },
  },
  'routes/proposals._index': { loader: { staff: 403, others: 'ok' } },
  // The public register is off by default, so for everyone it is as if absent.
  'routes/public.$org.register': {
    public: true,
    params: (world) => ({ org: world.organisation.slug }),
    loader: { others: 404, signedOut: 404, foreign: 404 },
  },
  'routes/public.$org.register[.]csv': {
    public: true,
    params: (world) => ({ org: world.organisation.slug }),
    loader: { others: 404, signedOut: 404, foreign: 404 },
  },
  'routes/public.$org.register[.]json': {
    public: true,
    params: (world) => ({ org: world.organisation.slug }),
    loader: { others: 404, signedOut: 404, foreign: 404 },
  },
  // Lists only services that publish; open to all.
  'routes/public._index': { public: true, loader: everyone },
  // The public body's pages (ADR 031): open to all.
  'routes/accessibility': { public: true, loader: everyone },
  'routes/privacy': { public: true, loader: everyone },
  'routes/register._index': { loader: everyone },
  'routes/register[.]csv': { loader: everyone },
  'routes/proposals.new': {
    loader: proposerOnly,
    action: {
      ...proposerOnly,
      probe: () => ({ intent: 'save', title: 'A new partnership', partner: 'Partner Ltd' }),
    },
  },
  'routes/verify.$key': {
    public: true,
    params: (world) => ({ key: world.record.id }),
    loader: everyone,
  },
  // The record as an accessible page, and its data: public like its verify page, read from the signed file.
  'routes/verify.$key_.record': {
    public: true,
    params: (world) => ({ key: world.record.id }),
    loader: everyone,
  },
  'routes/verify.$key_.record[.]json': {
    public: true,
    params: (world) => ({ key: world.record.id }),
    loader: everyone,
  },
  'routes/verify._index': {
    public: true,
    action: {
      ...everyone,
      probe: ({ world }) => ({
        file: new File([new Uint8Array(world.record.bytes)], 'record.pdf', {
          type: 'application/pdf',
        }),
      }),
    },
  },
  'routes/verify.ca[.]pem': { public: true, loader: everyone },
}

/** What a person of `who` should meet at a route, by the defaults above. */
export function expected(
  route: RouteAccess,
  access: Access,
  who: Role | 'signedOut' | 'operator',
  foreign: boolean,
  hasRecordParams: boolean,
): Outcome {
  if (who === 'operator') return access.operator ?? (route.public ? (access.others ?? 'ok') : 403)
  if (who === 'signedOut')
    return access.signedOut ?? (route.public ? (access.others ?? 'ok') : 'login')
  const own = access[who] ?? access.others ?? 403
  if (foreign && !route.public) {
    if (access.foreign) return access.foreign
    if (access.roleCheckedFirst && own === 403) return 403
    if (hasRecordParams) return 404
  }
  return own
}

/** The route's address for a fixture: `:id` is its proposal, other parameters come from the declaration. */
export async function addressOf(
  route: RouteModuleInfo,
  decl: RouteAccess,
  world: World,
  fixture: Fixture | undefined,
) {
  const params: Record<string, string> = {
    ...(fixture ? { id: fixture.proposal.id } : {}),
    ...(decl.params ? await decl.params(world, fixture) : {}),
  }
  const missing = route.params.filter((p) => params[p] === undefined)
  if (missing.length > 0) {
    throw new Error(
      `declare values for :${missing.join(', :')} of ${route.id} (a fixture or params) in tests/support/access-table.ts`,
    )
  }
  return { params, path: fillPattern(route.pattern, params) }
}
