import { type Queryable } from '#db/client.server'
import { insertNotifications, queueEmails } from '#db/notifications.server'
import { type Proposal } from '#db/schema'
import { listUsersWithRole } from '#db/users.server'
import { type MailSettings } from '~/utils/mail.server'
import { formatDate } from '~/utils/calendar'

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
  const link = `/proposals/${proposal.id}/consultation`
  const title = `Staff consultation open: ${proposal.title}`
  const body = `Read the summary and raise any concerns, with your name or anonymously, by ${formatDate(closesOn)}.`
  await insertNotifications(
    tx,
    staff.map((person) => ({
      organisationId: proposal.organisationId,
      userId: person.id,
      kind: 'consultation.opened',
      title,
      body,
      link,
    })),
  )
  await queueEmails(
    tx,
    staff.map((person) => ({
      organisationId: proposal.organisationId,
      toAddress: person.email,
      subject: title,
      body: [
        `Dear ${person.name},`,
        '',
        `Your library service is consulting staff on a proposed partnership with ${proposal.partner}: ${proposal.title}.`,
        '',
        body,
        '',
        `${mail.publicUrl}${link}`,
        '',
        'Anonymous concerns are stored without your name, account or the time of day.',
      ].join('\n'),
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
  await insertNotifications(tx, [
    {
      organisationId: proposal.organisationId,
      userId: authorId,
      kind: 'concern.answered',
      title: `Your concern about ${proposal.title} has a response`,
      body: 'The response is published with your concern.',
      link: `/proposals/${proposal.id}/consultation#concerns`,
    },
  ])
}
