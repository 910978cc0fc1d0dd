import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { verifyAllChains } from '#db/audit.server'
import {
  auditEntries,
  decisionRecords,
  decisionSignatures,
  decisions,
  monitoringConditions,
  organisations,
  proposalIntakes,
  proposals,
  staffConcerns,
  users,
} from '#db/schema'
import { loader as registerLoader } from '~/routes/public.$org.register'
import { seedDemoStages } from '~/seed/demo-stages.server'
import { DEMO_ORGANISATION, DEMO_USERS } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { checkSigningCertificate } from '~/signing/certificates.server'
import { createDraftProposal } from '~/workflow/intake/intake.server'
import { PROPOSAL_REFERENCE } from '~/workflow/intake/proposal-reference'
import { visaIntake } from '~/workflow/scenarios/visa-case.server'
import { makeRequest } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

const day = (d: Date) => d.toISOString().slice(0, 10)

describe(`demo data (${databaseKind()})`, () => {
  it('is created once, holds the visa-services case, and every audit chain verifies', async () => {
    const { db } = app().database
    expect(await seedDemo(db)).toBe(true)
    expect(await seedDemo(db)).toBe(false)
    expect(await db.$count(organisations)).toBe(1)
    expect(await db.$count(users)).toBe(DEMO_USERS.length)
    const rows = await db.select({ title: proposals.title, partner: proposals.partner }).from(proposals)
    expect(rows.some((r) => r.partner.includes('UK Visas and Immigration'))).toBe(true)
    const t0 = performance.now()
    await seedDemoStages(db, { secret: app().secret, signing: app().config })
    console.log(`demo stages seeded in ${Math.round(performance.now() - t0)} ms`)
    const stages = new Set((await db.select({ stage: proposals.stage }).from(proposals)).map((r) => r.stage))
    for (const stage of ['draft', 'screening', 'consultation', 'decision', 'rejected', 'monitoring', 'reassessment', 'withdrawn']) {
      expect(stages, `a demo proposal in ${stage}`).toContain(stage)
    }
    // The rejected payday-lender sponsorship, the visa pilot and the parcel lockers.
    expect(await db.$count(decisionRecords)).toBe(3)
    const chains = await verifyAllChains(db)
    expect(chains.length).toBeGreaterThan(0)
    expect(chains.filter((c) => !c.ok)).toEqual([])
  }, 180_000)

  // Issue 14, item 11: demo data that looks real. Runs over the demo seeded above.

  it('never runs history backwards: each proposal’s entries are in time order, all in the past', async () => {
    const { db } = app().database
    const entries = await db
      .select({ proposalId: auditEntries.proposalId, seq: auditEntries.seq, at: auditEntries.at, kind: auditEntries.actorKind, event: auditEntries.eventType })
      .from(auditEntries)
      .orderBy(asc(auditEntries.proposalId), asc(auditEntries.seq))
    expect(entries.length).toBeGreaterThan(50)
    const now = Date.now()
    for (const [n, entry] of entries.entries()) {
      expect(entry.at.getTime(), `${entry.event} is not in the future`).toBeLessThanOrEqual(now)
      const before = entries[n - 1]
      if (!before || before.proposalId !== entry.proposalId) continue
      const what = `${entry.event} (#${entry.seq}) after ${before.event} (#${before.seq})`
      // An anonymous contribution is dated by its day only (it must not leave its time of day), so it is compared by day.
      if (entry.kind === 'anonymous_staff' || before.kind === 'anonymous_staff') expect(day(entry.at) >= day(before.at), what).toBe(true)
      else expect(entry.at.getTime(), what).toBeGreaterThanOrEqual(before.at.getTime())
    }
    // A signed record is dated when it was signed: after the consultation it reports on.
    const signed = await db.select({ at: decisionRecords.signedAt, proposalId: decisionRecords.proposalId }).from(decisionRecords)
    for (const record of signed) {
      const last = entries.filter((e) => e.proposalId === record.proposalId && e.event === 'staff.complete').at(-1)
      expect(last, 'a signed proposal went through staff consultation').toBeDefined()
      expect(new Date(record.at).getTime()).toBeGreaterThan(last!.at.getTime())
    }
  })

  it('keeps each case’s conditions, and its facts, to itself: only the visa cases mention the Home Office', async () => {
    const { db } = app().database
    const all = await db.select().from(proposals)
    const others = all.filter((p) => !p.partner.includes('Home Office'))
    expect(others.length).toBe(7)
    for (const p of others) {
      const said = JSON.stringify([
        await db.select().from(proposalIntakes).where(eq(proposalIntakes.proposalId, p.id)),
        await db.select({ text: staffConcerns.text, response: staffConcerns.response, condition: staffConcerns.responseCondition }).from(staffConcerns).where(eq(staffConcerns.proposalId, p.id)),
        await db.select({ conditions: decisions.conditions, rationale: decisions.rationale }).from(decisions).where(eq(decisions.proposalId, p.id)),
        await db.select({ text: monitoringConditions.text }).from(monitoringConditions).where(eq(monitoringConditions.proposalId, p.id)),
      ])
      expect(said, p.title).not.toMatch(/Home Office|visa|biometric|booth/i)
    }
    const lockers = others.find((p) => p.partner === 'ParcelPoint Ltd')!
    const conditions = (await db.select({ text: monitoringConditions.text }).from(monitoringConditions).where(eq(monitoringConditions.proposalId, lockers.id))).map((c) => c.text)
    expect(conditions).toEqual(['Consult affected staff openly before launch.', 'Lockers stand away from the main entrance and leave a clear path 1.5 m wide.', 'ParcelPoint restocks the lockers outside opening hours.'])
  })

  it('gives demo proposals references in the same format as a proposal made on the intake form', async () => {
    const { db } = app().database
    const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
    const chief = (await db.query.users.findFirst({ where: eq(users.email, 'chief@fairhaven.example') }))!
    const made = await createDraftProposal(db, { id: chief.id, organisationId: org.id, settings: org.settings }, { ...visaIntake([]), title: 'A new proposal' })
    const references = (await db.select({ reference: proposals.reference }).from(proposals)).map((r) => r.reference)
    expect(references).toHaveLength(10)
    expect(made.reference).toMatch(PROPOSAL_REFERENCE)
    for (const reference of references) expect(reference).toMatch(PROPOSAL_REFERENCE)
    expect(new Set(references).size).toBe(references.length)
  })

  it('requires a second signatory, and every signed demo decision has both signatures', async () => {
    const { db } = app().database
    const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
    expect(org.settings.secondSignatoryRequired).toBe(true)
    const signed = await db.select({ id: decisions.id }).from(decisions).innerJoin(decisionRecords, eq(decisionRecords.id, decisions.recordId))
    expect(signed).toHaveLength(3)
    for (const d of signed) {
      const roles = (await db.select({ as: decisionSignatures.signedAs }).from(decisionSignatures).where(eq(decisionSignatures.decisionId, d.id))).map((s) => s.as)
      expect(roles).toHaveLength(2)
    }
  })

  it('names the generated signing certificate after the library service, not the address it first started on', async () => {
    const check = await checkSigningCertificate(app().config)
    expect(check).toMatchObject({ status: 'ok', source: 'generated' })
    expect(check.subject).toContain(DEMO_ORGANISATION.name)
    expect(check.subject).not.toContain(new URL(app().config.publicUrl).host)
  })

  it('shows all three signed demo decisions in the public register once it is published', async () => {
    const { db } = app().database
    const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
    const load = () => registerLoader({ request: makeRequest(`/public/${org.slug}/register`), context: {}, params: { org: org.slug } })
    await db.update(organisations).set({ settings: { ...org.settings, publicRegister: true } }).where(eq(organisations.id, org.id))
    const page = await load()
    expect(page.total).toBe(3)
    expect(page.partnerships.map((p) => p.outcome).sort()).toEqual(['approve_with_conditions', 'approve_with_conditions', 'reject'])
  })
})
