import { type AddendumData, type CriterionResult, type DecisionRecordData, type StaffConcern } from '~/pdf/record-data'
import { DEFAULT_RISK_BANDS, bandFor } from '#machines/vocabulary/risk'

/**
 * Record data for tests and the benchmark: the visa-services case from the
 * domain brief, and a deliberately large record.
 */

export const META = {
  reference: 'LLS-2025-014-R1',
  issuedAt: new Date('2025-06-12T14:05:00Z'),
  verifyUrl: 'http://localhost:4200/verify/6f1c2b9e-4a57-4d0e-9d61-3b1f6a2c8e10',
  accessibleUrl: 'http://localhost:4200/verify/6f1c2b9e-4a57-4d0e-9d61-3b1f6a2c8e10/record',
}

export const ANONYMOUS_CONCERN =
  'Colleagues who came to this country as refugees say they would not feel safe working beside a Home Office service.'

function criterion(
  id: string,
  name: string,
  principles: string[],
  scores: [likelihood: number, impact: number, residualLikelihood: number, residualImpact: number][],
  reviewers: string[],
  rationale: (i: number) => string,
): CriterionResult {
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b)
    const mid = Math.floor(s.length / 2)
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  }
  const inherent = scores.map(([l, i]) => l * i)
  const bands = inherent.map((s) => ['low', 'medium', 'high', 'very_high'].indexOf(bandFor(s)))
  const ml = median(scores.map((s) => s[0]))
  const mi = median(scores.map((s) => s[1]))
  const rl = median(scores.map((s) => s[2]))
  const ri = median(scores.map((s) => s[3]))
  return {
    id,
    name,
    principles,
    median: { likelihood: ml, impact: mi, score: median(inherent) },
    range: { min: Math.min(...inherent), max: Math.max(...inherent) },
    disagreement: Math.max(...bands) - Math.min(...bands) >= 2,
    residual: { likelihood: rl, impact: ri, score: median(scores.map((s) => s[2] * s[3])) },
    reviews: scores.map(([l, i, r1, r2], n) => ({
      reviewer: reviewers[n]!,
      likelihood: l,
      impact: i,
      rationale: rationale(n),
      mitigations: n % 2 ? 'Signage that explains the service is run by the Home Office’s contractor, not the library.' : '',
      residual: { likelihood: r1, impact: r2 },
    })),
  }
}

