import { describe, expect, it } from 'vitest'
import {
  AUDIT_KINDS,
  AuditDetailSchema,
  type AuditDetail,
} from '#machines/vocabulary/audit-entries'
import { describeAuditEntry, renderAuditDetail } from '~/utils/audit-summary'

const CASES: [AuditDetail, string][] = [
  [{ kind: 'proposal.created' }, 'Proposal created'],
  [{ kind: 'draft.saved' }, 'Draft saved'],
  [{ kind: 'attachment.added', filename: 'Contract.pdf' }, 'Attached “Contract.pdf”'],
  [{ kind: 'attachment.removed' }, 'Attachment removed'],
  [{ kind: 'reviewers.assigned' }, 'Ethics reviewers assigned'],
  [{ kind: 'proposal.submitted' }, 'Submitted for ethics screening'],
  [{ kind: 'proposal.withdrawn' }, 'Withdrawn'],
  [{ kind: 'reviewer.added' }, 'Ethics reviewer added'],
  [
    { kind: 'conflict.declared', conflict: true },
    'A reviewer declared a conflict of interest and is recused',
  ],
  [{ kind: 'conflict.declared', conflict: false }, 'A reviewer declared no conflict of interest'],
  [{ kind: 'scores.saved', submitted: true }, 'A reviewer submitted their scores'],
  [{ kind: 'scores.saved', submitted: false }, 'A reviewer saved draft scores'],
  [{ kind: 'screening.completed' }, 'Ethics screening completed'],
  [
    { kind: 'pb.requested', body: 'CILIP', deadline: '2025-05-10' },
    'Opinion requested from CILIP, due by 10 May 2025',
  ],
  [
    { kind: 'pb.response.recorded', body: 'CILIP', recommendations: 1 },
    'Response from CILIP recorded, with one recommendation',
  ],
  [
    { kind: 'pb.response.recorded', body: null, recommendations: 2 },
    'Response from the professional body recorded, with 2 recommendations',
  ],
  [
    { kind: 'pb.recommendation.answered', accepted: true },
    'Recommendation accepted as a condition',
  ],
  [
    { kind: 'pb.recommendation.answered', accepted: false },
    'Recommendation not accepted, with a rationale',
  ],
  [{ kind: 'pb.closed.unanswered' }, 'Closed: no response was received by the deadline'],
  [{ kind: 'pb.completed' }, 'Professional body consultation completed'],
  [
    { kind: 'staff.opened', closesOn: '2025-06-01' },
    'Staff consultation opened, closing on 1 June 2025',
  ],
  [{ kind: 'union.response.recorded', union: 'UNISON' }, 'Response of UNISON recorded'],
  [{ kind: 'staff.completed' }, 'Staff consultation completed'],
  [
    { kind: 'concern.raised', anonymous: true, category: 'privacy' },
    'Concern raised anonymously: privacy',
  ],
  [
    { kind: 'concern.raised', anonymous: false, category: 'other' },
    'Concern raised: something else',
  ],
  [{ kind: 'concern.endorsed', anonymous: true }, 'Concern endorsed anonymously'],
  [{ kind: 'concern.endorsed', anonymous: false }, 'Concern endorsed'],
  [
    { kind: 'concern.answered', condition: true },
    'Response published to a concern, with a condition',
  ],
  [{ kind: 'concern.answered', condition: false }, 'Response published to a concern'],
  [{ kind: 'concern.hidden' }, 'A concern was hidden for breaking the code of conduct'],
  [{ kind: 'anonymous.released', concerns: 2, endorsements: 1, occasion: 'daily', digest: 'a'.repeat(64) }, '2 anonymous concerns and 1 anonymous endorsement released'],
  [{ kind: 'anonymous.released', concerns: 1, endorsements: 0, occasion: 'closing', digest: 'b'.repeat(64) }, '1 anonymous concern released at the consultation’s closing'],
  [
    { kind: 'decision.recorded', outcome: 'approve_with_conditions' },
    'Decision recorded for signature: Approved with conditions',
  ],
  [
    { kind: 'decision.signed', signer: { role: 'signatory' }, issued: null },
    'Decision signed as signatory, after re-entering their password.',
  ],
  [
    {
      kind: 'decision.signed',
      // Written before ADR 031: the name stays in the entry, but is not shown from it.
      signer: { name: 'Ann Lee', role: 'chief_librarian' },
      issued: 'reject',
    },
    'Decision signed as chief librarian, after re-entering their password. Rejected: signed record issued.',
  ],
  [{ kind: 'monitoring.started' }, 'Monitoring started'],
  [{ kind: 'contract.ended' }, 'Contract ended'],
  [
    { kind: 'review.recorded', slot: 2, status: 'green', findings: [], escalates: false },
    'Review 2 recorded (Green)',
  ],
  [
    {
      kind: 'review.recorded',
      slot: 1,
      status: 'red',
      findings: ['Visits fell 15%', 'A condition not met'],
      escalates: true,
    },
    'Review 1 recorded (Red): Visits fell 15%; A condition not met. The partnership goes back for reassessment.',
  ],
  [
    { kind: 'incident.recorded', occurredOn: '2025-03-04', location: 'Northgate' },
    'Incident recorded: 4 March 2025, Northgate',
  ],
  [{ kind: 'escalated', reason: 'Complaints' }, 'Escalated for reassessment: Complaints'],
  [
    { kind: 'concern.surge', raised: 3, limit: 3 },
    'A surge of staff concerns: 3 raised in this review period, against a limit of 3. The partnership goes back for reassessment.',
  ],
  [
    { kind: 'outcome.proposed', phase: 'reassessment', outcome: 'continue' },
    'Reassessment outcome proposed for signature: Continue as it is',
  ],
  [
    { kind: 'outcome.proposed', phase: 'suspension', outcome: 'resume' },
    'Suspension outcome proposed for signature: Resume the partnership',
  ],
  [
    { kind: 'outcome.signed', outcome: 'suspend', inForce: true },
    'Outcome signed and in force: Suspend the partnership. Signed addendum issued.',
  ],
  [
    { kind: 'outcome.signed', outcome: 'terminate', inForce: false },
    'Outcome signed: Terminate the partnership',
  ],
  [
    { kind: 'outcome.signed', stepUp: { method: 'password' }, outcome: 'suspend', inForce: true },
    'Outcome signed after re-entering their password, and in force: Suspend the partnership. Signed addendum issued.',
  ],
  [
    {
      kind: 'outcome.signed',
      stepUp: { method: 'sso', provider: 'Fairhaven Entra ID' },
      outcome: 'terminate',
      inForce: false,
    },
    'Outcome signed after signing in again at Fairhaven Entra ID (single sign-on): Terminate the partnership',
  ],
]

