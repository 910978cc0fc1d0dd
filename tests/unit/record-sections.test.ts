import { describe, expect, it } from 'vitest'
import {
  addendumCoverFacts,
  auditFacts,
  blockingIssueRows,
  conditionCheckRows,
  conditionRows,
  coverFacts,
  criterionRows,
  decisionFacts,
  formatDate,
  formatDateTime,
  heatmapPoints,
  heatmapTitle,
  indicatorRows,
  intervalText,
  monitoringSection,
  privacyRows,
  professionalBodySection,
  proposalFacts,
  readingRows,
  reviewFacts,
  reviewRows,
  scoreColumnTitle,
  signatoryRows,
  staffSection,
  thresholdText,
  unionStatement,
} from '~/pdf/sections'
import { type Indicator } from '#machines/vocabulary/monitoring'
import { addendumData, ANONYMOUS_CONCERN, visaRecordData } from '#tests/support/decision-records'

const visa = visaRecordData()
const fact = (facts: [string, string][], label: string) => facts.find(([l]) => l === label)?.[1]

describe('dates', () => {
  it('prints calendar dates and moments in UK time, with the summer offset', () => {
    expect(formatDate('2025-03-04')).toBe('4 March 2025')
    expect(formatDate(new Date('2025-06-30T23:30:00Z'))).toBe('1 July 2025')
    expect(formatDateTime(new Date('2025-06-12T13:52:00Z'))).toBe('12 June 2025, 14:52 BST')
    expect(formatDateTime(new Date('2025-01-12T13:52:00Z'))).toBe('12 January 2025, 13:52 GMT')
  })
})

describe('cover and proposal', () => {
  it('names the service, references, partner, contractor, outcome and dates', () => {
    const facts = coverFacts(visa)
    expect(fact(facts, 'Library service')).toBe(visa.organisation.name)
    expect(fact(facts, 'Record reference')).toBe('LLS-2025-014-R1')
    expect(fact(facts, 'Partner')).toBe('UK Visas and Immigration (Home Office)')
    expect(fact(facts, 'Delivered by (contractor)')).toBe('Sopra Steria')
    expect(fact(facts, 'Outcome')).toBe('Approved with conditions')
    expect(fact(facts, 'Decision date')).toBe('12 June 2025')
  })

  it('says "Not stated" rather than leaving a gap, and counts the sites', () => {
    const facts = proposalFacts({ ...visa.proposal, renewalTerms: null, income: ' ', endDate: null })
    expect(fact(facts, 'Renewal terms')).toBe('Not stated')
    expect(fact(facts, 'Income to the service')).toBe('Not stated')
    expect(fact(facts, 'Period')).toBe('1 September 2025 to no end date')
    expect(fact(facts, 'Sites affected')).toBe('3: Llanfairpwllgwyngyll, Ysbyty Ystwyth, Rhuthun Central')
    expect(fact(facts, 'Vulnerable groups affected')).toBe('Migrants; Asylum seekers')
    expect(fact(proposalFacts({ ...visa.proposal, sites: [], vulnerableGroups: [] }), 'Vulnerable groups affected')).toBe('None')
  })
})

// The visa screening had two reviewers; the same with a third (whose scores
// repeat the first's) is summarised by the fixture's medians.
const threeReviewers = {
  ...visa.screening,
  criteria: visa.screening.criteria.map((c) => ({ ...c, reviews: [...c.reviews, { ...c.reviews[0]!, reviewer: 'Owain Pŵel' }] })),
}

