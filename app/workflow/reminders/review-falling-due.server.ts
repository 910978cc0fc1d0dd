import { type Database } from '#db/client.server'
import { reviewsFallingDue } from '#db/reminders.server'
import { findUserInOrganisation } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { addDays, formatDate } from '~/utils/calendar'
import { remindOnce } from './remind.server'

/** How far ahead the person who records a review hears that it is coming. */
export const REVIEW_NOTICE_DAYS = 14

/** Reminds whoever records each monitoring review that falls due within two weeks: once per review. */
export async function remindReviewsFallingDue(db: Database, input: { organisationId: string; today: string; mail: MailSettings }) {
  let sent = 0
  for (const review of await reviewsFallingDue(db, input.organisationId, input.today, addDays(input.today, REVIEW_NOTICE_DAYS))) {
    const person = await findUserInOrganisation(db, input.organisationId, review.responsibleId)
    const reminded = await remindOnce(
      db,
      {
        organisationId: input.organisationId,
        kind: 'review.due',
        subjectId: review.proposalId,
        period: `slot-${review.slot}`,
        people: person?.active ? [{ id: person.id, name: person.name, email: person.email }] : [],
        title: `Review ${review.slot} of ${review.title} is due on ${formatDate(review.dueOn)}`,
        body: 'Record it with the indicators’ values and the conditions’ status by then.',
        link: `/proposals/${review.proposalId}/monitoring/review`,
      },
      input.mail,
    )
    if (reminded) sent++
  }
  return sent
}
