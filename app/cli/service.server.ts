import { parseArgs } from 'node:util'
import { z } from 'zod'
import { findOrganisationBySlug, listLibraryServices, setLibraryServiceActive } from '#db/organisations.server'
import { createLibraryService } from '~/identity/create-library-service.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { NewServiceSchema } from '~/utils/people-schema'
import { type Command } from './probity.server'

const USAGE = [
  'Usage:',
  '  npm run probity -- service create --name "Library service" --admin-email someone@example.org --admin-name "Full Name"',
  '  npm run probity -- service list',
  '  npm run probity -- service deactivate <address name>   (or reactivate)',
].join('\n')

const when = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`

export const serviceCommand: Command = async (context, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
  })
  const [action, slug] = positionals
  const db = context.database.db
  if (action === 'create') {
    // The operator page's schema: the same checks and messages.
    const parsed = NewServiceSchema.safeParse({
      intent: 'create',
      serviceName: values.name,
      adminName: values['admin-name'],
      adminEmail: values['admin-email'],
    })
    if (!parsed.success) {
      const flags: Record<string, string> = { serviceName: '--name', adminName: '--admin-name', adminEmail: '--admin-email' }
      const lines = parsed.error.issues.map((i) => `  ${flags[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
      return { code: 2, out: `${lines.join('\n')}\n${USAGE}` }
    }
    const { serviceName, adminName, adminEmail } = parsed.data
    const created = await createLibraryService(
      db,
      { name: serviceName, admin: { name: adminName, email: adminEmail } },
      invitationSettings(context.config),
    )
    if (!created.ok) return { code: 1, out: `${adminEmail} already has a Probity account. Choose another administrator.` }
    return {
      code: 0,
      out: [
        `Created library service “${serviceName}” with ${adminName} <${adminEmail}> as its administrator.`,
        `${adminName} chooses their password with this one-time link, valid until ${when(created.link!.expiresAt)}:`,
        `  ${created.link!.url}`,
        context.config.SMTP_URL ? 'It has also been e-mailed to them.' : 'No mail server is configured (SMTP_URL): pass the link on yourself.',
      ].join('\n'),
    }
  }
  if (action === 'list') {
    const services = await listLibraryServices(db)
    if (services.length === 0) return { code: 0, out: 'No library service yet.' }
    return {
      code: 0,
      out: services
        .map((s) => `${s.slug.padEnd(32)} ${(s.active ? 'active' : 'deactivated').padEnd(12)} ${String(s.people).padStart(5)} people  ${s.name}`)
        .join('\n'),
    }
  }
  if (action === 'deactivate' || action === 'reactivate') {
    const valid = z.string().min(1).safeParse(slug)
    if (!valid.success) return { code: 2, out: USAGE }
    const service = await findOrganisationBySlug(db, valid.data)
    if (!service || service.kind !== 'library') return { code: 1, out: `No library service has the address name “${valid.data}” (see: service list).` }
    await setLibraryServiceActive(db, service.id, action === 'reactivate')
    return {
      code: 0,
      out:
        action === 'deactivate'
          ? `Deactivated “${service.name}”: its people are signed out and cannot sign in. Its records stay.`
          : `Reactivated “${service.name}”.`,
    }
  }
  return { code: 2, out: USAGE }
}
