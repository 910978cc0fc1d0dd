import { type Database } from '#db/client.server'
import { listUsers } from '#db/users.server'
import { can } from '#machines/proposal-workflow'
import { mayViewProposal } from '#machines/proposal-visibility'
import { kickDelivery, type MailSettings } from '~/utils/mail.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { remindOnce } from '~/workflow/reminders/remind.server'
import { candidateEvents, type Candidate, type WaitingAction } from './waiting-for-you.server'

/**
 * What each person is told, in the app and by e-mail, when something starts
 * to wait for them: the kind of notice; the words are the 'email' catalogue's
 * `waiting.<action>`.
 */
const TELLING_KINDS: Record<WaitingAction, string> = {
  sign_decision: 'signature.next',
  sign_reassessment: 'signature.next',
  sign_suspension: 'signature.next',
  declare_interests: 'review.assigned',
  submit_review: 'review.assigned',
  answer_recommendation: 'recommendation.to-answer',
  answer_concern: 'concern.to-answer',
  record_review: 'review.due',
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
    const sent = await remindOnce(
      db,
      {
        organisationId: input.organisationId,
        kind: TELLING_KINDS[action],
        subjectId: row.id,
        period: `${action}:${input.period}`,
        people: who.map((p) => ({ id: p.id, name: p.name, email: p.email, preferredLanguage: p.preferredLanguage })),
        wording: (t) => ({ title: t(`waiting.${action}.title`, { title: row.title }), body: t(`waiting.${action}.body`) }),
        link: ofAction[0]!.link,
      },
      input.mail,
    )
    told ||= sent
  }
  if (told && input.mail.smtp) kickDelivery()
  return told
}
