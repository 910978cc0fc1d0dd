import { type Database } from '#db/client.server'
import { listOrganisationIds } from '#db/reminders.server'
import { type MailSettings } from '~/utils/mail.server'
import { serviceDate } from '~/utils/calendar'
import { notifyOverdueReviews } from '~/workflow/monitoring/overdue.server'
import { remindConcernsToAnswer } from '~/workflow/reminders/concerns-to-answer.server'
import { remindConsultationsClosing } from '~/workflow/reminders/consultation-closing.server'
import { remindReviewsFallingDue } from '~/workflow/reminders/review-falling-due.server'
import { remindSignaturesAwaited } from '~/workflow/reminders/signatures-awaited.server'

/**
 * Every reminder of every service, as the hourly reminder job runs them. Each
 * kind sends a reminder once per thing and period, so running this again
 * (another hour, another instance) sends nothing twice.
 */
export async function sendReminders(db: Database, mail: MailSettings, now = new Date()) {
  const today = serviceDate(now)
  const sent = { overdue: 0, dueSoon: 0, closing: 0, signatures: 0, concerns: 0 }
  for (const organisationId of await listOrganisationIds(db)) {
    sent.overdue += await notifyOverdueReviews(db, { organisationId, today, mail })
    sent.dueSoon += await remindReviewsFallingDue(db, { organisationId, today, mail })
    sent.closing += await remindConsultationsClosing(db, { organisationId, today, mail })
    sent.signatures += await remindSignaturesAwaited(db, { organisationId, now, mail })
    sent.concerns += await remindConcernsToAnswer(db, { organisationId, today, mail })
  }
  return sent
}
