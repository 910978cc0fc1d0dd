import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ORGANISATION_SETTINGS, type DecisionRow, type RubricContent } from '#db/schema'
import { decisionProblems as problemKeys, decisionSchema, type DecisionValues } from '~/workflow/decision/decision-schema'
import { translateMessage, translateReply } from '~/utils/translate-reply'

/** The schema's messages are catalogue keys (ADR 030): read here in English, as the page shows them. */
const decisionProblems = (...args: Parameters<typeof problemKeys>) =>
  problemKeys(...args).map(([path, message]) => [path, translateMessage(message, 'en')] as const)
import {
  auditSection,
  blockingIssuesOf,
  deciderName,
  decisionSection,
  dissentSuggestions,
  organisationSection,
  privacySection,
  screeningSection,
  signatoriesSection,
} from '~/workflow/decision/record-sections'
import { aggregate, type SubmittedReview } from '~/workflow/screening/aggregate'
import { type ScreeningRecord } from '~/workflow/screening/screening.server'
import { DEFAULT_RISK_BANDS } from '#machines/vocabulary/risk'

const RUBRIC: RubricContent = {
  bands: DEFAULT_RISK_BANDS,
  disagreementBands: 2,
  criteria: [
    { key: 'trust', name: 'Public trust', description: 'Neutral ground', questions: ['Who is seen?'], principles: ['CILIP: impartiality'] },
    { key: 'privacy', name: 'Privacy', description: 'User data', questions: [], principles: ['ALA: privacy'] },
  ],
  privacyItems: [
    { key: 'policy', question: 'Contract consistent with the privacy policy', guidance: '', required: true },
    { key: 'notice', question: 'Users told when they leave the library’s protection', guidance: '', required: true },
    { key: 'minors', question: 'Minors’ data given special care', guidance: '', required: false },
  ],
}

function review(reviewer: string, trust: number[], answers: Record<string, 'yes' | 'no' | 'not_applicable'>): SubmittedReview {
  const [likelihood, impact, residualLikelihood, residualImpact] = trust as [number, number, number, number]
  const score = { likelihood, impact, residualLikelihood, residualImpact, rationale: `${reviewer}’s reason`, mitigations: 'Signage' }
  return {
    reviewer,
    scores: { trust: score, privacy: { ...score, likelihood: 2, impact: 2 } },
    privacy: Object.fromEntries(Object.entries(answers).map(([k, answer]) => [k, { answer, evidence: `${reviewer} checked` }])),
  }
}

/** Two reviewers five bands apart on trust, one "no" on a required item and one on an optional one. */
function screening(): ScreeningRecord {
  const reviews = [
    review('Zoë Müller', [5, 5, 4, 4], { policy: 'yes', notice: 'no', minors: 'no' }),
    review('Sam Patel', [1, 2, 1, 1], { policy: 'yes', notice: 'yes', minors: 'yes' }),
  ]
  return {
    round: 0,
    rubricVersion: 3,
    bands: RUBRIC.bands,
    ...aggregate(RUBRIC, reviews),
    recusals: [{ reviewer: 'Owain Pŵel', reason: 'Spouse works for the contractor' }],
    submittedReviews: 2,
  }
}

const PLAN = {
  intervalMonths: 3,
  startsOn: '2026-09-01',
  indicators: [
    {
      name: 'Visits',
      unit: 'visits a month',
      baseline: 12400,
      direction: 'higher_is_better' as const,
      thresholdKind: 'percent' as const,
      thresholdValue: 10,
      measure: 'manual' as const,
    },
  ],
}

function decision(overrides: Partial<DecisionRow> = {}): DecisionRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    proposalId: '00000000-0000-4000-8000-000000000003',
    round: 0,
    outcome: 'approve_with_conditions',
    rationale: 'A real local need, with safeguards.',
    conditions: [
      { text: 'Consult staff openly before launch.', source: 'professional_body' },
      { text: 'No Home Office branding.', source: 'staff' },
    ],
    overrides: [{ key: 'notice', issue: 'Not met: Users told when they leave the library’s protection', rationale: 'Leaflets before opening.' }],
    dissent: ['Zoë Müller would have refused.'],
    monitoringPlan: PLAN,
    recordedBy: '00000000-0000-4000-8000-000000000004',
    recordedAt: new Date('2026-03-20T10:00:00Z'),
    signedAt: null,
    recordId: null,
    ...overrides,
  }
}

