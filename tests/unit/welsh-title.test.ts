import { describe, expect, it } from 'vitest'
import { type ProposalIntake } from '#db/schema'
import { recordJson } from '~/pdf/record-json'
import { intakeFormSchema } from '~/workflow/intake/intake-schema'
import { toFormDefaults, toStored, toSummary } from '~/workflow/intake/intake-values'
import { visaRecordData } from '#tests/support/decision-records'
import { schemaErrors } from '#tests/support/record-schema'
import { visaIntake } from '#tests/support/screening'

const REVIEWERS = ['00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000022']
const TITLE_CY = 'Gwasanaeth fisâu yn y llyfrgell ganolog'
const SUMMARY_CY = 'Partner yn cynnig gwasanaeth apwyntiadau fisa yn y llyfrgell.'

function stored(values = visaIntake(REVIEWERS)) {
  const { core, content } = toStored(values)
  const intake: ProposalIntake = { proposalId: 'p', updatedAt: new Date(), ...content }
  return { proposal: core, intake }
}

describe('the proposer’s Welsh title and summary', () => {
  it('are optional on the form, and checked as plain text like the English', () => {
    const schema = intakeFormSchema(2)
    expect(schema.safeParse({ title: 'Visa services', partner: 'VisaCo' }).success).toBe(true)
    const withWelsh = schema.safeParse({
      title: 'Visa services',
      partner: 'VisaCo',
      titleCy: TITLE_CY,
      descriptionCy: SUMMARY_CY,
    })
    expect(withWelsh.success && withWelsh.data.titleCy).toBe(TITLE_CY)
    expect(
      schema.safeParse({ title: 'Visa services', partner: 'VisaCo', titleCy: '<b>Teitl</b>' })
        .success,
    ).toBe(false)
    expect(
      schema.safeParse({ title: 'Visa services', partner: 'VisaCo', titleCy: 'x'.repeat(201) })
        .success,
    ).toBe(false)
  })

  it('are kept as typed, and a blank one is stored as none', () => {
    const given = stored({ ...visaIntake(REVIEWERS), titleCy: TITLE_CY, descriptionCy: SUMMARY_CY })
    expect(given.proposal).toMatchObject({ titleCy: TITLE_CY, descriptionCy: SUMMARY_CY })
    expect(toFormDefaults(given)).toMatchObject({ titleCy: TITLE_CY, descriptionCy: SUMMARY_CY })
    expect(stored({ ...visaIntake(REVIEWERS), titleCy: '' }).proposal).toMatchObject({
      titleCy: null,
      descriptionCy: null,
    })
  })

  it('reach the record data only when given, so a record without them reads as before', () => {
    const without = toSummary('P-2026-001', stored())
    expect('titleCy' in without || 'summaryCy' in without).toBe(false)
    const withWelsh = toSummary(
      'P-2026-001',
      stored({ ...visaIntake(REVIEWERS), titleCy: TITLE_CY, descriptionCy: SUMMARY_CY }),
    )
    expect(withWelsh).toMatchObject({ titleCy: TITLE_CY, summaryCy: SUMMARY_CY })
  })

  it('are optional fields of the published record schema: old records and new ones both validate', () => {
    const data = visaRecordData()
    expect(schemaErrors(recordJson({ kind: 'decision', data }))).toEqual([])
    const welsh = {
      ...data,
      proposal: { ...data.proposal, titleCy: TITLE_CY, summaryCy: SUMMARY_CY },
    }
    expect(schemaErrors(recordJson({ kind: 'decision', data: welsh }))).toEqual([])
    const wrong = { ...data, proposal: { ...data.proposal, titleCy: 42 as unknown as string } }
    expect(schemaErrors(recordJson({ kind: 'decision', data: wrong }))).not.toEqual([])
  })
})