export function visaRecordData(): DecisionRecordData {
  const reviewers = ['Zoë Müller', 'Gwilym ap Rhys']
  const concerns: StaffConcern[] = [
    {
      category: 'ethics',
      text: 'Hosting immigration processing sits badly with a library that promises a welcome to everyone.',
      raisedBy: { anonymous: false, name: 'Siân Llŷr' },
      raisedOn: '2025-05-02',
      endorsements: 41,
      response: { text: 'Accepted as a condition: the service will not display Home Office branding in public areas.', respondedOn: '2025-05-20' },
      hidden: null,
    },
    {
      category: 'safety',
      text: ANONYMOUS_CONCERN,
      raisedBy: { anonymous: true },
      raisedOn: '2025-05-06',
      endorsements: 27,
      response: { text: 'No library staff member will be asked to work in the biometric booth; rotas are voluntary.', respondedOn: '2025-05-21' },
      hidden: null,
    },
    {
      category: 'workload',
      text: 'Front-desk staff at Ysbyty Ystwyth already cover two roles; appointment queries will land on them.',
      raisedBy: { anonymous: false, name: 'Dafydd Ŵyn' },
      raisedOn: '2025-05-09',
      endorsements: 12,
      response: { text: 'Sopra Steria will staff its own appointment line; desk staff will direct callers to it.', respondedOn: '2025-05-21' },
      hidden: null,
    },
  ]
  return {
    record: META,
    organisation: { name: 'Llyfrgelloedd Sir Ddinbych – Denbighshire Libraries', professionalBodyName: 'CILIP' },
    proposal: {
      reference: 'LLS-2025-014',
      title: 'Visa biometrics enrolment in branch libraries',
      partner: 'UK Visas and Immigration (Home Office)',
      contractor: 'Sopra Steria',
      service: 'Biometric enrolment (fingerprints and photographs) for visa and immigration applicants, by appointment',
      deliveredBy: 'Partner staff, in a booth on library premises',
      sites: ['Llanfairpwllgwyngyll', 'Ysbyty Ystwyth', 'Rhuthun Central'],
      startDate: '2025-09-01',
      endDate: '2028-08-31',
      renewalTerms: 'Renews yearly unless either side gives three months’ notice',
      income: '£18,500 a year',
      costs: 'Booth space and power; about two hours of staff time a week',
      purpose: 'Income to keep Saturday opening at three branches; a local service for applicants who now travel 60 miles.',
      personalData: {
        categories: ['Fingerprints', 'Facial images', 'Identity documents'],
        sharedWith: 'The Home Office, through its contractor; none with the library',
        retention: 'Held by the Home Office under its own retention policy',
        processedWhere: 'On the contractor’s equipment, transmitted to the Home Office',
      },
      userGroups: ['Visa and immigration applicants', 'All library users at the three sites'],
      vulnerableGroups: ['Migrants', 'Asylum seekers'],
      priorEngagement: 'None before the proposal was drafted',
    },
    screening: {
      rubricVersion: 1,
      bands: DEFAULT_RISK_BANDS,
      recusals: [{ reviewer: 'Owain Pŵel', reason: 'Spouse works for the contractor' }],
      criteria: [
        criterion('trust', 'Public trust and perceived neutrality', ['CILIP: impartiality', 'IFLA: neutrality'], [[4, 4, 3, 4], [5, 4, 4, 3]], reviewers, (i) =>
          i ? 'A state enforcement presence changes how some users see the library.' : 'Users may no longer see the library as neutral ground.',
        ),
        criterion('privacy', 'Privacy and confidentiality of user data', ['CILIP: confidentiality', 'ALA: privacy'], [[2, 5, 2, 4], [3, 5, 2, 4]], reviewers, () =>
          'Biometric data is processed on site, though not by the library.',
        ),
        criterion('equality', 'Equality, inclusion and deterrence of vulnerable users', ['CILIP: human rights and equalities', 'ALA: equitable access'], [[4, 5, 3, 4], [2, 3, 2, 2]], reviewers, (i) =>
          i ? 'Appointments only; little contact with other users.' : 'Migrants who fear enforcement may stop coming to the library at all.',
        ),
        criterion('staff', 'Staff welfare and conflicts with professional ethics', ['ALA: employees’ rights'], [[4, 3, 2, 3], [3, 3, 2, 2]], reviewers, () =>
          'Staff have objected in an open letter.',
        ),
        criterion('reputation', 'Reputational risk to the service and the sector', ['CILIP: public benefit'], [[4, 4, 3, 3], [4, 4, 3, 3]], reviewers, () =>
          'National coverage is likely; the sector body was not engaged.',
        ),
      ],
    },
    privacy: {
      items: [
        { question: 'Contract consistent with the library’s privacy policy', answer: 'yes', evidence: 'Clause 14 of the draft contract', required: true },
        { question: 'Users told when they leave the library’s privacy protection', answer: 'no', evidence: 'No notice planned', required: true },
        { question: 'Minors’ data handled with special care', answer: 'not_applicable', evidence: 'Applicants under 18 attend with a guardian', required: false },
      ],
      blockingIssues: [
        {
          issue: 'Users told when they leave the library’s privacy protection: no',
          override: { rationale: 'Signage and a leaflet will be in place before opening (condition 3).', by: 'Rhiannon Ŷr, Chief Librarian' },
        },
      ],
    },
    professionalBody: {
      request: { sentOn: '2025-04-10', contact: 'CILIP Policy team', shared: 'The proposal summary and draft contract', deadline: '2025-05-10' },
      response: {
        received: true,
        receivedOn: '2025-05-08',
        summary: 'CILIP questions the fit with library values and asks for transparency and monitoring.',
        recommendations: [
          { text: 'Consult affected staff openly before any launch.', answer: 'accepted' },
          { text: 'Monitor usage and perception at the affected branches and act on any fall.', answer: 'accepted' },
          { text: 'Do not proceed until national guidance on commercial partnerships exists.', answer: 'not_accepted', rationale: 'No date is set for that guidance; monitoring answers the risk meanwhile.' },
        ],
      },
    },
    staff: {
      openedOn: '2025-04-28',
      closesOn: '2025-05-19',
      summary: 'The service proposes hosting visa biometrics enrolment at three branches. Tell us your concerns.',
      concerns,
    },
    union: { recognised: true, union: 'UNISON Denbighshire branch', consultedOn: '2025-05-14', response: 'Opposes the proposal; asks that no member be required to staff it.' },
    decision: {
      outcome: 'approve_with_conditions',
      rationale: 'The income keeps branches open and applicants are spared a long journey; the conditions answer the main concerns.',
      decidedBy: 'Rhiannon Ŷr, Chief Librarian',
      decidedAt: new Date('2025-06-12T13:40:00Z'),
      conditions: [
        { text: 'Consult affected staff openly before launch.', source: 'professional_body' },
        { text: 'Monitor usage and perception and act on any fall.', source: 'professional_body' },
        { text: 'Signage and a leaflet tell users the service is outside the library’s privacy protection.', source: 'decision' },
        { text: 'No Home Office branding in public areas.', source: 'staff' },
      ],
      dissent: ['Gwilym ap Rhys would have rejected the proposal on equality grounds.'],
      monitoring: {
        intervalMonths: 3,
        indicators: [
          { name: 'Visits at affected branches', unit: 'visits a month', baseline: 12400, direction: 'higher_is_better', threshold: { kind: 'percent', value: 10 } },
          { name: 'Complaints about the service', unit: 'complaints a quarter', baseline: 2, direction: 'lower_is_better', threshold: { kind: 'absolute', value: 5 } },
        ],
      },
    },
    signatories: [
      { name: 'Rhiannon Ŷr', role: 'Chief Librarian', signedAt: new Date('2025-06-12T13:52:00Z') },
      { name: 'Cllr Zoë Müller-Prŷs', role: 'Cabinet member for libraries', signedAt: new Date('2025-06-12T14:04:00Z') },
    ],
    audit: { hash: '9d4c2f0a1b7e3c55e2a0d8f41c6b9a7730e1f2d4c5b6a7980e1d2c3b4a5f6e7d', seq: 187 },
  }
}

