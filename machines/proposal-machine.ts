import { and, assign, or, setup } from 'xstate'
import { staffBlockers } from './consultation-readiness'
import { type ProposalContext, type ProposalInput } from './proposal-context'
import { type ActorRole, type EventActor, type ProposalEvent } from './proposal-events'
import { isLastSignature, signerRole } from './signatures'
import { withinClosingDate } from './staff-contributions'

export type { ProposalEvent, EventActor, ActorRole } from './proposal-events'
export type { ProposalContext, ProposalInput } from './proposal-context'

/**
 * The review lifecycle of a partnership proposal. Every change to a proposal is
 * an event this machine accepts or refuses; the rules of who may do what, and
 * when, live here and nowhere else. Routes ask `snapshot.can(event)` to decide
 * what to offer a user.
 *
 * The context keeps only what the guards need (ids and flags); the content of
 * reviews, concerns and decisions lives in their own tables, written in the same
 * transaction as the snapshot (see app/workflow/apply-event.server.ts).
 *
 * Time never comes from the clock inside the machine: events that depend on it
 * carry `at` (ISO), so that a restored snapshot behaves the same whenever it runs.
 */
export const PROPOSAL_MACHINE_ID = 'proposal'
/** Bump on any change that old snapshots cannot be restored into, with a migration in ./snapshot-migrations.ts. */
export const PROPOSAL_MACHINE_VERSION = 1

const DAY_MS = 86_400_000
const isDate = (s: string) => !Number.isNaN(Date.parse(s))

function hasRole(actor: EventActor, role: ActorRole) {
  return actor.roles.includes(role)
}

/** A step-up-verified signature, from this organisation, by someone entitled to give it. */
function signs(ctx: ProposalContext, event: ProposalEvent) {
  return (
    event.actor.organisationId === ctx.organisationId &&
    ctx.pending !== null &&
    'stepUpVerified' in event &&
    event.stepUpVerified &&
    signerRole(ctx, event.actor) !== null
  )
}

