import { type Database } from '#db/client.server'
import { countActiveAdministrators, pseudonymisePerson, type Pseudonym } from '#db/erase-person.server'
import { appendServiceAuditEntry, lockServiceTrail } from '#db/service-audit.server'
import { findUserInOrganisation } from '#db/users.server'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { erasureRefusal } from './erasure-schema'

type Person = { id: string; name: string; email: string; roles: readonly string[]; active: boolean }

/** `.invalid` is reserved (RFC 2606): the address can never reach anyone, and stays unique per person. */
const PSEUDONYM_DOMAIN = 'erased.invalid'

export function pseudonymFor(userId: string): Pseudonym {
  return { name: `Erased person ${userId.slice(0, 8)}`, email: `erased-${userId}@${PSEUDONYM_DOMAIN}` }
}

export function isErased(person: Pick<Person, 'email'>) {
  return person.email.toLowerCase().endsWith(`@${PSEUDONYM_DOMAIN}`)
}

/** What the page and the action ask before an erasure: why not (a key of erase.refusal in the 'admin' catalogue), or null. */
export async function erasureRefusalFor(db: Database, admin: { id: string; organisationId: string }, person: Person) {
  return erasureRefusal({
    isSelf: admin.id === person.id,
    isActiveAdministrator: person.active && person.roles.includes('admin'),
    activeAdministrators: await countActiveAdministrators(db, admin.organisationId),
    erased: isErased(person),
  })
}

export type Erasure = { ok: true; pseudonym: Pseudonym } | { ok: false; status: 404 | 409; message: string }

/**
 * Erasure by pseudonymisation (ADR 031): the person's name and e-mail address
 * are replaced wherever Probity keeps them readable, their account is closed
 * and their sessions end, and the service's trail records that it happened,
 * by ids only. Records and audit chains keep pointing at the same id, so they
 * still verify; signed PDFs already issued are not touched.
 */
export async function erasePerson(
  db: Database,
  admin: { id: string; organisationId: string },
  userId: string,
  { now = new Date(), locale = DEFAULT_LOCALE }: { now?: Date; locale?: Locale } = {},
): Promise<Erasure> {
  // The refusal's message is in the administrator's language.
  const t = fixedT(locale, 'admin')
  return db.transaction(async (tx): Promise<Erasure> => {
    // Checked under the service's lock, so that two administrators erasing each other cannot both succeed.
    await lockServiceTrail(tx, admin.organisationId)
    const person = await findUserInOrganisation(tx, admin.organisationId, userId)
    if (!person) return { ok: false, status: 404, message: t('erase.refusal.notFound') }
    const refusal = erasureRefusal({
      isSelf: admin.id === person.id,
      isActiveAdministrator: person.active && person.roles.includes('admin'),
      activeAdministrators: await countActiveAdministrators(tx, admin.organisationId),
      erased: isErased(person),
    })
    if (refusal) return { ok: false, status: 409, message: t(`erase.refusal.${refusal}`) }
    const pseudonym = pseudonymFor(person.id)
    await pseudonymisePerson(tx, admin.organisationId, person.id, { name: person.name, email: person.email }, pseudonym)
    await appendServiceAuditEntry(tx, { organisationId: admin.organisationId, actorId: admin.id, subjectId: person.id, detail: { kind: 'person.erased' }, at: now })
    return { ok: true, pseudonym }
  })
}
