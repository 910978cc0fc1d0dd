import { describe, expect, it } from 'vitest'
import { retentionSweeps } from '~/workflow/scheduled/apply-retention.server'
import { describeHolding, HOLDING_KEYS, HOLDINGS, RETENTION_SWEEPS, type RetentionSettings } from '~/utils/retention'
import { fixedT } from '~/utils/i18n'

describe('the retention table the privacy notice is generated from', () => {
  it('names each sweep the daily job runs exactly once, and the job runs each sweep it names', () => {
    const named = HOLDINGS.flatMap((h) => (h.sweep ? [h.sweep] : []))
    expect([...named].sort()).toEqual([...RETENTION_SWEEPS].sort())
    expect(Object.keys(retentionSweeps).sort()).toEqual([...RETENTION_SWEEPS].sort())
  })

  it('has one row for each holding the catalogue words', () => {
    expect(HOLDINGS.map((h) => h.key)).toEqual([...HOLDING_KEYS])
  })

  it('states the periods configuration sets, as configured', () => {
    const settings = { outboxRetentionDays: 45, sessionTtlHours: 8, invitationTtlDays: 3 }
    const text = (key: string) => describeHolding(fixedT('en', 'public'), HOLDINGS.find((h) => h.key === key)!, settings).howLong
    expect(text('email')).toContain('45 days after sending')
    expect(text('sessions')).toContain('(8 hours)')
    expect(text('account-links')).toContain('after 3 days')
    expect(text('notifications')).toContain('365 days')
  })

  it('says that signed records stay unchanged after an erasure', () => {
    const signed = HOLDINGS.find((h) => h.key === 'signed-records')!
    expect(signed.keptAfterErasure).toBe(true)
    const text = describeHolding(fixedT('en', 'public'), signed, { outboxRetentionDays: 30, sessionTtlHours: 12, invitationTtlDays: 7 })
    expect(text.howLong).toMatch(/unchanged, including after an erasure/)
  })

  it('words every holding in English and Welsh, with the periods in each language’s plural', () => {
    const settings: RetentionSettings = { outboxRetentionDays: 2, sessionTtlHours: 1, invitationTtlDays: 3 }
    for (const locale of ['en', 'cy'] as const) {
      for (const h of HOLDINGS) {
        const text = describeHolding(fixedT(locale, 'public'), h, settings)
        for (const value of Object.values(text)) if (value !== null) expect(value, `${locale} ${h.key}`).not.toMatch(/privacy\.|\{\{|^$/)
        expect(text.why === null, h.key).toBe(h.nothingKept === true)
      }
    }
    const cy = (key: string) => describeHolding(fixedT('cy', 'public'), HOLDINGS.find((h) => h.key === key)!, settings).howLong
    expect(cy('email')).toContain('2 ddiwrnod')
    expect(cy('sessions')).toContain('(1 awr)')
    expect(cy('account-links')).toContain('ar ôl 3 diwrnod')
    expect(cy('proposals')).toMatch(/Caiff ei gadw ar ôl dileu data\.$/)
    const en = (key: string) => describeHolding(fixedT('en', 'public'), HOLDINGS.find((h) => h.key === key)!, settings)
    expect(en('sessions').howLong).toBe('Until you sign out or it expires (1 hour); expired sessions are deleted daily.')
    expect(en('proposals').howLong).toBe('Permanently: they are the record the decision is defended with. Kept after an erasure.')
    expect(en('sign-in-failures').about).toBe('everyone with an account, members of the public')
  })
})
