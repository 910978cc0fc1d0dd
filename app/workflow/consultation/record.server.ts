import {
  findProfessionalBodyConsultation,
  findStaffConsultation,
  latestUnionConsultation,
  listConcerns,
  listRecommendations,
} from '#db/consultation.server'
import { type Queryable } from '#db/client.server'
import { type ProfessionalBodyConsultation, type Recommendation, type StaffConcern, type StaffConsultation, type UnionConsultation } from '~/pdf/record-data'
import { type Condition } from '#machines/vocabulary/decision'
import { loadProposal } from '~/workflow/apply-event.server'

/** What the signed decision record shows of the consultation, in the record's own types. */
export type ConsultationRecord = {
  professionalBody: ProfessionalBodyConsultation
  staff: StaffConsultation
  union: UnionConsultation
  /** Accepted recommendations and the commitments made in answer to concerns. */
  conditions: Condition[]
}

export class ConsultationIncompleteError extends Error {}

/**
 * The consultation of a proposal's current round, as the decision record and
 * monitoring need it. Only called once both regions are done; anything
 * missing then is a fault, not something to paper over on a signed record.
 */
export async function getConsultationRecord(
  db: Queryable,
  organisationId: string,
  proposalId: string,
): Promise<ConsultationRecord> {
  const loaded = await loadProposal(db, organisationId, proposalId)
  if (!loaded) throw new ConsultationIncompleteError('Proposal not found')
  const key = { proposalId, round: loaded.snapshot.context.revisions }
  const [pb, staff, union, concerns] = await Promise.all([
    findProfessionalBodyConsultation(db, key),
    findStaffConsultation(db, key),
    latestUnionConsultation(db, key),
    listConcerns(db, key),
  ])
  if (!staff) throw new ConsultationIncompleteError('The staff consultation has not been opened')
  if (!union && loaded.snapshot.context.unionRequired) {
    throw new ConsultationIncompleteError('The trade union’s response has not been recorded')
  }
  const recommendations = pb ? await listRecommendations(db, pb.id) : []
  if (recommendations.some((r) => r.answer === null)) {
    throw new ConsultationIncompleteError('A recommendation has not been answered')
  }

  // Concerns raised later, in monitoring, belong to that stage's records.
  const consulted = concerns.filter((c) => c.phase === 'consultation')
  const staffConcerns: StaffConcern[] = consulted.map((c) => ({
    category: c.category,
    // A hidden concern's words stay in the database, not on the record.
    text: c.hiddenReason === null ? c.text : '',
    raisedBy: c.anonymous
      ? { anonymous: true }
      : { anonymous: false, name: c.authorName ?? 'A former member of staff' },
    raisedOn: c.raisedOn,
    endorsements: c.endorsements,
    response:
      c.response !== null && c.respondedOn !== null
        ? { text: c.response, respondedOn: c.respondedOn }
        : null,
    hidden: c.hiddenReason === null ? null : { reason: c.hiddenReason },
  }))

  return {
    professionalBody: {
      request: pb
        ? { sentOn: pb.sentOn, contact: pb.contact, shared: pb.shared, deadline: pb.deadline }
        : null,
      response:
        pb?.receivedOn && pb.responseSummary !== null
          ? {
              received: true,
              receivedOn: pb.receivedOn,
              summary: pb.responseSummary,
              recommendations: recommendations.map((r): Recommendation =>
                r.answer === 'accepted'
                  ? { text: r.text, answer: 'accepted' }
                  : { text: r.text, answer: 'not_accepted', rationale: r.rationale ?? '' },
              ),
            }
          : {
              received: false,
              note: pb?.closedNote ?? 'No request was sent to the professional body.',
            },
    },
    staff: {
      openedOn: staff.openedOn,
      closesOn: staff.closesOn,
      summary: staff.summary,
      concerns: staffConcerns,
    },
    union: union
      ? {
          recognised: true,
          union: union.unionName,
          consultedOn: union.consultedOn,
          response: union.response,
        }
      : { recognised: false },
    conditions: [
      ...recommendations
        .filter((r) => r.answer === 'accepted')
        .map((r): Condition => ({ text: r.text, source: 'professional_body' })),
      ...consulted
        .filter((c) => c.responseCondition && c.hiddenReason === null)
        .map((c): Condition => ({ text: c.responseCondition!, source: 'staff' })),
    ],
  }
}
