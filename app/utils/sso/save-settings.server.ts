import { type Queryable } from '#db/client.server'
import { findDomainClaimedElsewhere, findSsoConfig, saveSsoConfig } from '#db/sso.server'
import { type AppContext } from '../app-context.server'
import { seal } from '../secret-box.server'
import { vm } from '../validation-message'
import { CLIENT_SECRET_PURPOSE, httpIssuerAllowed } from './client.server'
import { type SsoSettingsValues } from './settings-schema'

/** `message` is a key of the 'validation' catalogue (`vm`), written out in the page's language by the action. */
export type SaveRefusal = { ok: false; field: keyof SsoSettingsValues; message: string }

/**
 * Saves a service's single sign-on. Passwords can be switched off only once a
 * sign-in through this very issuer and client has worked (changing either
 * forgets that), and administrators keep their passwords even then: together
 * these keep a mistyped setting or a broken provider from locking a service out.
 */
export async function saveSsoSettings(
  db: Queryable,
  context: Pick<AppContext, 'config' | 'secret'>,
  organisationId: string,
  values: SsoSettingsValues,
  now = new Date(),
): Promise<{ ok: true } | SaveRefusal> {
  const issuer = values.issuer.replace(/\/$/, '')
  if (issuer.startsWith('http:') && !httpIssuerAllowed(issuer, context.config.publicUrl)) {
    return { ok: false, field: 'issuer', message: vm('admin.sso.httpIssuer') }
  }
  const claimed = await findDomainClaimedElsewhere(db, organisationId, values.allowedDomains)
  if (claimed) return { ok: false, field: 'allowedDomains', message: vm('admin.sso.domainClaimed', { domain: claimed }) }
  const before = await findSsoConfig(db, organisationId)
  const sameClient = before?.issuer === issuer && before.clientId === values.clientId
  if (values.passwordsOff && !(values.enabled && sameClient && before.workedAt)) {
    return {
      ok: false,
      field: 'passwordsOff',
      message: vm('admin.sso.notWorkedYet'),
    }
  }
  const secret = values.clientSecret?.trim()
  await saveSsoConfig(
    db,
    organisationId,
    {
      providerName: values.providerName,
      issuer,
      clientId: values.clientId,
      clientSecretSealed: secret ? seal(context.secret, CLIENT_SECRET_PURPOSE, secret) : (before?.clientSecretSealed ?? null),
      allowedDomains: values.allowedDomains,
      defaultRole: values.defaultRole,
      enabled: values.enabled,
      passwordsOff: values.passwordsOff,
    },
    now,
  )
  return { ok: true }
}
