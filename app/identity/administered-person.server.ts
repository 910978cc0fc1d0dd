import { findUserInOrganisation } from '#db/users.server'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { isUuid } from '~/utils/ids'

/**
 * The administrator and a person of their own library service, or a 404. The
 * role is checked first, so a non-administrator learns nothing either way;
 * operators hold no administrator role in a library service, so they get 403.
 */
export async function requireAdministeredPerson(request: Request, userId: string | undefined) {
  const admin = await requireRole(request, 'admin')
  const db = await getDb()
  const person = isUuid(userId) ? await findUserInOrganisation(db, admin.organisationId, userId) : undefined
  if (!person) notFound(fixedT(await localeFor(request, admin), 'admin')('person.notFound'))
  return { admin, person, db }
}
