import crypto from 'node:crypto'
import { createCookie, redirect, type Cookie } from '@remix-run/node'
import { deleteSession, findSessionUser, insertSession } from '#db/sessions.server'
import { type Language, type OrganisationKind, type OrganisationSettings, type SignInMethod } from '#db/schema'
import { type Role } from '#machines/vocabulary/roles'
import { appContext } from './app-context.server'
import { fixedT } from './i18n'
import { oncePerRequest } from './per-request.server'
import { sha256 } from './secrets.server'

export type SessionUser = {
  id: string
  email: string
  name: string
  roles: Role[]
  organisationId: string
  /** The language this person chose, if any (docs/decisions/030-internationalisation.md). */
  preferredLanguage?: Language | null
  organisation: { id: string; name: string; slug: string; kind: OrganisationKind; settings: OrganisationSettings }
  sessionId: string
  /** How this session began; signing asks for the same again. */
  signInMethod: SignInMethod
}

let cookie: Cookie | undefined
async function sessionCookie(): Promise<Cookie> {
  if (cookie) return cookie
  const { config } = await appContext()
  // Secure whenever Probity is served over HTTPS, which production requires.
  cookie = createCookie('probity_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.publicUrl.startsWith('https:'),
  })
  return cookie
}

async function tokenFrom(request: Request): Promise<string | undefined> {
  const value: unknown = await (await sessionCookie()).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 20 ? value : undefined
}

/** The signed-in user, their organisation and session: read once per request, however many loaders ask. */
export function getUser(request: Request): Promise<SessionUser | undefined> {
  return oncePerRequest(request, 'user', () => readUser(request))
}

async function readUser(request: Request): Promise<SessionUser | undefined> {
  const token = await tokenFrom(request)
  if (!token) return undefined
  const { database } = await appContext()
  const row = await findSessionUser(database.db, sha256(token))
  if (!row) return undefined
  return { ...row.user, organisation: row.organisation, sessionId: row.sessionId, signInMethod: row.method }
}

function signInRedirect(request: Request) {
  const url = new URL(request.url)
  const back = url.pathname + url.search
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

/** Anyone signed in: a member of a library service or an operator (their own account pages). */
export async function requireAccount(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) throw signInRedirect(request)
  return user
}

/**
 * Operators host Probity for library services and belong to none: the
 * hosting organisation holds no records, and every page of a service's
 * records refuses them here, in one place.
 */
export function isOperator(user: Pick<SessionUser, 'organisation'>) {
  return user.organisation.kind === 'hosting'
}

/** A 403 worded in the person's language. */
async function forbidden(request: Request, user: SessionUser, key: 'operatorNoRecords' | 'noPermission') {
  // Imported when refusing: i18n.server imports this module.
  const { localeFor } = await import('./i18n.server')
  return new Response(fixedT(await localeFor(request, user), 'common')(`errors.${key}`), { status: 403 })
}

/** A member of a library service. Signed-out users are sent to sign in; this never answers with an empty page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await requireAccount(request)
  if (isOperator(user)) {
    throw await forbidden(request, user, 'operatorNoRecords')
  }
  return user
}

export async function requireOperator(request: Request): Promise<SessionUser> {
  const user = await requireAccount(request)
  if (!isOperator(user)) {
    throw await forbidden(request, user, 'noPermission')
  }
  return user
}

export function hasRole(user: Pick<SessionUser, 'roles'>, ...roles: Role[]) {
  return roles.some((r) => user.roles.includes(r))
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user, ...roles)) {
    throw await forbidden(request, user, 'noPermission')
  }
  return user
}

/**
 * Starts a fresh session (a new random token every sign-in, so a token planted
 * before sign-in is worthless) and returns the Set-Cookie header.
 */
export async function startSession(request: Request, userId: string, method: SignInMethod = 'password'): Promise<string> {
  const { database, config } = await appContext()
  const previous = await tokenFrom(request)
  if (previous) await deleteSession(database.db, sha256(previous))
  const token = crypto.randomBytes(32).toString('base64url')
  const maxAge = config.SESSION_TTL_HOURS * 3600
  await insertSession(database.db, sha256(token), userId, new Date(Date.now() + maxAge * 1000), method)
  return (await sessionCookie()).serialize(token, { maxAge })
}

export async function endSession(request: Request): Promise<string> {
  const token = await tokenFrom(request)
  if (token) {
    const { database } = await appContext()
    await deleteSession(database.db, sha256(token))
  }
  return (await sessionCookie()).serialize('', { maxAge: 0 })
}

export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined) {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return '/'
  return target
}

/** 404 rather than 403 for another organisation's records: ids reveal nothing. */
export function notFound(message = 'Not found'): never {
  throw new Response(message, { status: 404 })
}