describe('the decision record’s sections, from stored data', () => {
  it('organisation: its name and the professional body it consults', () => {
    expect(
      organisationSection({ name: 'Fairhaven Library Service', settings: { ...DEFAULT_ORGANISATION_SETTINGS, professionalBodyName: 'SLIC' } }),
    ).toEqual({ name: 'Fairhaven Library Service', professionalBodyName: 'SLIC' })
  })

  it('screening: every criterion with median, range, disagreement, residual and each review; recusals; nothing more', () => {
    const section = screeningSection(screening())
    expect(section.rubricVersion).toBe(3)
    expect(section.bands).toEqual(DEFAULT_RISK_BANDS)
    expect(section.recusals).toEqual([{ reviewer: 'Owain Pŵel', reason: 'Spouse works for the contractor' }])
    expect(section.criteria.map((c) => c.name)).toEqual(['Public trust', 'Privacy'])
    const trust = section.criteria[0]!
    expect(trust).toEqual({
      id: 'trust',
      name: 'Public trust',
      principles: ['CILIP: impartiality'],
      median: { likelihood: 3, impact: 3.5, score: 13.5 },
      range: { min: 2, max: 25 },
      disagreement: true,
      residual: { likelihood: 2.5, impact: 2.5, score: 8.5 },
      reviews: [
        { reviewer: 'Zoë Müller', likelihood: 5, impact: 5, rationale: 'Zoë Müller’s reason', mitigations: 'Signage', residual: { likelihood: 4, impact: 4 } },
        { reviewer: 'Sam Patel', likelihood: 1, impact: 2, rationale: 'Sam Patel’s reason', mitigations: 'Signage', residual: { likelihood: 1, impact: 1 } },
      ],
    })
    // The page-only extras (bands, questions, description) stay off the record.
    expect(Object.keys(trust)).not.toContain('questions')
  })

  it('blocking issues: required items answered "no", keyed by item, optional ones ignored', () => {
    expect(blockingIssuesOf(screening())).toEqual([{ key: 'notice', issue: 'Not met: Users told when they leave the library’s protection' }])
  })

  it('privacy: every checklist item, and an approval’s override beside its blocking issue', () => {
    const by = deciderName('Rhiannon Evans')
    const section = privacySection(screening(), decision(), by)
    expect(section.items).toEqual([
      { question: 'Contract consistent with the privacy policy', answer: 'yes', evidence: 'Zoë Müller: Zoë Müller checked\nSam Patel: Sam Patel checked', required: true },
      { question: 'Users told when they leave the library’s protection', answer: 'no', evidence: 'Zoë Müller: Zoë Müller checked\nSam Patel: Sam Patel checked', required: true },
      { question: 'Minors’ data given special care', answer: 'no', evidence: 'Zoë Müller: Zoë Müller checked\nSam Patel: Sam Patel checked', required: false },
    ])
    expect(section.blockingIssues).toEqual([
      {
        issue: 'Not met: Users told when they leave the library’s protection',
        override: { rationale: 'Leaflets before opening.', by: 'Rhiannon Evans, Chief librarian' },
      },
    ])
  })

  it('privacy: a rejection overrides nothing, whatever was stored', () => {
    const section = privacySection(screening(), decision({ outcome: 'reject' }), 'X')
    expect(section.blockingIssues).toEqual([{ issue: 'Not met: Users told when they leave the library’s protection', override: null }])
  })

  it('decision: outcome, rationale, who and when, conditions, dissent and the plan as the record prints it', () => {
    expect(decisionSection(decision(), 'Rhiannon Evans, Chief librarian')).toEqual({
      outcome: 'approve_with_conditions',
      rationale: 'A real local need, with safeguards.',
      decidedBy: 'Rhiannon Evans, Chief librarian',
      decidedAt: new Date('2026-03-20T10:00:00Z'),
      conditions: decision().conditions,
      dissent: ['Zoë Müller would have refused.'],
      monitoring: {
        intervalMonths: 3,
        indicators: [
          { name: 'Visits', unit: 'visits a month', baseline: 12400, direction: 'higher_is_better', threshold: { kind: 'percent', value: 10 } },
        ],
      },
    })
  })

  it('decision: no monitoring for an outcome that is not an approval', () => {
    expect(decisionSection(decision({ outcome: 'return_for_revision', conditions: [] }), 'X').monitoring).toBeNull()
  })

  it('signatories: in signing order, with the role each signed in', () => {
    const first = new Date('2026-03-21T09:00:00Z')
    const second = new Date('2026-03-22T16:30:00Z')
    expect(
      signatoriesSection([
        { name: 'Rhiannon Evans', signedAs: 'chief_librarian', signedAt: first },
        { name: 'Dafydd Jones', signedAs: 'signatory', signedAt: second },
      ]),
    ).toEqual([
      { name: 'Rhiannon Evans', role: 'Chief librarian', signedAt: first },
      { name: 'Dafydd Jones', role: 'Signatory', signedAt: second },
    ])
  })

  it('audit: the hash and number of the entry it pins', () => {
    expect(auditSection({ hash: 'ab'.repeat(32), seq: 41 })).toEqual({ hash: 'ab'.repeat(32), seq: 41 })
  })

  it('suggests dissent from criteria reviewers disagreed on, the highest score first', () => {
    expect(dissentSuggestions(screening())).toEqual([
      'Reviewers disagreed on “Public trust” (scores from 2 to 25). Zoë Müller scored 5 × 5 = 25: Zoë Müller’s reason; Sam Patel scored 1 × 2 = 2: Sam Patel’s reason',
    ])
  })
})

