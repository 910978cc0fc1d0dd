import crypto from 'node:crypto'
import { type Database } from '#db/client.server'
import { countLibraryServices, insertOrganisation } from '#db/organisations.server'
import { type OrganisationKind } from '#db/schema'
import { insertUserIfEmailFree } from '#db/users.server'
import { kickDelivery } from '~/utils/mail.server'
import { hashPassword } from '~/utils/password.server'
import { type AccountLink } from './account-links.server'
import { sendInvitationLink, type InvitationSettings } from './invite-person.server'

export type NewLibraryService = {
  name: string
  admin: { name: string; email: string }
  /** Set on the first-run page; otherwise the administrator is sent a link to choose one. */
  adminPassword?: string
  /** The first-run page creates a service only while there is none. */
  onlyIfFirst?: boolean
}

export type CreatedService =
  | { ok: true; organisationId: string; adminId: string; link?: AccountLink }
  | { ok: false; reason: 'email-taken' | 'not-first' }

function slugFor(name: string) {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return base || 'library-service'
}

/** An organisation and its first member, or nothing when the address already has an account. */
export async function createOrganisationWithFirstMember(
  db: Database,
  input: NewLibraryService & { kind: OrganisationKind },
  settings: InvitationSettings,
): Promise<CreatedService> {
  const passwordHash = input.adminPassword ? await hashPassword(input.adminPassword) : null
  const result = await db.transaction(async (tx): Promise<CreatedService> => {
    if (input.onlyIfFirst && (await countLibraryServices(tx)) > 0) return { ok: false, reason: 'not-first' }
    const base = slugFor(input.name)
    const organisation =
      (await insertOrganisation(tx, { name: input.name, slug: base, kind: input.kind })) ??
      (await insertOrganisation(tx, {
        name: input.name,
        slug: `${base}-${crypto.randomBytes(3).toString('hex')}`,
        kind: input.kind,
      }))
    const adminId = await insertUserIfEmailFree(tx, {
      organisationId: organisation!.id,
      name: input.admin.name,
      email: input.admin.email,
      roles: input.kind === 'library' ? ['admin'] : [],
      passwordHash,
    })
    if (!adminId) {
      tx.rollback()
      return { ok: false, reason: 'email-taken' }
    }
    const link = passwordHash
      ? undefined
      : await sendInvitationLink(tx, organisation!, { id: adminId, ...input.admin }, settings)
    return { ok: true, organisationId: organisation!.id, adminId, link }
  }).catch((error: unknown) => {
    // drizzle's rollback() throws to undo the transaction; the answer is already known.
    if (error instanceof Error && error.name === 'TransactionRollbackError') {
      return { ok: false, reason: 'email-taken' } as const
    }
    throw error
  })
  if (result.ok && result.link && settings.mail.smtp) kickDelivery()
  return result
}

/** A library service and its first administrator. */
export function createLibraryService(db: Database, input: NewLibraryService, settings: InvitationSettings) {
  return createOrganisationWithFirstMember(db, { ...input, kind: 'library' }, settings)
}
