import { type Database } from '#db/client.server'
import { claimOverdue, hasUnnotifiedOverdue } from '#db/monitoring.server'
import { insertNotifications, queueEmails } from '#db/notifications.server'
import { listUsers } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { formatDate } from '~/utils/calendar'

/**
 * Tells the person responsible, in the app and by e-mail, when a review of a
 * monitored partnership has passed its due date: once for each review. The
 * reminder job runs it (app/workflow/scheduled/send-reminders.server.ts).
 * Returns how many it notified.
 */
export async function notifyOverdueReviews(db: Database, input: { organisationId: string; today: string; mail: MailSettings }) {
  if (!(await hasUnnotifiedOverdue(db, input.organisationId, input.today))) return 0
  return db.transaction(async (tx) => {
    const overdue = await claimOverdue(tx, input.organisationId, input.today)
    if (overdue.length === 0) return 0
    const people = new Map((await listUsers(tx, input.organisationId)).map((p) => [p.id, p]))
    const notices = overdue.map((o) => ({
      organisationId: input.organisationId,
      userId: o.responsibleId,
      kind: 'review.overdue',
      title: `Review ${o.slot} of ${o.title} is overdue`,
      body: `It was due on ${formatDate(o.dueOn)}. Record it with the indicators’ values and the conditions’ status.`,
      link: `/proposals/${o.proposalId}/monitoring/review`,
    }))
    await insertNotifications(tx, notices)
    await queueEmails(
      tx,
      notices.flatMap((n) => {
        const person = people.get(n.userId)
        if (!person?.active) return []
        return [{ organisationId: n.organisationId, toAddress: person.email, subject: n.title, body: [`Dear ${person.name},`, '', n.body, '', `${input.mail.publicUrl}${n.link}`].join('\n') }]
      }),
      input.mail.smtp ? 'pending' : 'captured',
    )
    return overdue.length
  })
}
