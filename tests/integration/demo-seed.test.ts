import { describe, expect, it } from 'vitest'
import { verifyAllChains } from '#db/audit.server'
import { decisionRecords, organisations, proposals, users } from '#db/schema'
import { seedDemoStages } from '~/seed/demo-stages.server'
import { DEMO_USERS } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

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
    // Seven proposals taken through the real use cases, three of them signed.
  }, 180_000)
})
