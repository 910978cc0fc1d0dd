import { type Database } from '#db/client.server'
import { reviewsFallingDue } from '#db/reminders.server'
import { type MailSettings } from '~/utils/mail.server'
import { addDays, formatDate } from '~/utils/calendar'
import { remindPersonOnce } from './remind.server'

/** How far ahead the person who records a review hears that it is coming. */
export const REVIEW_NOTICE_DAYS = 14

/** Reminds whoever records each monitoring review that falls due within two weeks: once per review. */
export async function remindReviewsFallingDue(db: Database, input: { organisationId: string; today: string; mail: MailSettings }) {
  let sent = 0
  for (const review of await reviewsFallingDue(db, input.organisationId, input.today, addDays(input.today, REVIEW_NOTICE_DAYS))) {
    const reminded = await remindPersonOnce(
      db,
      review.responsibleId,
      {
        organisationId: input.organisationId,
        kind: 'review.due',
        subjectId: review.proposalId,
        period: `slot-${review.slot}`,
        wording: (t, locale) => ({
          title: t('reviewDue.title', { slot: review.slot, title: review.title, date: formatDate(review.dueOn, locale) }),
          body: t('reviewDue.body'),
        }),
        link: `/proposals/${review.proposalId}/monitoring/review`,
      },
      input.mail,
    )
    if (reminded) sent++
  }
  return sent
}
