import { type Database } from '#db/client.server'
import { organisationsOfEmails } from '#db/users.server'
import { users } from '#db/schema'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { kickDelivery } from '~/utils/mail.server'
import { sendInvitationLink, type InvitationSettings } from './invite-person.server'
import { type PreviewRow } from './people-csv.server'

export type ImportRow = PreviewRow & { status: 'new' | 'member' | 'problem' }

/**
 * What importing the rows would do: people already in the service are left
 * alone (so the same file twice invites nobody twice); an address with an
 * account in another service is a problem of its row.
 */
export async function previewImport(
  db: Database,
  organisationId: string,
  rows: PreviewRow[],
  locale: Locale = DEFAULT_LOCALE,
): Promise<ImportRow[]> {
  const taken = await organisationsOfEmails(db, rows.map((r) => r.email).filter(Boolean))
  return rows.map((row) => {
    const key = row.email.toLowerCase()
    if (row.problems.length > 0) return { ...row, status: 'problem' }
    if (taken.get(key) === organisationId) return { ...row, status: 'member' }
    if (taken.has(key)) {
      return { ...row, status: 'problem', problems: [fixedT(locale, 'admin')('csv.otherService')] }
    }
    return { ...row, status: 'new' }
  })
}

/**
 * Invites every new person of a preview without problems, in one
 * transaction: all or none. Someone added meanwhile is skipped, not doubled.
 */
export async function importPeople(
  db: Database,
  organisation: { id: string; name: string },
  rows: ImportRow[],
  settings: InvitationSettings,
): Promise<{ invited: number }> {
  const fresh = rows.filter((r) => r.status === 'new')
  if (fresh.length === 0) return { invited: 0 }
  const invited = await db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(fresh.map((r) => ({ organisationId: organisation.id, name: r.name, email: r.email, roles: r.roles, passwordHash: null })))
      .onConflictDoNothing()
      .returning({ id: users.id, name: users.name, email: users.email })
    for (const person of created) await sendInvitationLink(tx, organisation, person, settings)
    return created.length
  })
  if (invited > 0 && settings.mail.smtp) kickDelivery()
  return { invited }
}

