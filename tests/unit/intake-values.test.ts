import { describe, expect, it } from 'vitest'
import { type ProposalIntake } from '#db/schema'
import { intakeFormSchema, intakeIssues } from '~/workflow/intake/intake-schema'
import { toStored, toSummary, toValues } from '~/workflow/intake/intake-values'
import { plainText } from '~/utils/plain-text'
import { visaIntake } from '#tests/support/screening'

const REVIEWERS = ['00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000022']

function stored(values = visaIntake(REVIEWERS)) {
  const { core, content } = toStored(values)
  const intake: ProposalIntake = { proposalId: 'p', updatedAt: new Date(), ...content }
  return { proposal: core, intake }
}

describe('intake values', () => {
  it('round-trips a complete intake through storage', () => {
    expect(toValues(stored())).toEqual(visaIntake(REVIEWERS))
  })

  it('needs nothing more from a complete intake, and names what an empty one lacks', () => {
    expect(intakeIssues(visaIntake(REVIEWERS), 2)).toEqual([])
    expect(intakeIssues(visaIntake(REVIEWERS), 3).map((i) => i.path[0])).toEqual(['reviewerIds'])
    const empty = intakeIssues({ title: 'T', partner: 'P' }, 2).map((i) => i.path[0])
    expect(empty).toEqual(['description', 'service', 'deliveredBy', 'sites', 'startDate', 'income', 'costs', 'purpose', 'personalData', 'userGroups', 'priorEngagement', 'reviewerIds'])
  })

  it('asks for data details only when personal data is involved, and keeps none when it is not', () => {
    const none = { ...visaIntake(REVIEWERS), personalData: false }
    expect(intakeIssues({ ...none, retention: undefined, dataCategories: undefined }, 2)).toEqual([])
    expect(toStored(none).content.dataCategories).toEqual([])
    expect(toStored(none).content.retention).toBe('')
    expect(toSummary('P-1', stored(none)).personalData.processedWhere).toBe('No personal data of users is involved')
  })

  it('summarises the intake for the record, in the shape the PDF reads', () => {
    const summary = toSummary('P-2026-001', stored())
    expect(summary.deliveredBy).toBe('The partner’s (or contractor’s) staff: Contractor staff in a booth; library staff direct visitors')
    expect(summary.personalData.sharedWith).toMatch(/^Shared with the partner and a government body\. /)
    expect(summary.priorEngagement).toBe('No')
    expect(summary.vulnerableGroups).toEqual(['Migrants, refugees and asylum seekers'])
  })

  it('parses the form: lists one per line, yes/no as booleans, a draft with only a title and partner', () => {
    const form = new URLSearchParams({ intent: 'save', title: ' Café ', partner: 'Bean There', sites: 'A\n\n B \n', personalData: 'no' })
    const result = intakeFormSchema(2).safeParse(Object.fromEntries(form))
    expect(result.success && result.data).toMatchObject({ title: 'Café', sites: ['A', 'B'], personalData: false })
  })

  it('refuses markup and control characters in plain text, but not a less-than sign', () => {
    const text = plainText(100)
    expect(text.safeParse('Fewer than <5 sites, and a<b').success).toBe(true)
    expect(text.safeParse('<b>bold</b>').success).toBe(false)
    expect(text.safeParse('<!-- hidden -->').success).toBe(false)
    expect(text.safeParse('bell\u0007').success).toBe(false)
    expect(text.safeParse('line one\nline two\ttabbed').success).toBe(true)
  })
})
