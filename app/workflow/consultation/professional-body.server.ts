import {
  answerRecommendation as answerRecommendationRow,
  closeProfessionalBodyWithoutResponse,
  completeProfessionalBodyConsultation,
  findProfessionalBodyConsultation,
  insertProfessionalBodyRequest,
  recordProfessionalBodyResponse,
} from '#db/consultation.server'
import { type Database, type Queryable } from '#db/client.server'
import { findOrganisation } from '#db/users.server'
import { StorageError } from '~/utils/attachments.server'
import { type MailSettings } from '~/utils/mail.server'
import { actorFor } from '~/workflow/actor.server'
import { tellWhoMayAct } from '~/workflow/waiting/tell-who-may-act.server'
import { applyEvent, loadProposal } from '~/workflow/apply-event.server'
import { RefusedError } from '~/workflow/refusal'
import { endOfServiceDay, formatDate, serviceDate } from '~/utils/calendar'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import {
  checkPapers,
  insertPapers,
  PAPER_PURPOSES,
  type Checked,
  type Papers,
} from './papers.server'
import { refuse, type Refusal } from '~/workflow/refusal'
import { type Person } from '~/workflow/person'

/**
 * The professional body's side of the consultation (the machine's
 * `professionalBody` region): the proposer records the request, the response
 * with each recommendation, an answer to each, and completes the region — or
 * closes it with a note when the deadline passed with no response.
 */

/** `locale`: the reader's language, for the words of a refusal (English by default). */
type Common = { user: Person; proposalId: string; now?: Date; locale?: Locale }

const words = (input: { locale?: Locale }) => fixedT(input.locale ?? DEFAULT_LOCALE, 'validation')

const round = (after: { context: { revisions: number } }, proposalId: string) => ({
  proposalId,
  round: after.context.revisions,
})

export async function requestOpinion(
  db: Database,
  input: Common & {
    sentOn: string
    contact: string
    shared: string
    deadline: string
    papers?: Papers
    expectedVersion?: number
  },
) {
  const now = input.now ?? new Date()
  if (input.sentOn > serviceDate(now)) {
    return refuse(400, words(input)('professionalBody.sentInFuture'), 'sentOn')
  }
  const papers = checkPapers(input.papers?.files ?? [], 'papers', input.locale)
  if (!papers.ok) return papers
  const organisation = await findOrganisation(db, input.user.organisationId)
  const bodyName = organisation?.settings.professionalBodyName ?? 'the professional body'
  return withPapers(input, papers.checked, PAPER_PURPOSES.request, (attach) =>
    applyEvent(db, {
      organisationId: input.user.organisationId,
      proposalId: input.proposalId,
      locale: input.locale,
      event: {
        type: 'pb.request',
        deadline: endOfServiceDay(input.deadline).toISOString(),
        actor: actorFor(input.user),
      },
      expectedVersion: input.expectedVersion,
      now,
      audit: { kind: 'pb.requested', body: bodyName, deadline: input.deadline },
      effect: async (tx, after) => {
        await insertProfessionalBodyRequest(tx, {
          ...round(after, input.proposalId),
          bodyName,
          sentOn: input.sentOn,
          contact: input.contact,
          shared: input.shared,
          deadline: input.deadline,
          requestedBy: input.user.id,
          requestedAt: now,
        })
        await attach(tx)
      },
    }),
  )
}

export async function recordResponse(
  db: Database,
  input: Common & {
    receivedOn: string
    summary: string
    recommendations: string[]
    papers?: Papers
    expectedVersion?: number
    mail: MailSettings
  },
) {
  const now = input.now ?? new Date()
  if (input.receivedOn > serviceDate(now)) {
    return refuse(400, words(input)('professionalBody.receivedInFuture'), 'receivedOn')
  }
  const papers = checkPapers(input.papers?.files ?? [], 'papers', input.locale)
  if (!papers.ok) return papers
  const loaded = await loadProposal(db, input.user.organisationId, input.proposalId)
  const request = loaded
    ? await findProfessionalBodyConsultation(db, {
        proposalId: input.proposalId,
        round: loaded.snapshot.context.revisions,
      })
    : undefined
  if (request && input.receivedOn < request.sentOn) {
    return refuse(
      400,
      words(input)('professionalBody.receivedBeforeSent', { date: formatDate(request.sentOn, input.locale) }),
      'receivedOn',
    )
  }
  const recommendations = input.recommendations.map((text) => ({ id: crypto.randomUUID(), text }))
  const n = recommendations.length
  const recorded = await withPapers(input, papers.checked, PAPER_PURPOSES.response, (attach) =>
    applyEvent(db, {
      organisationId: input.user.organisationId,
      proposalId: input.proposalId,
      locale: input.locale,
      event: {
        type: 'pb.respond',
        recommendationIds: recommendations.map((r) => r.id),
        actor: actorFor(input.user),
      },
      expectedVersion: input.expectedVersion,
      now,
      audit: { kind: 'pb.response.recorded', body: request?.bodyName ?? null, recommendations: n },
      effect: async (tx, after) => {
        const recorded = await recordProfessionalBodyResponse(
          tx,
          round(after, input.proposalId),
          {
            receivedOn: input.receivedOn,
            summary: input.summary,
            respondedBy: input.user.id,
            respondedAt: now,
          },
          recommendations,
        )
        if (!recorded) {
          throw new RefusedError(words(input)('professionalBody.noOpenRequest'), 409)
        }
        await attach(tx)
      },
    }),
  )
  // Its recommendations now wait for an answer from whoever the machine lets give one.
  if (recorded.ok && n > 0) {
    await tellWhoMayAct(db, {
      organisationId: input.user.organisationId,
      proposalId: input.proposalId,
      actions: ['answer_recommendation'],
      period: `response-${recorded.proposal.version}`,
      mail: input.mail,
    })
  }
  return recorded
}

