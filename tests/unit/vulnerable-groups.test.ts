import { describe, expect, it } from 'vitest'
import { HIGHER_BAR, higherBarFor, VULNERABLE_GROUPS } from '#machines/vocabulary/vulnerable-groups'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'

describe('the higher bar for vulnerable groups', () => {
  it('names, for every group, criteria the default rubric has', () => {
    const keys = new Set(DEFAULT_RUBRIC.criteria.map((c) => c.key))
    for (const group of VULNERABLE_GROUPS) {
      const criteria = Object.keys(HIGHER_BAR[group])
      expect(criteria.length, group).toBeGreaterThan(0)
      for (const key of criteria) expect(keys.has(key), `${group} → ${key}`).toBe(true)
    }
  })

  it('gives a criterion guidance for each affected group it matters most to, and none when nobody is affected', () => {
    expect(higherBarFor('privacy', ['minors', 'migrants']).map((a) => a.group)).toEqual(['minors', 'migrants'])
    expect(higherBarFor('public_trust', ['minors', 'migrants']).map((a) => a.group)).toEqual(['migrants'])
    expect(higherBarFor('financial_dependency', ['minors', 'migrants', 'homelessness', 'other'])).toEqual([])
    expect(higherBarFor('privacy', [])).toEqual([])
  })
})
