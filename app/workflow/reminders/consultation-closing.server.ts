import { type Database } from '#db/client.server'
import { consultationsClosing } from '#db/reminders.server'
import { type MailSettings } from '~/utils/mail.server'
import { addDays, formatDate } from '~/utils/calendar'
import { remindPersonOnce } from './remind.server'

/** How many days before a staff consultation closes its proposer hears of it. */
export const CLOSING_NOTICE_DAYS = 2

/** Reminds the proposer that their staff consultation closes soon and concerns need answers: once per closing date. */
export async function remindConsultationsClosing(db: Database, input: { organisationId: string; today: string; mail: MailSettings }) {
  let sent = 0
  for (const c of await consultationsClosing(db, input.organisationId, input.today, addDays(input.today, CLOSING_NOTICE_DAYS))) {
    const reminded = await remindPersonOnce(
      db,
      c.openedBy,
      {
        organisationId: input.organisationId,
        kind: 'consultation.closing',
        subjectId: c.consultationId,
        period: c.closesOn,
        wording: (t, locale) => ({
          title: t('consultationClosing.title', { title: c.title, date: formatDate(c.closesOn, locale) }),
          body: t('consultationClosing.body'),
        }),
        link: `/proposals/${c.proposalId}/consultation`,
      },
      input.mail,
    )
    if (reminded) sent++
  }
  return sent
}