/** Runs the event, whose effect stores and attaches the papers in its own transaction: all of them or none. */
async function withPapers<T extends { ok: boolean }>(
  input: Common & { papers?: Papers },
  checked: Checked[],
  purpose: string,
  run: (attach: (tx: Queryable) => Promise<void>) => Promise<T>,
): Promise<T | Refusal> {
  const { user, proposalId, papers } = input
  if (!papers || checked.length === 0) return run(async () => {})
  const values = { organisationId: user.organisationId, proposalId, purpose, uploadedBy: user.id }
  return run((tx) => insertPapers(tx, values, checked, input.locale)).catch((error: unknown) => {
    if (error instanceof StorageError) return refuse(503, error.message, 'papers')
    throw error
  })
}

/** Accepted, it becomes a condition of the decision; not accepted, it needs a rationale. */
export async function answerRecommendation(
  db: Database,
  input: Common & { recommendationId: string; accepted: boolean; rationale?: string },
) {
  const now = input.now ?? new Date()
  const rationale = input.accepted ? null : (input.rationale?.trim() ?? '')
  if (rationale === '')
    return refuse(400, words(input)('professionalBody.rationaleRequired'), 'rationale')
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: {
      type: 'pb.answer',
      recommendationId: input.recommendationId,
      accepted: input.accepted,
      rationale: rationale ?? undefined,
      actor: actorFor(input.user),
    },
    now,
    audit: { kind: 'pb.recommendation.answered', accepted: input.accepted },
    effect: async (tx, after) => {
      const answered = await answerRecommendationRow(
        tx,
        round(after, input.proposalId),
        input.recommendationId,
        {
          accepted: input.accepted,
          rationale,
          answeredBy: input.user.id,
          answeredAt: now,
        },
      )
      if (!answered) throw new RefusedError(words(input)('professionalBody.alreadyAnswered'), 409)
    },
  })
}

export async function closeWithoutResponse(
  db: Database,
  input: Common & { note: string; expectedVersion?: number },
) {
  const now = input.now ?? new Date()
  const loaded = await loadProposal(db, input.user.organisationId, input.proposalId)
  const deadline = loaded?.snapshot.context.professionalBody.deadline
  if (
    loaded?.snapshot.context.proposerId === input.user.id &&
    deadline &&
    now.getTime() <= Date.parse(deadline)
  ) {
    return refuse(
      409,
      words(input)('professionalBody.deadlineNotPassed', { date: formatDate(serviceDate(new Date(deadline)), input.locale) }),
    )
  }
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: {
      type: 'pb.closeWithoutResponse',
      at: now.toISOString(),
      note: input.note,
      actor: actorFor(input.user),
    },
    expectedVersion: input.expectedVersion,
    now,
    audit: { kind: 'pb.closed.unanswered' },
    effect: async (tx, after) => {
      const closed = await closeProfessionalBodyWithoutResponse(
        tx,
        round(after, input.proposalId),
        {
          note: input.note,
          closedBy: input.user.id,
          closedAt: now,
        },
      )
      if (!closed) throw new RefusedError(words(input)('professionalBody.alreadyResponded'), 409)
    },
  })
}

export async function completeProfessionalBody(
  db: Database,
  input: Common & { expectedVersion?: number },
) {
  const now = input.now ?? new Date()
  const loaded = await loadProposal(db, input.user.organisationId, input.proposalId)
  const open = Object.values(
    loaded?.snapshot.context.professionalBody.recommendations ?? {},
  ).filter((answered) => !answered)
  // What is missing is the proposer's business; anyone else is simply refused by the machine.
  if (loaded?.snapshot.context.proposerId === input.user.id && open.length > 0) {
    return refuse(409, words(input)('professionalBody.unanswered', { count: open.length }))
  }
  return applyEvent(db, {
    organisationId: input.user.organisationId,
    proposalId: input.proposalId,
    locale: input.locale,
    event: { type: 'pb.complete', actor: actorFor(input.user) },
    expectedVersion: input.expectedVersion,
    now,
    audit: { kind: 'pb.completed' },
    effect: (tx, after) =>
      completeProfessionalBodyConsultation(tx, round(after, input.proposalId), now),
  })
}
