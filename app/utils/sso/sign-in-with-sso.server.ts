import { type Database, type Transaction } from '#db/client.server'
import { insertNotifications, queueEmails } from '#db/notifications.server'
import { type SsoConfig } from '#db/schema'
import { markSsoWorked } from '#db/sso.server'
import { findOrganisation, findUserByEmail, insertUserIfEmailFree, listUsersWithRole } from '#db/users.server'
import { type AppContext } from '../app-context.server'
import { startSession } from '../auth.server'
import { mailSettings } from '../mail.server'
import { fixedT } from '../i18n'
import { composeMail, mailLocales, noticeLocale, type EmailT } from '../mail-language.server'
import { NO_PASSWORD } from '../password.server'
import { type SsoIdentity } from './finish.server'
import { type SsoProblem } from './problems'

export type SsoSignIn = { ok: true; cookie: string; provisioned: boolean } | { ok: false; problem: SsoProblem }

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

/**
 * Signs in the person the identity provider vouched for, matched by a
 * verified e-mail address in one of the service's allowed domains. Someone
 * seen for the first time is created with the service's first-sign-in role,
 * and the administrators are told; anyone refused leaves nothing behind.
 */
export async function signInWithSso(
  db: Database,
  context: Pick<AppContext, 'config'>,
  request: Request,
  sso: SsoConfig,
  identity: SsoIdentity,
  now = new Date(),
): Promise<SsoSignIn> {
  if (!identity.email || !identity.emailVerified) return { ok: false, problem: 'unverified' }
  if (!sso.allowedDomains.includes(emailDomain(identity.email))) return { ok: false, problem: 'domain' }
  let account = await findUserByEmail(db, identity.email)
  let provisioned = false
  if (!account) {
    const created = await db.transaction(async (tx) => {
      const id = await insertUserIfEmailFree(tx, {
        organisationId: sso.organisationId,
        email: identity.email!,
        name: identity.name ?? identity.email!.split('@')[0]!,
        passwordHash: NO_PASSWORD,
        roles: [sso.defaultRole],
      })
      if (id) await tellAdministrators(tx, context, sso, { id, email: identity.email!, name: identity.name ?? identity.email! })
      return id
    })
    account = await findUserByEmail(db, identity.email)
    provisioned = Boolean(created)
  }
  if (!account) return { ok: false, problem: 'unavailable' }
  if (account.organisationId !== sso.organisationId) return { ok: false, problem: 'other_service' }
  if (!account.active) return { ok: false, problem: 'inactive' }
  await markSsoWorked(db, sso.organisationId, now)
  return { ok: true, cookie: await startSession(request, account.id, 'sso'), provisioned }
}

async function tellAdministrators(
  tx: Transaction,
  context: Pick<AppContext, 'config'>,
  sso: SsoConfig,
  person: { id: string; email: string; name: string },
) {
  const admins = await listUsersWithRole(tx, sso.organisationId, 'admin')
  const organisation = await findOrganisation(tx, sso.organisationId)
  const service = organisation?.settings.languages ?? 'en'
  const mail = mailSettings(context.config)
  const link = `/admin/users/${person.id}`
  const wording = (t: EmailT) => ({
    title: t('ssoProvisioned.title', { name: person.name }),
    body: t('ssoProvisioned.body', { name: person.name, email: person.email, provider: sso.providerName, role: t(`roles.${sso.defaultRole}`) }),
  })
  await insertNotifications(
    tx,
    admins.map((a) => ({
      organisationId: sso.organisationId,
      userId: a.id,
      kind: 'sso.provisioned',
      ...wording(fixedT(noticeLocale(service, a), 'email')),
      link,
    })),
  )
  await queueEmails(
    tx,
    admins.map((a) => ({
      organisationId: sso.organisationId,
      toAddress: a.email,
      ...composeMail(mailLocales(service, a), (t) => {
        const { title, body } = wording(t)
        return {
          subject: title,
          body: [t('dear', { name: a.name }), '', body, '', `${mail.publicUrl}${link}`, '', t('signature', { service: organisation?.name ?? '' })].join('\n'),
        }
      }),
    })),
    mail.smtp ? 'pending' : 'captured',
  )
}
