import { type Database } from '#db/client.server'
import { type MailSettings } from '~/utils/mail.server'
import { addDays, serviceDate } from '~/utils/calendar'
import { openStaffConsultation } from '~/workflow/consultation/staff.server'
import { releaseHeldContributions } from '~/workflow/consultation/release-anonymous.server'
import {
  enterConsultation,
  must,
  OUTBOX_ONLY_MAIL,
} from '~/workflow/scenarios/consultation.server'
import { createOrganisation, createProposal, createUser } from './factories'

export {
  completeConsultation,
  enterConsultation,
  type ConsultationScenario,
} from '~/workflow/scenarios/consultation.server'

export const TEST_MAIL: MailSettings = OUTBOX_ONLY_MAIL

/**
 * A new organisation (a chief librarian, an administrator, two reviewers,
 * `staff` members of staff) with a proposal whose staff consultation has just opened, closing in
 * 20 days: for tests of what staff do in it.
 */
export async function openedStaffConsultation(
  db: Database,
  {
    staff = 1,
    mail = TEST_MAIL,
    values = {},
  }: {
    staff?: number
    mail?: MailSettings
    values?: Parameters<typeof createProposal>[3]
  } = {},
) {
  const org = await createOrganisation(db)
  const proposer = await createUser(db, org.id, ['chief_librarian'])
  // Someone who is not staff, there when staff are notified.
  const admin = await createUser(db, org.id, ['admin'])
  const reviewers = [
    await createUser(db, org.id, ['reviewer']),
    await createUser(db, org.id, ['reviewer']),
  ]
  const members = []
  for (let i = 0; i < staff; i++) members.push(await createUser(db, org.id, ['staff']))
  const proposal = await createProposal(db, org.id, proposer.id, values)
  await enterConsultation(db, { proposal, proposer, reviewers })
  must(
    'staff.open',
    await openStaffConsultation(db, {
      user: proposer,
      proposalId: proposal.id,
      closesOn: addDays(serviceDate(new Date()), 20),
      summary: 'Tell us',
      mail,
    }),
  )
  return { org, proposer, admin, reviewers, staff: members, proposal }
}


/**
 * Releases what anonymous staff wrote, as the consultation's closing would
 * (ADR 023): anonymous concerns and endorsements are held until a release.
 */
export async function releaseAnonymous(db: Database, organisationId: string, proposalId: string, now?: Date) {
  return releaseHeldContributions(db, { organisationId, proposalId, occasion: 'closing', now })
}