describe('screening', () => {
  it('with three reviewers or more, gives each criterion its median, range, disagreement in words and residual risk', () => {
    const rows = criterionRows(threeReviewers)
    expect(rows).toHaveLength(5)
    expect(rows[0]).toEqual({
      name: 'Public trust and perceived neutrality',
      principles: 'CILIP: impartiality; IFLA: neutrality',
      median: '18, very high; L 4.5, I 4',
      range: '16–20',
      disagreement: 'No',
      residual: '12, high; L 3.5, I 3.5',
    })
    expect(rows[2]!.disagreement).toBe('Yes: two or more bands apart')
    expect(scoreColumnTitle(threeReviewers)).toBe('Median')
    expect(heatmapTitle(threeReviewers, 'median')).toBe('Inherent risk (median of reviewers)')
  })

  it('with fewer than three reviewers, shows each reviewer’s score instead of a median no one gave, and keeps the disagreement flag', () => {
    const rows = criterionRows(visa.screening)
    expect(rows[0]!.median).toBe('Zoë Müller: 16, very high; L 4, I 4. Gwilym ap Rhys: 20, very high; L 5, I 4')
    expect(rows[2]!.median).toBe('Zoë Müller: 20, very high; L 4, I 5. Gwilym ap Rhys: 6, medium; L 2, I 3')
    expect(rows[2]!.disagreement).toBe('Yes: two or more bands apart')
    expect(scoreColumnTitle(visa.screening)).toBe('Each reviewer’s score')
    expect(heatmapTitle(visa.screening, 'residual')).toBe('Residual risk after mitigations (each reviewer)')
  })

  it('bands by the screening’s own thresholds', () => {
    const strict = { ...threeReviewers, bands: { medium: 2, high: 3, veryHigh: 30 } }
    expect(criterionRows(strict)[1]!.median).toBe('12.5, high; L 2.5, I 5')
  })

  it('lists every reviewer’s score, rationale, mitigations and residual, and says when none were proposed', () => {
    const byCriterion = reviewRows(visa.screening)
    expect(byCriterion.map((c) => c.rows.length)).toEqual([2, 2, 2, 2, 2])
    expect(byCriterion[0]!.rows[0]).toEqual({
      reviewer: 'Zoë Müller',
      inherent: '4 × 4 = 16, very high',
      rationale: 'Users may no longer see the library as neutral ground.',
      mitigations: 'None proposed',
      residual: '3 × 4 = 12, high',
    })
  })

  it('places criteria on the heatmap by median or by residual from three reviewers, and each reviewer’s point below', () => {
    expect(heatmapPoints(threeReviewers, 'median')[0]).toEqual({ id: 'trust', label: 'Public trust and perceived neutrality', likelihood: 4.5, impact: 4 })
    expect(heatmapPoints(threeReviewers, 'residual')[0]).toMatchObject({ likelihood: 3.5, impact: 3.5 })
    expect(heatmapPoints(visa.screening, 'median').slice(0, 2)).toEqual([
      { id: 'trust:Zoë Müller', label: 'Public trust and perceived neutrality (Zoë Müller)', likelihood: 4, impact: 4 },
      { id: 'trust:Gwilym ap Rhys', label: 'Public trust and perceived neutrality (Gwilym ap Rhys)', likelihood: 5, impact: 4 },
    ])
    expect(heatmapPoints(visa.screening, 'residual')[1]).toMatchObject({ likelihood: 4, impact: 3 })
  })
})

describe('privacy', () => {
  it('marks a required "no" as blocking and shows each override with who made it', () => {
    const rows = privacyRows(visa.privacy)
    expect(rows.map((r) => r.answer)).toEqual(['Yes', 'No (blocking)', 'Not applicable'])
    expect(blockingIssueRows(visa.privacy)[0]!.resolution).toBe(
      'Overridden by Rhiannon Ŷr, Chief Librarian: Signage and a leaflet will be in place before opening (condition 3).',
    )
    expect(blockingIssueRows({ items: [], blockingIssues: [{ issue: 'x', override: null }] })[0]!.resolution).toBe(
      'Not overridden: the issue stands.',
    )
  })
})

describe('professional body', () => {
  it('lists each recommendation with its answer and the reason for one not accepted', () => {
    const s = professionalBodySection(visa.professionalBody, 'CILIP')
    expect(s.statement).toBe('CILIP made 3 recommendations; 2 accepted, 1 not accepted.')
    expect(s.recommendations.map((r) => r.answer)).toEqual([
      'Accepted: carried into the conditions',
      'Accepted: carried into the conditions',
      'Not accepted',
    ])
    expect(s.recommendations[2]!.rationale).toMatch(/No date is set/)
    expect(fact(s.request, 'Response received')).toBe('8 May 2025')
  })

  it('says plainly when no response was received, with the note recorded', () => {
    const s = professionalBodySection(
      { request: visa.professionalBody.request, response: { received: false, note: 'Deadline passed; two reminders sent.' } },
      'CILIP',
    )
    expect(s.statement).toBe('No response was received from CILIP.')
    expect(s.note).toBe('Deadline passed; two reminders sent.')
    expect(s.recommendations).toEqual([])
  })

  it('says when the body was never asked', () => {
    const s = professionalBodySection({ request: null, response: { received: false, note: '' } }, 'CILIP')
    expect(s.requestStatement).toBe('CILIP was not asked for its opinion.')
  })
})