/** 15 criteria × 5 reviewers, 200 concerns and 12 indicators, with long texts. */
export function largeRecordData(): DecisionRecordData {
  const base = visaRecordData()
  const reviewers = ['Zoë Müller', 'Gwilym ap Rhys', 'Aled Ŵatkin', 'Brid O’Neill', 'Chidi Okafor']
  const long = (n: number) =>
    `Rationale ${n}: ` +
    'The reviewer weighed the likelihood that users at Llanfairpwllgwyngyll would change their behaviour against the evidence from other services, and the impact on trust if they did. '.repeat(
      2 + (n % 3),
    )
  const criteria = Array.from({ length: 15 }, (_, c) =>
    criterion(
      `c${c + 1}`,
      `Criterion ${c + 1}: ${['trust', 'privacy', 'equality', 'freedom', 'staff'][c % 5]} aspect ${Math.floor(c / 5) + 1}`,
      ['CILIP: impartiality', 'IFLA: neutrality'],
      reviewers.map((_, r) => [((c + r) % 5) + 1, ((c * 2 + r) % 5) + 1, Math.max(1, ((c + r) % 5)), Math.max(1, ((c * 2 + r) % 5))]),
      reviewers,
      (r) => long(c * 5 + r),
    ),
  )
  const categories = ['ethics', 'privacy', 'safety', 'workload', 'reputation', 'other'] as const
  const concerns: StaffConcern[] = Array.from({ length: 200 }, (_, i) => ({
    category: categories[i % 6]!,
    text: `Concern row ${i + 1}: ` + 'Staff at Ysbyty Ystwyth worry about how the booth changes the welcome at the door. '.repeat(1 + (i % 4)),
    raisedBy: i % 3 === 0 ? { anonymous: true } : { anonymous: false, name: `Staff member ${i + 1}` },
    raisedOn: '2025-05-06',
    endorsements: i % 17,
    response: { text: `Response to concern ${i + 1}: the condition on signage addresses this.`, respondedOn: '2025-05-21' },
    hidden: null,
  }))
  const indicators = Array.from({ length: 12 }, (_, i) => ({
    name: `Indicator row ${i + 1}`,
    unit: 'a month',
    baseline: 1000 + i * 250,
    direction: i % 2 ? ('lower_is_better' as const) : ('higher_is_better' as const),
    threshold: { kind: i % 3 ? ('percent' as const) : ('absolute' as const), value: 10 + i },
  }))
  return {
    ...base,
    screening: { ...base.screening, criteria },
    staff: { ...base.staff, concerns },
    decision: { ...base.decision, monitoring: { intervalMonths: 3, indicators } },
  }
}

export function addendumData(parentSha256: string): AddendumData {
  const visa = visaRecordData()
  return {
    record: { ...META, reference: 'LLS-2025-014-R2', issuedAt: new Date('2026-01-15T10:00:00Z') },
    organisation: visa.organisation,
    parent: { reference: META.reference, sha256: parentSha256, issuedAt: META.issuedAt },
    proposal: { reference: 'LLS-2025-014', title: visa.proposal.title, partner: visa.proposal.partner, contractor: 'Sopra Steria' },
    review: {
      trigger: 'threshold',
      summary: 'Visits at affected branches fell 15% against a 10% threshold.',
      reviewedOn: '2026-01-05',
      status: 'red',
      narrative: 'Visits at Llanfairpwllgwyngyll fell most; users told staff they avoid the branch on booth days.',
      readings: [
        { ...visa.decision.monitoring!.indicators[0]!, value: 10540, breached: true },
        { ...visa.decision.monitoring!.indicators[1]!, value: 3, breached: false },
      ],
      conditions: [
        { text: 'No Home Office branding in public areas.', status: 'met' },
        { text: 'Signage and a leaflet tell users the service is outside the library’s privacy protection.', status: 'in_progress' },
      ],
    },
    outcome: 'add_conditions',
    rationale: 'Move appointments to the quieter weekday mornings and survey users before the next review.',
    decidedBy: 'Rhiannon Ŷr, Chief Librarian',
    decidedAt: new Date('2026-01-15T09:30:00Z'),
    newConditions: [{ text: 'Appointments only on weekday mornings.', source: 'decision' }],
    monitoring: visa.decision.monitoring,
    signatories: visa.signatories.map((s) => ({ ...s, signedAt: new Date('2026-01-15T09:50:00Z') })),
    audit: { hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334455667788990aabbccddeeff', seq: 233 },
  }
}
