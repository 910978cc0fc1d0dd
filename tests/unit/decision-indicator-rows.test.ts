import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { isBlankIndicatorRow } from '#machines/vocabulary/monitoring-plan'
import { decisionSchema } from '~/workflow/decision/decision-schema'

/**
 * The decision form's indicator rows, through the one schema the browser and
 * the server share, as Conform reads a submitted form.
 */

const FILLED = {
  name: 'Visits at affected branches',
  unit: 'visits a month',
  baseline: '12400',
  direction: 'higher_is_better',
  thresholdKind: 'percent',
  thresholdValue: '10',
  measure: 'manual',
}

function approval(rows: Record<string, string>[]) {
  const form = new FormData()
  form.set('intent', 'record')
  form.set('version', '3')
  form.set('outcome', 'approve')
  form.set('rationale', 'A real local need.')
  form.set('monitoring.intervalMonths', '3')
  form.set('monitoring.startsOn', '2026-01-05')
  rows.forEach((row, n) => {
    for (const [key, value] of Object.entries(row)) form.set(`monitoring.indicators[${n}].${key}`, value)
  })
  return parseWithZod(form, { schema: decisionSchema([]) })
}

const blank = { name: '', unit: '', baseline: '', direction: '', thresholdKind: '', thresholdValue: '', measure: 'manual' }

describe('indicator rows on the decision form', () => {
  it('a blank row after a filled one is dropped, not six errors', () => {
    const result = approval([FILLED, blank])
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value.monitoring?.indicators).toHaveLength(1)
    expect(result.value.monitoring?.indicators[0]?.name).toBe('Visits at affected branches')
  })

  it('a blank row before a filled one is dropped too', () => {
    const result = approval([blank, FILLED])
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value.monitoring?.indicators).toHaveLength(1)
  })

  it('a partly filled row gets errors beside its own fields, at its own place in the list', () => {
    const result = approval([blank, { ...blank, name: 'Complaints' }])
    expect(result.status).toBe('error')
    const errors = (result.status === 'error' ? result.error : null) ?? {}
    expect(errors['monitoring.indicators[1].unit']).toEqual(['Give the unit, e.g. “visits a month”'])
    expect(errors['monitoring.indicators[1].baseline']).toBeDefined()
    expect(errors['monitoring.indicators[1].thresholdValue']).toBeDefined()
    expect(errors['monitoring.indicators[1].name']).toBeUndefined()
    expect(Object.keys(errors).filter((k) => k.startsWith('monitoring.indicators[0]'))).toEqual([])
  })

  it('an approval whose only rows are blank still needs an indicator', () => {
    const result = approval([blank, blank])
    expect(result.status).toBe('error')
    expect(result.status === 'error' ? result.error?.['monitoring.indicators'] : null).toEqual(['Add at least one indicator'])
  })

  it('what counts as blank: nothing typed; the measure list always has a value', () => {
    expect(isBlankIndicatorRow({ measure: 'manual' })).toBe(true)
    expect(isBlankIndicatorRow({ name: '', unit: undefined, measure: 'automatic' })).toBe(true)
    expect(isBlankIndicatorRow({ name: 'x' })).toBe(false)
    expect(isBlankIndicatorRow({ baseline: 0 })).toBe(false)
  })
})
