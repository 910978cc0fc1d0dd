import { type Database } from '#db/client.server'
import { claimOverdue, hasUnnotifiedOverdue } from '#db/monitoring.server'
import { insertNotifications, queueEmails } from '#db/notifications.server'
import { listUsers } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { formatDate } from '~/utils/calendar'
import { fixedT, type Locale } from '~/utils/i18n'
import { composeMail, mailLocales, noticeLocale, serviceLanguagesOf, type EmailT } from '~/utils/mail-language.server'

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
    const service = await serviceLanguagesOf(tx, input.organisationId)
    const wording = (o: (typeof overdue)[number], t: EmailT, locale: Locale) => ({
      title: t('reviewOverdue.title', { slot: o.slot, title: o.title }),
      body: t('reviewOverdue.body', { date: formatDate(o.dueOn, locale) }),
    })
    const link = (o: (typeof overdue)[number]) => `/proposals/${o.proposalId}/monitoring/review`
    await insertNotifications(
      tx,
      overdue.map((o) => {
        const locale = noticeLocale(service, people.get(o.responsibleId) ?? {})
        return { organisationId: input.organisationId, userId: o.responsibleId, kind: 'review.overdue', ...wording(o, fixedT(locale, 'email'), locale), link: link(o) }
      }),
    )
    await queueEmails(
      tx,
      overdue.flatMap((o) => {
        const person = people.get(o.responsibleId)
        if (!person?.active) return []
        const mail = composeMail(mailLocales(service, person), (t, locale) => {
          const { title, body } = wording(o, t, locale)
          return { subject: title, body: [t('dear', { name: person.name }), '', body, '', `${input.mail.publicUrl}${link(o)}`].join('\n') }
        })
        return [{ organisationId: input.organisationId, toAddress: person.email, ...mail }]
      }),
      input.mail.smtp ? 'pending' : 'captured',
    )
    return overdue.length
  })
}
