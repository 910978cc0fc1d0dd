import { type Queryable } from '#db/client.server'
import { insertNotifications, queueEmails } from '#db/notifications.server'
import { type Proposal } from '#db/schema'
import { findUserInOrganisation, listUsersWithRole } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { formatDate } from '~/utils/calendar'
import { fixedT, type Locale } from '~/utils/i18n'
import { composeMail, mailLocales, noticeLocale, serviceLanguagesOf, type EmailT } from '~/utils/mail-language.server'

/**
 * Tells every active member of staff that a consultation has opened: in the
 * app always, by e-mail through the outbox. Runs inside the transaction that
 * opens it, so that nobody hears of a consultation that did not open.
 */
export async function notifyConsultationOpened(
  tx: Queryable,
  proposal: Pick<Proposal, 'id' | 'organisationId' | 'title' | 'partner'>,
  closesOn: string,
  mail: MailSettings,
) {
  const staff = await listUsersWithRole(tx, proposal.organisationId, 'staff')
  if (staff.length === 0) return
  const service = await serviceLanguagesOf(tx, proposal.organisationId)
  const link = `/proposals/${proposal.id}/consultation`
  const wording = (t: EmailT, locale: Locale) => ({
    title: t('consultationOpened.title', { title: proposal.title }),
    body: t('consultationOpened.body', { date: formatDate(closesOn, locale) }),
  })
  await insertNotifications(
    tx,
    staff.map((person) => {
      const locale = noticeLocale(service, person)
      return { organisationId: proposal.organisationId, userId: person.id, kind: 'consultation.opened', ...wording(fixedT(locale, 'email'), locale), link }
    }),
  )
  await queueEmails(
    tx,
    staff.map((person) => ({
      organisationId: proposal.organisationId,
      toAddress: person.email,
      ...composeMail(mailLocales(service, person), (t, locale) => {
        const { title, body } = wording(t, locale)
        return {
          subject: title,
          body: [
            t('dear', { name: person.name }),
            '',
            t('consultationOpened.intro', { partner: proposal.partner, title: proposal.title }),
            '',
            body,
            '',
            `${mail.publicUrl}${link}`,
            '',
            t('consultationOpened.anonymous'),
          ].join('\n'),
        }
      }),
    })),
    mail.smtp ? 'pending' : 'captured',
  )
}

/** A named author hears that their concern has an answer; an anonymous one looks it up by receipt. */
export async function notifyConcernAnswered(
  tx: Queryable,
  proposal: Pick<Proposal, 'id' | 'organisationId' | 'title'>,
  authorId: string,
) {
  const author = await findUserInOrganisation(tx, proposal.organisationId, authorId)
  const t = fixedT(noticeLocale(await serviceLanguagesOf(tx, proposal.organisationId), author ?? {}), 'email')
  await insertNotifications(tx, [
    {
      organisationId: proposal.organisationId,
      userId: authorId,
      kind: 'concern.answered',
      title: t('concernAnswered.title', { title: proposal.title }),
      body: t('concernAnswered.body'),
      link: `/proposals/${proposal.id}/consultation#concerns`,
    },
  ])
}
