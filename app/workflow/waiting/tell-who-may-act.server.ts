import { type Database } from '#db/client.server'
import { listUsers } from '#db/users.server'
import { can } from '#machines/proposal-workflow'
import { mayViewProposal } from '#machines/proposal-visibility'
import { kickDelivery, type MailSettings } from '~/utils/mail.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { remindOnce } from '~/workflow/reminders/remind.server'
import { candidateEvents, type Candidate, type WaitingAction } from './waiting-for-you.server'

type Telling = { kind: string; title: (proposal: string) => string; body: string }

/** What each person is told, in the app and by e-mail, when something starts to wait for them. */
const TELLINGS: Record<WaitingAction, Telling> = {
  sign_decision: {
    kind: 'signature.next',
    title: (p) => `The decision on ${p} awaits your signature`,
    body: 'Read the decision and sign it with your password so that its record can be issued.',
  },
  sign_reassessment: {
    kind: 'signature.next',
    title: (p) => `The reassessment outcome on ${p} awaits your signature`,
    body: 'It has been signed once and needs yours to be settled. Read it and sign it with your password.',
  },
  sign_suspension: {
    kind: 'signature.next',
    title: (p) => `The suspension outcome on ${p} awaits your signature`,
    body: 'It has been signed once and needs yours to be settled. Read it and sign it with your password.',
  },
  declare_interests: {
    kind: 'review.assigned',
    title: (p) => `You are a reviewer of ${p}`,
    body: 'Declare any conflict of interest first; then score the criteria and answer the privacy checklist.',
  },
  submit_review: {
    kind: 'review.assigned',
    title: (p) => `Your review of ${p} is awaited`,
    body: 'Score the criteria and answer the privacy checklist, then submit your review.',
  },
  answer_recommendation: {
    kind: 'recommendation.to-answer',
    title: (p) => `The professional body’s recommendations on ${p} await your answer`,
    body: 'Say for each recommendation whether it is accepted, and why.',
  },
  answer_concern: {
    kind: 'concern.to-answer',
    title: (p) => `Staff concerns about ${p} await your answer`,
    body: 'Publish a response to each concern before the consultation can be completed.',
  },
  record_review: {
    kind: 'review.due',
    title: (p) => `A monitoring review of ${p} is due`,
    body: 'Record it with the indicators’ values and the conditions’ status.',
  },
}

/**
 * Tells whoever the machine would now let do one of `actions` on this proposal,
 * in the app and by e-mail: the same derivation as their "Waiting for you"
 * list, so the two cannot disagree. `period` makes each telling once-only
 * (a signature's proposal version, a round of reviewers, a day's concerns).
 * Returns whether anyone was told.
 */
export async function tellWhoMayAct(
  db: Database,
  input: {
    organisationId: string
    proposalId: string
    actions: WaitingAction[]
    period: string
    mail: MailSettings
    /** Narrows the candidates, e.g. to concerns old enough to be told of. */
    only?: (candidate: Candidate) => boolean
  },
): Promise<boolean> {
  const loaded = await loadProposal(db, input.organisationId, input.proposalId)
  if (!loaded) return false
  const { row, snapshot } = loaded
  const candidates = candidateEvents({ id: row.id, nextReviewDueOn: null }, snapshot, '').filter(
    (c) => input.actions.includes(c.action) && (input.only?.(c) ?? true),
  )
  if (candidates.length === 0) return false
  const people = (await listUsers(db, input.organisationId)).filter((p) => p.active && mayViewProposal(row, p))
  let told = false
  for (const action of input.actions) {
    const ofAction = candidates.filter((c) => c.action === action)
    const who = people.filter((p) =>
      ofAction.some((c) => can(snapshot, { ...c.event, actor: { id: p.id, roles: p.roles, organisationId: input.organisationId } })),
    )
    if (who.length === 0) continue
    const telling = TELLINGS[action]
    const sent = await remindOnce(
      db,
      {
        organisationId: input.organisationId,
        kind: telling.kind,
        subjectId: row.id,
        period: `${action}:${input.period}`,
        people: who.map((p) => ({ id: p.id, name: p.name, email: p.email })),
        title: telling.title(row.title),
        body: telling.body,
        link: ofAction[0]!.link,
      },
      input.mail,
    )
    told ||= sent
  }
  if (told && input.mail.smtp) kickDelivery()
  return told
}
