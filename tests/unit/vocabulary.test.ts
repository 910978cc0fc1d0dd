import { describe, expect, it } from 'vitest'
import { ROLES } from '#machines/vocabulary/roles'
import { STAGES } from '#machines/vocabulary/stages'
import { STAGE_LABELS } from '#machines/vocabulary/labels'
import { RISK_BANDS } from '#machines/vocabulary/risk'
import { cy } from '~/locales'
import { vocabulary, vocabularyKey } from '~/utils/vocabulary'

describe('the vocabulary helper', () => {
  it('names a value in English with the words machines/vocabulary defines', () => {
    const label = vocabulary('en')
    for (const stage of STAGES) expect(label('stage', stage)).toBe(STAGE_LABELS[stage])
    expect(label('role', 'chief_librarian')).toBe('Chief librarian')
    expect(label('riskBand', 'very_high')).toBe('Very high')
  })

  it('names every stage, role and risk band in Welsh, each differently from the English', () => {
    const en = vocabulary('en')
    const welsh = vocabulary('cy')
    for (const stage of STAGES) expect(welsh('stage', stage)).toBe(cy.vocabulary.stage[stage])
    expect(welsh('stage', 'draft')).toBe('Drafft')
    for (const role of ROLES) expect(welsh('role', role)).not.toBe(role)
    for (const band of RISK_BANDS) expect(welsh('riskBand', band)).not.toBe(en('riskBand', band))
  })

  it('keys a value by its kind, so callers outside the helper reach the same text', () => {
    expect(vocabularyKey('decisionOutcome', 'approve_with_conditions')).toBe(
      'decisionOutcome.approve_with_conditions',
    )
  })

  it('shows a value the catalogue does not know as itself rather than as a key', () => {
    const label = vocabulary('cy')
    expect(label('stage', 'archived' as never)).toBe('archived')
  })
})
