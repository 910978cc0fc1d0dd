import {
  endorsedAmong,
  findProfessionalBodyConsultation,
  findStaffConsultation,
  latestUnionConsultation,
  listConcerns,
  listRecommendations,
  namedEndorsers,
} from '#db/consultation.server'
import { type Queryable } from '#db/client.server'
import { type Proposal } from '#db/schema'
import { staffBlockers } from '#machines/consultation-readiness'
import { type ProposalEvent } from '#machines/proposal-events'
import { can, stageOf, type ProposalSnapshot } from '#machines/proposal-workflow'
import { actorFor } from '~/workflow/actor.server'
import { earliestClosingDate, endOfServiceDay, serviceDate } from '~/utils/calendar'
import { concernTag } from './concerns.server'
import { staffBlockerNotes } from './staff.server'
import { type Person } from '~/workflow/person'

type RegionState<T extends string> = T | 'notStarted' | 'done'

function regionState<T extends string>(
  snapshot: ProposalSnapshot,
  region: 'professionalBody' | 'staff',
): RegionState<T> {
  const value = snapshot.value
  if (typeof value === 'object' && 'consultation' in value) {
    const regions = value.consultation as Record<string, string>
    return regions[region] as T
  }
  // Before consultation nothing has started; after it, both regions are done.
  return ['draft', 'screening', 'withdrawn'].includes(stageOf(value)) ? 'notStarted' : 'done'
}

/**
 * Everything the consultation pages show one person, and which of the
 * machine's events that person may send now. Staff see what staff may see:
 * never who raised an anonymous concern, only whether it was themselves.
 */
export async function getConsultationView(
  db: Queryable,
  input: {
    proposal: Pick<Proposal, 'id' | 'version'>
    snapshot: ProposalSnapshot
    user: Person
    secret: string
    bodyName: string
    now?: Date
  },
) {
  const { snapshot, user, proposal } = input
  const now = input.now ?? new Date()
  const actor = actorFor(user)
  const allows = (event: ProposalEvent) => can(snapshot, event)
  const key = { proposalId: proposal.id, round: snapshot.context.revisions }
  const [pb, staff, union, concerns, endorsers] = await Promise.all([
    findProfessionalBodyConsultation(db, key),
    findStaffConsultation(db, key),
    latestUnionConsultation(db, key),
    listConcerns(db, key),
    namedEndorsers(db, key),
  ])
  const recommendations = pb ? await listRecommendations(db, pb.id) : []
  const myTags = new Map(concerns.map((c) => [c.id, concernTag(input.secret, user.id, c.id)]))
  const endorsed = await endorsedAmong(db, [...myTags.values()])
  const pbState = regionState<'notRequested' | 'awaitingResponse' | 'answering'>(
    snapshot,
    'professionalBody',
  )
  const staffState = regionState<'notOpened' | 'open'>(snapshot, 'staff')
  const at = now.toISOString()
  const earliest = earliestClosingDate(now, snapshot.context.minConsultationDays)

  return {
    version: proposal.version,
    isProposer: snapshot.context.proposerId === user.id,
    isStaff: user.roles.includes('staff'),
    bodyName: pb?.bodyName ?? input.bodyName,
    today: serviceDate(now),
    professionalBody: {
      state: pbState,
      request: pb
        ? { sentOn: pb.sentOn, contact: pb.contact, shared: pb.shared, deadline: pb.deadline }
        : null,
      response: pb?.receivedOn
        ? { receivedOn: pb.receivedOn, summary: pb.responseSummary ?? '' }
        : null,
      closedNote: pb?.closedNote ?? null,
      recommendations: recommendations.map((r) => ({
        id: r.id,
        position: r.position,
        text: r.text,
        answer: r.answer,
        rationale: r.rationale,
        canAnswer: allows({ type: 'pb.answer', recommendationId: r.id, accepted: true, actor }),
      })),
      unanswered: recommendations.filter((r) => r.answer === null).length,
      can: {
        request: allows({ type: 'pb.request', deadline: at, actor }),
        respond: allows({ type: 'pb.respond', recommendationIds: [], actor }),
        close: allows({ type: 'pb.closeWithoutResponse', at, note: 'placeholder', actor }),
        complete: allows({ type: 'pb.complete', actor }),
      },
    },
    staff: {
      state: staffState,
      consultation: staff
        ? {
            summary: staff.summary,
            openedOn: staff.openedOn,
            closesOn: staff.closesOn,
            closed: now.getTime() > staff.closesAt.getTime(),
          }
        : null,
      earliestClosingDate: earliest,
      minDays: snapshot.context.minConsultationDays,
      unionRequired: snapshot.context.unionRequired,
      union: union
        ? { unionName: union.unionName, consultedOn: union.consultedOn, response: union.response }
        : null,
      blockers:
        staffState === 'open'
          ? staffBlockerNotes(staffBlockers(snapshot.context, at), snapshot.context.staff.closingDate)
          : [],
      can: {
        open: allows({
          type: 'staff.open',
          closingDate: endOfServiceDay(earliest).toISOString(),
          at,
          actor,
        }),
        raise: allows({ type: 'concern.raise', concernId: 'new', at, actor }),
        union: allows({ type: 'union.record', actor }),
        complete: allows({ type: 'staff.complete', at, actor }),
      },
    },
    concerns: concerns.map((c) => {
      const hidden = c.hiddenReason !== null
      return {
        id: c.id,
        phase: c.phase,
        category: c.category,
        text: hidden ? null : c.text,
        author: c.anonymous ? null : (c.authorName ?? 'A former member of staff'),
        raisedOn: c.raisedOn,
        endorsements: c.endorsements,
        endorsers: endorsers.get(c.id) ?? [],
        response: c.response,
        condition: c.responseCondition,
        respondedOn: c.respondedOn,
        hiddenReason: c.hiddenReason,
        mine: myTags.get(c.id) === c.authorTag,
        endorsed: endorsed.has(c.id),
        can: {
          endorse: !hidden && allows({ type: 'concern.endorse', concernId: c.id, actor }),
          respond:
            allows({ type: 'concern.respond', concernId: c.id, actor }) &&
            !hidden &&
            c.response === null,
          hide:
            !hidden &&
            allows({ type: 'concern.hide', concernId: c.id, reason: 'placeholder', actor }),
        },
      }
    }),
  }
}

export type ConsultationView = Awaited<ReturnType<typeof getConsultationView>>
