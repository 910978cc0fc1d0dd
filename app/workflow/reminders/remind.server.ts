import { type Database } from '#db/client.server'
import { claimReminder, insertNotifications, queueEmails } from '#db/notifications.server'
import { type Language } from '#db/schema'
import { findUserInOrganisation } from '#db/users.server'
import { fixedT, type Locale } from '~/utils/i18n'
import { type MailSettings } from '~/utils/mail.server'
import { composeMail, mailLocales, noticeLocale, serviceLanguagesOf, type EmailT } from '~/utils/mail-language.server'

/** A reminder's words in one language: written once per language it is sent in. */
export type Wording = (t: EmailT, locale: Locale) => { title: string; body: string }

export type Reminder = {
  organisationId: string
  /** What is reminded of, e.g. 'review.due'; with subject and period it makes the reminder once-only. */
  kind: string
  subjectId: string
  period: string
  people: { id: string; name: string; email: string; preferredLanguage: Language | null }[]
  wording: Wording
  link: string
}

/**
 * Sends one reminder, in the app and by e-mail, unless it has been sent
 * already: the claim, the notices and the e-mail commit together, so a
 * reminder job that runs twice (or on two instances) sends it once.
 * Each person reads it in their own language (docs/decisions/034-e-mail-in-the-recipient-language.md).
 * Returns whether it was sent now.
 */
export async function remindOnce(db: Database, reminder: Reminder, mail: MailSettings) {
  if (reminder.people.length === 0) return false
  return db.transaction(async (tx) => {
    if (!(await claimReminder(tx, reminder.kind, reminder.subjectId, reminder.period))) return false
    const service = await serviceLanguagesOf(tx, reminder.organisationId)
    await insertNotifications(
      tx,
      reminder.people.map((p) => {
        const locale = noticeLocale(service, p)
        return { organisationId: reminder.organisationId, userId: p.id, kind: reminder.kind, ...reminder.wording(fixedT(locale, 'email'), locale), link: reminder.link }
      }),
    )
    await queueEmails(
      tx,
      reminder.people.map((p) => ({
        organisationId: reminder.organisationId,
        toAddress: p.email,
        ...composeMail(mailLocales(service, p), (t, locale) => {
          const { title, body } = reminder.wording(t, locale)
          return { subject: title, body: [t('dear', { name: p.name }), '', body, '', `${mail.publicUrl}${reminder.link}`].join('\n') }
        }),
      })),
      mail.smtp ? 'pending' : 'captured',
    )
    return true
  })
}

/** {@link remindOnce} for the one person responsible, if they are still active. */
export async function remindPersonOnce(db: Database, personId: string, reminder: Omit<Reminder, 'people'>, mail: MailSettings) {
  const person = await findUserInOrganisation(db, reminder.organisationId, personId)
  const people = person?.active ? [{ id: person.id, name: person.name, email: person.email, preferredLanguage: person.preferredLanguage }] : []
  return remindOnce(db, { ...reminder, people }, mail)
}
