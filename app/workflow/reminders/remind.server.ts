import { type Database } from '#db/client.server'
import { claimReminder, insertNotifications, queueEmails } from '#db/notifications.server'
import { findUserInOrganisation } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'

export type Reminder = {
  organisationId: string
  /** What is reminded of, e.g. 'review.due'; with subject and period it makes the reminder once-only. */
  kind: string
  subjectId: string
  period: string
  people: { id: string; name: string; email: string }[]
  title: string
  body: string
  link: string
}

/**
 * Sends one reminder, in the app and by e-mail, unless it has been sent
 * already: the claim, the notices and the e-mail commit together, so a
 * reminder job that runs twice (or on two instances) sends it once.
 * Returns whether it was sent now.
 */
export async function remindOnce(db: Database, reminder: Reminder, mail: MailSettings) {
  if (reminder.people.length === 0) return false
  return db.transaction(async (tx) => {
    if (!(await claimReminder(tx, reminder.kind, reminder.subjectId, reminder.period))) return false
    await insertNotifications(
      tx,
      reminder.people.map((p) => ({
        organisationId: reminder.organisationId,
        userId: p.id,
        kind: reminder.kind,
        title: reminder.title,
        body: reminder.body,
        link: reminder.link,
      })),
    )
    await queueEmails(
      tx,
      reminder.people.map((p) => ({
        organisationId: reminder.organisationId,
        toAddress: p.email,
        subject: reminder.title,
        body: [`Dear ${p.name},`, '', reminder.body, '', `${mail.publicUrl}${reminder.link}`].join('\n'),
      })),
      mail.smtp ? 'pending' : 'captured',
    )
    return true
  })
}

/** {@link remindOnce} for the one person responsible, if they are still active. */
export async function remindPersonOnce(db: Database, personId: string, reminder: Omit<Reminder, 'people'>, mail: MailSettings) {
  const person = await findUserInOrganisation(db, reminder.organisationId, personId)
  const people = person?.active ? [{ id: person.id, name: person.name, email: person.email }] : []
  return remindOnce(db, { ...reminder, people }, mail)
}
