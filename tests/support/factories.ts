import crypto from 'node:crypto'
import { type Database } from '#db/client.server'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, type OrganisationKind, type OrganisationSettings } from '#db/schema'
import { type Role } from '#machines/vocabulary/roles'
import { insertSession } from '#db/sessions.server'
import { findOrganisation, insertUser } from '#db/users.server'
import { createProposal as createProposalRecord, type NewProposal } from '~/workflow/create-proposal.server'
import { hashPassword } from '~/utils/password.server'
import { sha256 } from '~/utils/secrets.server'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined
const unique = () => crypto.randomBytes(4).toString('hex')

export async function createOrganisation(
  db: Database,
  settings: Partial<OrganisationSettings> = {},
  kind: OrganisationKind = 'library',
) {
  const [org] = await db
    .insert(organisations)
    .values({
      kind,
      name: `Test Library Service ${unique()}`,
      slug: `test-${unique()}`,
      settings: { ...DEFAULT_ORGANISATION_SETTINGS, ...settings },
    })
    .returning()
  return org!
}

export async function createUser(
  db: Database,
  organisationId: string,
  roles: Role[],
  overrides: { name?: string; email?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const email = overrides.email ?? `${roles[0] ?? 'user'}-${unique()}@test.example`
  const name = overrides.name ?? `${roles.join(' ')} ${unique()}`
  const id = await insertUser(db, { organisationId, email, name, roles, passwordHash: await passwordHash })
  return { id, email, name, roles, organisationId }
}

export async function createProposal(
  db: Database,
  organisationId: string,
  proposerId: string,
  values: Partial<Pick<NewProposal, 'title' | 'partner' | 'contractor' | 'description' | 'reference'>> = {},
) {
  const org = await findOrganisation(db, organisationId)
  return db.transaction((tx) =>
    createProposalRecord(
      tx,
      {
        organisationId,
        proposerId,
        reference: `T-${unique()}`,
        title: 'Coffee concession in the central library',
        partner: 'Bean There Ltd',
        ...values,
      },
      org!.settings,
    ),
  )
}

/** A session straight in the database, and the Cookie header that carries it. */
export async function sessionCookieFor(db: Database, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url')
  await insertSession(db, sha256(token), userId, new Date(Date.now() + 3600_000))
  // Remix's cookie encoding: base64 of the JSON value.
  return `probity_session=${encodeURIComponent(Buffer.from(JSON.stringify(token)).toString('base64'))}`
}

type RequestOptions = { cookie?: string; form?: Record<string, string | string[]>; method?: string }

/** A Request as the browser would send it to a loader or action. */
export function makeRequest(pathname: string, { cookie, form, method }: RequestOptions = {}) {
  const headers = new Headers({ Origin: 'http://localhost:3000' })
  if (cookie) headers.set('Cookie', cookie)
  let body: URLSearchParams | undefined
  if (form) {
    body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item)
  }
  return new Request(`http://localhost:3000${pathname}`, {
    method: method ?? (form ? 'POST' : 'GET'),
    headers,
    body,
  })
}

/** Runs a loader or action and returns the thrown or returned Response's status (or 200 for data). */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run()
    if (result instanceof Response) return result.status
    if (result && typeof result === 'object' && 'init' in result) {
      const init = (result as { init?: { status?: number } }).init
      return init?.status ?? 200
    }
    return 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}