export const proposalMachine = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    input: {} as ProposalInput,
  },
  guards: {
    sameOrganisation: ({ context, event }) => event.actor.organisationId === context.organisationId,
    isProposer: ({ context, event }) =>
      event.actor.id === context.proposerId && hasRole(event.actor, 'chief_librarian'),
    isChiefLibrarian: ({ event }) => hasRole(event.actor, 'chief_librarian') && event.actor.id !== null,
    isStaff: ({ event }) => hasRole(event.actor, 'staff'),
    /** Staff acting under their own name, as an incident report is. */
    isNamedStaff: ({ event }) => hasRole(event.actor, 'staff') && event.actor.id !== null,
    isSystem: ({ event }) => hasRole(event.actor, 'system') && event.actor.id === null,
    newConcerns: ({ context, event }) =>
      event.type === 'concern.release' &&
      new Set(event.concernIds).size === event.concernIds.length &&
      event.concernIds.every((c) => !(c in context.staff.concerns)),
    isSystemOrChief: ({ event }) =>
      hasRole(event.actor, 'system') || (hasRole(event.actor, 'chief_librarian') && event.actor.id !== null),
    reviewersAreValid: ({ context, event }) => {
      if (event.type !== 'reviewers.assign') return false
      const ids = new Set(event.reviewerIds)
      // A recused reviewer stays recused; the proposer may only add or keep others.
      const recused = Object.entries(context.reviewers).filter(([, s]) => s === 'recused')
      if (recused.some(([id]) => ids.has(id))) return false
      if (ids.has(context.proposerId)) return false
      return ids.size === event.reviewerIds.length && ids.size >= context.minReviewers
    },
    // In screening a reviewer may be added but none removed: dropping one whose
    // review is unwelcome would defeat independent screening.
    keepsActiveReviewers: ({ context, event }) =>
      event.type === 'reviewers.assign' &&
      Object.entries(context.reviewers).every(([id, s]) => s === 'recused' || event.reviewerIds.includes(id)),
    readyToSubmit: ({ context, event }) =>
      event.type === 'proposal.submit' &&
      event.intakeComplete &&
      Object.values(context.reviewers).filter((s) => s !== 'recused').length >= context.minReviewers,
    isUndeclaredReviewer: ({ context, event }) =>
      event.actor.id !== null &&
      context.reviewers[event.actor.id] === 'assigned' &&
      hasRole(event.actor, 'reviewer'),
    /** A recusal is part of the record, so it must say why. */
    recusalExplained: ({ event }) =>
      event.type === 'review.declare' && event.conflict && (event.reason ?? '').trim().length > 0,
    isClearedReviewer: ({ context, event }) =>
      event.actor.id !== null &&
      context.reviewers[event.actor.id] === 'cleared' &&
      hasRole(event.actor, 'reviewer'),
    enoughReviewsSubmitted: ({ context }) =>
      Object.values(context.reviewers).filter((s) => s === 'submitted').length >= context.minReviewers,
    validDeadline: ({ event }) => event.type === 'pb.request' && isDate(event.deadline),
    hasRecommendationsOrNone: ({ event }) =>
      event.type === 'pb.respond' && new Set(event.recommendationIds).size === event.recommendationIds.length,
    isOpenRecommendation: ({ context, event }) =>
      event.type === 'pb.answer' &&
      context.professionalBody.recommendations[event.recommendationId] === false &&
      (event.accepted || (event.rationale ?? '').trim().length > 0),
    allRecommendationsAnswered: ({ context }) =>
      Object.values(context.professionalBody.recommendations).every(Boolean),
    deadlinePassed: ({ context, event }) =>
      event.type === 'pb.closeWithoutResponse' &&
      context.professionalBody.deadline !== null &&
      Date.parse(event.at) > Date.parse(context.professionalBody.deadline) &&
      event.note.trim().length > 0,
    closingDateLongEnough: ({ context, event }) =>
      event.type === 'staff.open' &&
      isDate(event.closingDate) &&
      Date.parse(event.closingDate) - Date.parse(event.at) >= context.minConsultationDays * DAY_MS,
    beforeClosingDate: ({ context, event }) =>
      event.type === 'concern.raise' &&
      withinClosingDate(context.staff, event.at) &&
      !(event.concernId in context.staff.concerns),
    isKnownConcern: ({ context, event }) =>
      'concernId' in event && event.concernId in context.staff.concerns,
    isUnansweredConcern: ({ context, event }) =>
      'concernId' in event && context.staff.concerns[event.concernId] === false,
    staffReadyToComplete: ({ context, event }) =>
      event.type === 'staff.complete' && staffBlockers(context, event.at).length === 0,
    noSignatureYet: ({ context }) => !context.pending || context.pending.signedBy.length === 0,
    /** A signature on the outcome awaiting signatures; listed after `settles`, so it takes those that are not the last. */
    canSign: ({ context, event }) => signs(context, event),
    /** The last signature needed, which settles the pending outcome if it is one of these. */
    settles: ({ context, event }, params: { outcomes: string[] }) =>
      signs(context, event) && isLastSignature(context) && params.outcomes.includes(context.pending?.outcome ?? ''),
    isBreach: ({ event }) => event.type === 'monitoring.review' && event.breach,
  },
  actions: {
    /**
     * For events that change no workflow state but are still part of the record
     * (a draft saved, an endorsement, an incident): XState treats a transition
     * with no target and no action as forbidden, so these name this one.
     */
    recorded: () => {},
    addSignature: assign({
      pending: ({ context, event }) =>
        context.pending && event.actor.id
          ? { ...context.pending, signedBy: [...context.pending.signedBy, event.actor.id] }
          : context.pending,
    }),
    clearPending: assign({ pending: null }),
    setPending: assign({
      pending: ({ event }) => ('outcome' in event ? { outcome: event.outcome, signedBy: [] } : null),
    }),
  },
}).createMachine({
  id: PROPOSAL_MACHINE_ID,
  initial: 'draft',
  context: ({ input }) => ({
    ...input,
    reviewers: {},
    professionalBody: { deadline: null, responded: false, recommendations: {}, closedWithoutResponse: false },
    staff: { closingDate: null, concerns: {}, unionRecorded: false },
    pending: null,
    revisions: 0,
    reviewsRecorded: 0,
  }),
  on: {
    // Incidents can be recorded at any stage once a partnership exists or is proposed,
    // by the chief librarian or by the staff who saw them happen.
    'incident.record': { guard: and(['sameOrganisation', or(['isChiefLibrarian', 'isNamedStaff'])]), actions: 'recorded' },
  },
  states: {
    draft: {
      on: {
        'proposal.update': { guard: and(['sameOrganisation', 'isProposer']), actions: 'recorded' },
        'reviewers.assign': {
          guard: and(['sameOrganisation', 'isProposer', 'reviewersAreValid']),
          actions: assign({
            reviewers: ({ context, event }) =>
              Object.fromEntries([
                ...Object.entries(context.reviewers).filter(([, s]) => s === 'recused'),
                ...event.reviewerIds.map((id) => [id, context.reviewers[id] ?? 'assigned'] as const),
              ]),
          }),
        },
        'proposal.submit': {
          guard: and(['sameOrganisation', 'isProposer', 'readyToSubmit']),
          target: 'screening',
        },
        'proposal.withdraw': { guard: and(['sameOrganisation', 'isProposer']), target: 'withdrawn' },
      },
    },
    screening: {
      on: {
        'review.declare': [
          {
            guard: and(['sameOrganisation', 'isUndeclaredReviewer', 'recusalExplained']),
            actions: assign({
              reviewers: ({ context, event }) => ({ ...context.reviewers, [event.actor.id!]: 'recused' }),
            }),
          },
          {
            guard: and(['sameOrganisation', 'isUndeclaredReviewer', ({ event }) => !event.conflict]),
            actions: assign({
              reviewers: ({ context, event }) => ({ ...context.reviewers, [event.actor.id!]: 'cleared' }),
            }),
          },
        ],
        // A replacement for a recused reviewer; reviewers already at work keep their status.
        'reviewers.assign': {
          guard: and(['sameOrganisation', 'isProposer', 'reviewersAreValid', 'keepsActiveReviewers']),
          actions: assign({
            reviewers: ({ context, event }) =>
              Object.fromEntries([
                ...Object.entries(context.reviewers).filter(([, s]) => s === 'recused'),
                ...event.reviewerIds.map((id) => [id, context.reviewers[id] ?? 'assigned'] as const),
              ]),
          }),
        },
        'review.save': { guard: and(['sameOrganisation', 'isClearedReviewer']), actions: 'recorded' },
        'review.submit': {
          guard: and(['sameOrganisation', 'isClearedReviewer']),
          actions: assign({
            reviewers: ({ context, event }) => ({ ...context.reviewers, [event.actor.id!]: 'submitted' }),
          }),
        },
        'screening.complete': {
          guard: and(['sameOrganisation', 'isProposer', 'enoughReviewsSubmitted']),
          target: 'consultation',
        },
        'proposal.withdraw': { guard: and(['sameOrganisation', 'isProposer']), target: 'withdrawn' },
      },
    },
    consultation: {
      type: 'parallel',
      onDone: 'decision',
      on: {
        'proposal.withdraw': { guard: and(['sameOrganisation', 'isProposer']), target: 'withdrawn' },
      },
      states: {
        professionalBody: {
          initial: 'notRequested',
          states: {
            notRequested: {
              on: {
                'pb.request': {
                  guard: and(['sameOrganisation', 'isProposer', 'validDeadline']),
                  target: 'awaitingResponse',
                  actions: assign({
                    professionalBody: ({ context, event }) => ({
                      ...context.professionalBody,
                      deadline: event.deadline,
                    }),
                  }),
                },
              },
            },
            awaitingResponse: {
              on: {
                'pb.respond': {
                  guard: and(['sameOrganisation', 'isProposer', 'hasRecommendationsOrNone']),
                  target: 'answering',
                  actions: assign({
                    professionalBody: ({ context, event }) => ({
                      ...context.professionalBody,
                      responded: true,
                      recommendations: Object.fromEntries(event.recommendationIds.map((id) => [id, false])),
                    }),
                  }),
                },
                'pb.closeWithoutResponse': {
                  guard: and(['sameOrganisation', 'isProposer', 'deadlinePassed']),
                  target: 'done',
                  actions: assign({
                    professionalBody: ({ context }) => ({ ...context.professionalBody, closedWithoutResponse: true }),
                  }),
                },
              },
            },
            answering: {
              on: {
                'pb.answer': {
                  guard: and(['sameOrganisation', 'isProposer', 'isOpenRecommendation']),
                  actions: assign({
                    professionalBody: ({ context, event }) => ({
                      ...context.professionalBody,
                      recommendations: { ...context.professionalBody.recommendations, [event.recommendationId]: true },
                    }),
                  }),
                },
                'pb.complete': {
                  guard: and(['sameOrganisation', 'isProposer', 'allRecommendationsAnswered']),
                  target: 'done',
                },
              },
            },
            done: { type: 'final' },
          },
        },
        staff: {
          initial: 'notOpened',
          states: {
            notOpened: {
              on: {
                'staff.open': {
                  guard: and(['sameOrganisation', 'isProposer', 'closingDateLongEnough']),
                  target: 'open',
                  actions: assign({
                    staff: ({ context, event }) => ({ ...context.staff, closingDate: event.closingDate }),
                  }),
                },
              },
            },
            open: {
              on: {
                'concern.raise': {
                  guard: and(['sameOrganisation', 'isStaff', 'beforeClosingDate']),
                  actions: assign({
                    staff: ({ context, event }) => ({
                      ...context.staff,
                      concerns: { ...context.staff.concerns, [event.concernId]: false },
                    }),
                  }),
                },
                'concern.endorse': { guard: and(['sameOrganisation', 'isStaff', 'isKnownConcern']), actions: 'recorded' },
                // Held concerns are released after the closing date too: at the closing itself.
                'concern.release': {
                  guard: and(['sameOrganisation', 'isSystem', 'newConcerns']),
                  actions: assign({
                    staff: ({ context, event }) => ({
                      ...context.staff,
                      concerns: {
                        ...context.staff.concerns,
                        ...Object.fromEntries(event.concernIds.map((c) => [c, false])),
                      },
                    }),
                  }),
                },
                'concern.respond': {
                  guard: and(['sameOrganisation', 'isProposer', 'isUnansweredConcern']),
                  actions: assign({
                    staff: ({ context, event }) => ({
                      ...context.staff,
                      concerns: { ...context.staff.concerns, [event.concernId]: true },
                    }),
                  }),
                },
                'concern.hide': {
                  guard: and(['sameOrganisation', 'isProposer', 'isKnownConcern']),
                  actions: assign({
                    staff: ({ context, event }) => ({
                      ...context.staff,
                      concerns: { ...context.staff.concerns, [event.concernId]: true },
                    }),
                  }),
                },
                'union.record': {
                  guard: and(['sameOrganisation', 'isProposer']),
                  actions: assign({ staff: ({ context }) => ({ ...context.staff, unionRecorded: true }) }),
                },
                'staff.complete': {
                  guard: and(['sameOrganisation', 'isProposer', 'staffReadyToComplete']),
                  target: 'done',
                },
              },
            },
            done: { type: 'final' },
          },
        },
      },
    },
    decision: {
      initial: 'drafting',
      states: {
        drafting: {
          on: {
            'decision.record': {
              guard: and(['sameOrganisation', 'isProposer']),
              target: 'signing',
              actions: 'setPending',
            },
          },
        },
        signing: {
          on: {
            // Until someone signs, the proposer may still change the decision.
            'decision.record': {
              guard: and(['sameOrganisation', 'isProposer', 'noSignatureYet']),
              actions: 'setPending',
            },
            'decision.sign': [
              {
                guard: { type: 'settles', params: { outcomes: ['approve', 'approve_with_conditions'] } },
                target: '#proposal.approved',
                actions: ['addSignature'],
              },
              {
                guard: { type: 'settles', params: { outcomes: ['reject'] } },
                target: '#proposal.rejected',
                actions: ['addSignature'],
              },
              {
                guard: { type: 'settles', params: { outcomes: ['return_for_revision'] } },
                target: '#proposal.draft',
                actions: [
                  'addSignature',
                  assign({
                    revisions: ({ context }) => context.revisions + 1,
                    // A revised proposal is screened afresh by the same reviewers.
                    reviewers: ({ context }) =>
                      Object.fromEntries(
                        Object.entries(context.reviewers).map(([id, s]) => [id, s === 'recused' ? s : 'assigned']),
                      ),
                    professionalBody: () => ({
                      deadline: null,
                      responded: false,
                      recommendations: {},
                      closedWithoutResponse: false,
                    }),
                    staff: () => ({ closingDate: null, concerns: {}, unionRecorded: false }),
                  }),
                ],
              },
              { guard: 'canSign', actions: 'addSignature' },
            ],
          },
        },
      },
    },
    approved: {
      on: {
        'monitoring.start': { guard: and(['sameOrganisation', 'isChiefLibrarian']), target: 'monitoring' },
      },
    },
    monitoring: {
      entry: 'clearPending',
      on: {
        'monitoring.review': [
          {
            guard: and(['sameOrganisation', 'isChiefLibrarian', 'isBreach']),
            target: 'reassessment',
            actions: assign({ reviewsRecorded: ({ context }) => context.reviewsRecorded + 1 }),
          },
          {
            guard: and(['sameOrganisation', 'isChiefLibrarian']),
            actions: assign({ reviewsRecorded: ({ context }) => context.reviewsRecorded + 1 }),
          },
        ],
        'monitoring.escalate': { guard: and(['sameOrganisation', 'isSystemOrChief']), target: 'reassessment' },
        'concern.raise': { guard: and(['sameOrganisation', 'isStaff']), actions: 'recorded' },
        'concern.endorse': { guard: and(['sameOrganisation', 'isStaff']), actions: 'recorded' },
        'concern.release': { guard: and(['sameOrganisation', 'isSystem']), actions: 'recorded' },
        'concern.respond': { guard: and(['sameOrganisation', 'isChiefLibrarian']), actions: 'recorded' },
        'contract.end': { guard: and(['sameOrganisation', 'isChiefLibrarian']), target: 'concluded' },
      },
    },
    reassessment: {
      initial: 'deciding',
      entry: 'clearPending',
      states: {
        deciding: {
          on: {
            'reassessment.record': {
              guard: and(['sameOrganisation', 'isChiefLibrarian']),
              target: 'signing',
              actions: 'setPending',
            },
          },
        },
        signing: {
          on: {
            'reassessment.record': {
              guard: and(['sameOrganisation', 'isChiefLibrarian', 'noSignatureYet']),
              actions: 'setPending',
            },
            'reassessment.sign': [
              {
                guard: { type: 'settles', params: { outcomes: ['continue', 'add_conditions'] } },
                target: '#proposal.monitoring',
                actions: 'addSignature',
              },
              {
                guard: { type: 'settles', params: { outcomes: ['suspend'] } },
                target: '#proposal.suspended',
                actions: 'addSignature',
              },
              {
                guard: { type: 'settles', params: { outcomes: ['terminate'] } },
                target: '#proposal.terminated',
                actions: 'addSignature',
              },
              { guard: 'canSign', actions: 'addSignature' },
            ],
          },
        },
      },
      on: {
        'concern.raise': { guard: and(['sameOrganisation', 'isStaff']), actions: 'recorded' },
        'concern.endorse': { guard: and(['sameOrganisation', 'isStaff']), actions: 'recorded' },
        'concern.release': { guard: and(['sameOrganisation', 'isSystem']), actions: 'recorded' },
        'concern.respond': { guard: and(['sameOrganisation', 'isChiefLibrarian']), actions: 'recorded' },
      },
    },
    suspended: {
      initial: 'deciding',
      entry: 'clearPending',
      states: {
        deciding: {
          on: {
            'suspension.record': {
              guard: and(['sameOrganisation', 'isChiefLibrarian']),
              target: 'signing',
              actions: 'setPending',
            },
          },
        },
        signing: {
          on: {
            'suspension.record': {
              guard: and(['sameOrganisation', 'isChiefLibrarian', 'noSignatureYet']),
              actions: 'setPending',
            },
            'suspension.sign': [
              {
                guard: { type: 'settles', params: { outcomes: ['resume'] } },
                target: '#proposal.monitoring',
                actions: 'addSignature',
              },
              {
                guard: { type: 'settles', params: { outcomes: ['terminate'] } },
                target: '#proposal.terminated',
                actions: 'addSignature',
              },
              { guard: 'canSign', actions: 'addSignature' },
            ],
          },
        },
      },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    terminated: { type: 'final' },
    concluded: { type: 'final' },
  },
})

export type ProposalMachine = typeof proposalMachine