describe('staff consultation', () => {
  const s = staffSection(visa.staff)

  it('counts concerns and endorsements by category, every category shown', () => {
    expect(s.counts).toHaveLength(6)
    expect(s.counts.find((c) => c.category === 'Ethics')).toEqual({ category: 'Ethics', concerns: 1, endorsements: 41 })
    expect(s.counts.find((c) => c.category === 'Privacy')).toEqual({ category: 'Privacy', concerns: 0, endorsements: 0 })
    expect(s.statement).toBe('Staff raised 3 concerns (1 anonymously), with 80 endorsements in all.')
  })

  it('prints an anonymous concern with its text and response but nothing about its author', () => {
    const anonymous = s.concerns[1]!
    expect(anonymous.author).toBe('Anonymous')
    expect(anonymous.text).toBe(ANONYMOUS_CONCERN)
    expect(anonymous.raisedOn).toBe('6 May 2025')
    expect(anonymous.response).toMatch(/^Response \(21 May 2025\): No library staff member/)
    expect(Object.keys(anonymous).sort()).toEqual(['author', 'category', 'endorsements', 'number', 'raisedOn', 'response', 'text'])
    expect(s.concerns[0]!.author).toBe('Siân Llŷr')
  })

  it('keeps a hidden concern’s reason, not its text, and says when no response was recorded', () => {
    const hidden = staffSection({
      ...visa.staff,
      concerns: [{ ...visa.staff.concerns[0]!, text: 'abusive words', hidden: { reason: 'Personal abuse' }, response: null }],
    }).concerns[0]!
    expect(hidden.text).toBe('Hidden under the code of conduct: Personal abuse')
    expect(hidden.response).toBe('No response was recorded.')
    expect(staffSection({ ...visa.staff, concerns: [] }).statement).toBe('No concerns were raised by staff.')
  })
})

describe('union', () => {
  it('reports the union’s response, or that none is recognised', () => {
    expect(unionStatement(visa.union)).toBe(
      'UNISON Denbighshire branch was consulted on 14 May 2025. Its response: Opposes the proposal; asks that no member be required to staff it.',
    )
    expect(unionStatement({ recognised: false })).toBe('The service recognises no trade union, so none was consulted.')
  })
})

describe('decision and monitoring', () => {
  it('states the outcome, who decided and why, and where each condition came from', () => {
    const facts = decisionFacts(visa.decision)
    expect(fact(facts, 'Outcome')).toBe('Approved with conditions')
    expect(fact(facts, 'Decided on')).toBe('12 June 2025, 14:40 BST')
    expect(conditionRows(visa.decision.conditions).map((c) => c.source)).toEqual([
      'Recommended by the professional body',
      'Recommended by the professional body',
      'Set by the decision',
      'Raised in staff consultation',
    ])
  })

  it('names review intervals', () => {
    expect([1, 3, 6, 12, 2].map(intervalText)).toEqual([
      'Every month (monthly)',
      'Every 3 months (quarterly)',
      'Every 6 months (half-yearly)',
      'Every 12 months (yearly)',
      'Every 2 months',
    ])
  })

  it('words thresholds in the direction that is worse, as a percentage or an absolute limit', () => {
    const visits: Indicator = { name: 'Visits', unit: 'visits', baseline: 12400, direction: 'higher_is_better', threshold: { kind: 'percent', value: 10 } }
    const complaints: Indicator = { name: 'Complaints', unit: 'complaints', baseline: 2, direction: 'lower_is_better', threshold: { kind: 'absolute', value: 5 } }
    expect(thresholdText(visits)).toBe('Reassess if it falls more than 10% below the baseline')
    expect(thresholdText({ ...visits, threshold: { kind: 'absolute', value: 400 } })).toBe('Reassess if it falls below 12,000 visits')
    expect(thresholdText(complaints)).toBe('Reassess if it rises above 7 complaints')
    expect(thresholdText({ ...complaints, threshold: { kind: 'percent', value: 50 } })).toBe('Reassess if it rises more than 50% above the baseline')
    expect(indicatorRows([visits])[0]).toEqual({
      name: 'Visits',
      baseline: '12,400 visits',
      direction: 'Higher is better',
      threshold: 'Reassess if it falls more than 10% below the baseline',
    })
  })

  it('explains a missing monitoring plan by the outcome', () => {
    expect(monitoringSection(null, 'reject').statement).toBe('No monitoring: the partnership was not approved.')
    expect(monitoringSection(null, 'approve').statement).toBe('No monitoring plan was recorded.')
    expect(monitoringSection(visa.decision.monitoring, 'approve').statement).toBe('Reviews every 3 months (quarterly), against 2 indicators.')
  })
})

