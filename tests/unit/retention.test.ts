import { describe, expect, it } from 'vitest'
import { retentionSweeps } from '~/workflow/scheduled/apply-retention.server'
import { HOLDINGS, RETENTION_SWEEPS } from '~/utils/retention'

describe('the retention table the privacy notice is generated from', () => {
  it('names each sweep the daily job runs exactly once, and the job runs each sweep it names', () => {
    const named = HOLDINGS.flatMap((h) => (h.sweep ? [h.sweep] : []))
    expect([...named].sort()).toEqual([...RETENTION_SWEEPS].sort())
    expect(Object.keys(retentionSweeps).sort()).toEqual([...RETENTION_SWEEPS].sort())
  })

  it('states the periods configuration sets, as configured', () => {
    const settings = { outboxRetentionDays: 45, sessionTtlHours: 8, invitationTtlDays: 3 }
    const text = (key: string) => HOLDINGS.find((h) => h.key === key)!.howLong(settings)
    expect(text('email')).toContain('45 days after sending')
    expect(text('sessions')).toContain('(8 hours)')
    expect(text('account-links')).toContain('after 3 days')
    expect(text('notifications')).toContain('365 days')
  })

  it('says that signed records stay unchanged after an erasure', () => {
    const signed = HOLDINGS.find((h) => h.key === 'signed-records')!
    expect(signed.keptAfterErasure).toBe(true)
    expect(signed.howLong({ outboxRetentionDays: 30, sessionTtlHours: 12, invitationTtlDays: 7 })).toMatch(/unchanged, including after an erasure/)
  })
})