describe('audit entries', () => {
  it.each(CASES)('renders %j', (detail, text) => {
    expect(AuditDetailSchema.parse(detail)).toEqual(detail)
    expect(renderAuditDetail(detail)).toBe(text)
    expect(describeAuditEntry({ detail, summary: 'stale text', eventType: 'x' })).toBe(text)
  })

  it('has a rendering case for every kind', () => {
    expect(new Set(CASES.map(([d]) => d.kind))).toEqual(new Set(AUDIT_KINDS))
  })

  it('renders every kind in Welsh for a Welsh reader, with no English left', () => {
    const english = new Map(CASES.map(([d, text]) => [JSON.stringify(d), text]))
    for (const [detail] of CASES) {
      const welsh = describeAuditEntry({ detail, summary: 'stale text', eventType: 'x' }, 'cy')
      expect(welsh, detail.kind).not.toBe(english.get(JSON.stringify(detail)))
      expect(welsh, detail.kind).not.toMatch(/\b(recorded|signed|released|concern|reviewer|the)\b/)
    }
  })

  it('words Welsh counts, dates, outcomes and roles in Welsh', () => {
    const cy = (detail: AuditDetail) => renderAuditDetail(detail, 'cy')
    expect(cy({ kind: 'pb.requested', body: 'CILIP', deadline: '2025-05-10' })).toBe('Gofynnwyd am farn y corff proffesiynol, CILIP, erbyn 10 Mai 2025')
    expect(cy({ kind: 'pb.response.recorded', body: null, recommendations: 1 })).toBe('Cofnodwyd ymateb y corff proffesiynol, gydag un argymhelliad')
    expect(cy({ kind: 'anonymous.released', concerns: 2, endorsements: 1, occasion: 'daily', digest: 'a'.repeat(64) })).toBe(
      'Rhyddhawyd 2 bryder dienw, 1 gefnogaeth ddienw',
    )
    expect(cy({ kind: 'anonymous.released', concerns: 3, endorsements: 0, occasion: 'closing', digest: 'b'.repeat(64) })).toBe(
      'Rhyddhawyd 3 phryder dienw pan gaeodd yr ymgynghoriad',
    )
    expect(cy({ kind: 'concern.raised', anonymous: true, category: 'privacy' })).toBe('Codwyd pryder yn ddienw: preifatrwydd')
    expect(cy({ kind: 'decision.signed', signer: { role: 'chief_librarian' }, issued: 'reject' })).toBe(
      'Llofnodwyd y penderfyniad fel prif lyfrgellydd, ar ôl rhoi eu cyfrinair eto. Gwrthodwyd: cyhoeddwyd y cofnod wedi’i lofnodi.',
    )
    expect(cy({ kind: 'review.recorded', slot: 2, status: 'green', findings: [], escalates: false })).toBe('Cofnodwyd adolygiad 2 (Gwyrdd)')
  })

  it('keeps the stored text of an entry written before details existed, in whatever language the reader has', () => {
    expect(describeAuditEntry({ detail: null, summary: 'Draft saved', eventType: 'proposal.update' }, 'cy')).toBe('Draft saved')
  })

  it('reads an entry written before details existed from its stored text, or names its event', () => {
    expect(
      describeAuditEntry({ detail: null, summary: 'Draft saved', eventType: 'proposal.update' }),
    ).toBe('Draft saved')
    expect(describeAuditEntry({ detail: null, summary: '', eventType: 'proposal.update' })).toBe(
      'proposal.update',
    )
  })

  it('refuses data a kind does not have, such as an author on an anonymous concern', () => {
    expect(
      AuditDetailSchema.safeParse({
        kind: 'concern.raised',
        anonymous: true,
        category: 'ethics',
        author: 'someone',
      }).success,
    ).toBe(false)
    expect(AuditDetailSchema.safeParse({ kind: 'no.such.kind' }).success).toBe(false)
  })
})