describe('the decision form’s rules', () => {
  const issues = [{ key: 'notice', issue: 'Users told: no' }]
  const approval: Pick<DecisionValues, 'outcome' | 'conditions' | 'overrides' | 'monitoring'> = {
    outcome: 'approve_with_conditions',
    conditions: [{ text: 'Signage', source: 'decision' }],
    overrides: [{ key: 'notice', rationale: 'Leaflets' }],
    monitoring: PLAN,
  }

  it('accepts a complete approval with conditions', () => {
    expect(decisionProblems(approval, issues)).toEqual([])
  })

  it('refuses to approve despite a blocking issue without an override for it', () => {
    expect(decisionProblems({ ...approval, overrides: [{ key: 'notice', rationale: undefined }] }, issues)).toEqual([
      [['overrides', 0, 'rationale'], 'To approve despite this blocking issue, record why'],
    ])
    expect(decisionProblems({ ...approval, outcome: 'approve', conditions: [], overrides: [] }, issues)).toHaveLength(1)
  })

  it('matches conditions to the outcome and asks an approval for its plan', () => {
    expect(decisionProblems({ ...approval, conditions: [] }, [])[0]?.[1]).toBe('Add at least one condition, or choose another outcome')
    expect(decisionProblems({ ...approval, outcome: 'approve' }, [])[0]?.[1]).toBe('Choose “Approve with conditions”, or remove the conditions')
    expect(decisionProblems({ ...approval, monitoring: undefined }, [])).toEqual([
      [['monitoring', 'intervalMonths'], 'Set the monitoring plan for the approval'],
    ])
  })

  it('needs no override, conditions or plan to reject', () => {
    expect(decisionProblems({ outcome: 'reject', conditions: [], overrides: [], monitoring: undefined }, issues)).toEqual([])
  })

  function form(values: Record<string, string>) {
    const data = new FormData()
    for (const [k, v] of Object.entries({ intent: 'record', version: '7', rationale: 'Because.', ...values })) data.append(k, v)
    return parseWithZod(data, { schema: decisionSchema(issues) })
  }

  it('drops a half-filled plan from a rejection instead of failing on it', () => {
    const result = form({ outcome: 'reject', 'monitoring.intervalMonths': '', 'monitoring.indicators[0].name': 'Visits' })
    expect(result.status).toBe('success')
    expect(result.status === 'success' && result.value.monitoring).toBeUndefined()
  })

  it('reports the override and the plan together with the other fields’ errors', () => {
    const result = form({ outcome: 'approve_with_conditions', 'conditions[0].text': 'Signage', 'overrides[0].key': 'notice', rationale: '' })
    expect(result.status).toBe('error')
    expect(translateReply(result.reply(), 'en').error).toMatchObject({
      rationale: ['Explain the decision'],
      'overrides[0].rationale': ['To approve despite this blocking issue, record why'],
      'monitoring.intervalMonths': ['Set the monitoring plan for the approval'],
    })
  })

  it('refuses markup and an unknown outcome as field errors', () => {
    const result = form({ outcome: 'abolish', rationale: '<script>alert(1)</script>' })
    expect(result.status).toBe('error')
    expect(translateReply(result.reply(), 'en').error).toMatchObject({ outcome: ['Choose the outcome'], rationale: ['Remove the HTML tags: this field takes plain text'] })
  })
})