describe('signatories and audit', () => {
  it('lists each signatory with the time they signed, and the chain head', () => {
    expect(signatoryRows(visa.signatories)).toEqual([
      { name: 'Rhiannon Ŷr', role: 'Chief Librarian', signedAt: '12 June 2025, 14:52 BST' },
      { name: 'Cllr Zoë Müller-Prŷs', role: 'Cabinet member for libraries', signedAt: '12 June 2025, 15:04 BST' },
    ])
    expect(auditFacts(visa.audit)).toEqual([
      ['Audit chain head (SHA-256)', visa.audit.hash],
      ['Audit entry number', '187'],
    ])
  })
})

describe('addendum', () => {
  const a = addendumData('ab'.repeat(32))

  it('links to the original record by reference and hash', () => {
    const facts = addendumCoverFacts(a)
    expect(fact(facts, 'Adds to record')).toBe('LLS-2025-014-R1')
    expect(fact(facts, 'Original record SHA-256')).toBe('ab'.repeat(32))
    expect(fact(facts, 'Outcome of reassessment')).toBe('Continue with added conditions')
  })

  it('shows the review that triggered it: trigger, readings against thresholds, conditions checked', () => {
    expect(fact(reviewFacts(a.review), 'What triggered reassessment')).toBe(
      'An indicator passed its threshold: Visits at affected branches fell 15% against a 10% threshold.',
    )
    const readings = readingRows(a.review.readings)
    expect(readings[0]).toMatchObject({ value: '10,540 visits a month', change: '-15%', breached: 'Yes: beyond threshold' })
    expect(readings[1]).toMatchObject({ change: '+50%', breached: 'No' })
    expect(conditionCheckRows(a.review.conditions).map((c) => c.status)).toEqual(['Met', 'In progress'])
  })
})

describe('document metadata', () => {
  it('titles the record and the addendum, names the organisation as author and the outcome as subject, in British English', async () => {
    const { documentMetadata } = await import('~/pdf/decision-record')
    const { addendumMetadata } = await import('~/pdf/addendum')
    const d = visaRecordData()
    expect(documentMetadata(d)).toEqual({
      title: 'Decision record LLS-2025-014-R1: Visa biometrics enrolment in branch libraries',
      author: 'Llyfrgelloedd Sir Ddinbych – Denbighshire Libraries',
      subject: 'Approved with conditions: partnership with UK Visas and Immigration (Home Office)',
      keywords: `decision record, ${d.proposal.reference}, UK Visas and Immigration (Home Office)`,
      creator: 'Probity',
      producer: 'Probity',
      language: 'en-GB',
    })
    expect(documentMetadata({ ...d, decision: { ...d.decision, outcome: 'return_for_revision' } }).subject).toMatch(/^Returned for revision: /)
    const a = addendumData('ab'.repeat(32))
    expect(addendumMetadata(a)).toMatchObject({ title: expect.stringMatching(/^Addendum LLS-2025-014-R2 to decision record LLS-2025-014-R1: /), language: 'en-GB' })
    expect(addendumMetadata(a).subject).toMatch(/^Reassessment: .+ \(partnership with UK Visas and Immigration \(Home Office\)\)$/)
  })
})
