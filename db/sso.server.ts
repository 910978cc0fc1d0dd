import { and, eq, lt, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { organisations, ssoConfigs, ssoFlows, type SsoConfig, type SsoFlow } from './schema/index'

export function findSsoConfig(db: Queryable, organisationId: string) {
  return db.query.ssoConfigs.findFirst({ where: eq(ssoConfigs.organisationId, organisationId) })
}

/** The service whose single sign-on admits this e-mail domain (at most one: domains are claimed once). */
export async function findSsoConfigForDomain(db: Queryable, domain: string) {
  const [row] = await db
    .select({ config: ssoConfigs, organisation: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
    .from(ssoConfigs)
    .innerJoin(organisations, eq(organisations.id, ssoConfigs.organisationId))
    .where(and(eq(ssoConfigs.enabled, true), sql`${domain.toLowerCase()} = any(${ssoConfigs.allowedDomains})`))
    .limit(1)
  return row
}

export async function findSsoConfigForSlug(db: Queryable, slug: string) {
  const [row] = await db
    .select({ config: ssoConfigs, organisation: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
    .from(ssoConfigs)
    .innerJoin(organisations, eq(organisations.id, ssoConfigs.organisationId))
    .where(and(eq(ssoConfigs.enabled, true), eq(organisations.slug, slug)))
    .limit(1)
  return row
}

/** Another service already claiming one of these domains, if any. */
export async function findDomainClaimedElsewhere(db: Queryable, organisationId: string, domains: string[]) {
  if (domains.length === 0) return undefined
  const [row] = await db
    .select({ domains: ssoConfigs.allowedDomains })
    .from(ssoConfigs)
    .where(and(sql`${ssoConfigs.organisationId} <> ${organisationId}`, sql`${ssoConfigs.allowedDomains} && ${sql.param(domains)}::text[]`))
    .limit(1)
  return row ? domains.find((d) => row.domains.includes(d)) : undefined
}

export type SsoConfigValues = Omit<SsoConfig, 'organisationId' | 'updatedAt' | 'workedAt'>

/** Saves the settings; changing the issuer or client forgets that single sign-on had worked. */
export async function saveSsoConfig(db: Queryable, organisationId: string, values: SsoConfigValues, now: Date) {
  const before = await findSsoConfig(db, organisationId)
  const sameClient = before?.issuer === values.issuer && before.clientId === values.clientId
  const row = { ...values, workedAt: sameClient ? before.workedAt : null, updatedAt: now }
  await db
    .insert(ssoConfigs)
    .values({ organisationId, ...row })
    .onConflictDoUpdate({ target: ssoConfigs.organisationId, set: row })
}

export async function markSsoWorked(db: Queryable, organisationId: string, now: Date) {
  await db.update(ssoConfigs).set({ workedAt: now }).where(eq(ssoConfigs.organisationId, organisationId))
}

/** Stores a new round trip, and clears those abandoned at the identity provider. */
export async function insertSsoFlow(db: Queryable, flow: SsoFlow, now: Date) {
  await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now))
  await db.insert(ssoFlows).values(flow)
}

/** Takes the flow out (single use): a replayed callback finds nothing. */
export async function takeSsoFlow(db: Queryable, id: string, now: Date): Promise<SsoFlow | undefined> {
  const [row] = await db.delete(ssoFlows).where(eq(ssoFlows.id, id)).returning()
  return row && row.expiresAt > now ? row : undefined
}
