import { type Queryable } from '#db/client.server'
import { findDomainClaimedElsewhere, findSsoConfig, saveSsoConfig } from '#db/sso.server'
import { type AppContext } from '../app-context.server'
import { seal } from '../secret-box.server'
import { CLIENT_SECRET_PURPOSE, httpIssuerAllowed } from './client.server'
import { type SsoSettingsValues } from './settings-schema'

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
    return { ok: false, field: 'issuer', message: 'Use an https:// issuer URL. Plain http is accepted only for a provider on 127.0.0.1 while Probity itself runs locally.' }
  }
  const claimed = await findDomainClaimedElsewhere(db, organisationId, values.allowedDomains)
  if (claimed) return { ok: false, field: 'allowedDomains', message: `${claimed} already signs in to another library service here. Each domain belongs to one service.` }
  const before = await findSsoConfig(db, organisationId)
  const sameClient = before?.issuer === issuer && before.clientId === values.clientId
  if (values.passwordsOff && !(values.enabled && sameClient && before.workedAt)) {
    return {
      ok: false,
      field: 'passwordsOff',
      message: 'Switch passwords off only once single sign-on has worked with these settings: save them, sign in once through your identity provider (a private window will do), then come back.',
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
