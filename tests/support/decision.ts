import { type Database } from '#db/client.server'
import { type OrganisationSettings } from '#db/schema'
import { decideAndSign as decideAndSignAs, reachDecision } from '~/workflow/scenarios/decision.server'
import { createOrganisation, createProposal, createUser, TEST_PASSWORD } from './factories'

export {
  OVERRIDE_RATIONALE,
  reachDecision,
  visaApproval,
  type DecisionCast,
} from '~/workflow/scenarios/decision.server'

/** The decision scenario with every factory user's password. */
export function decideAndSign(
  db: Database,
  args: Omit<Parameters<typeof decideAndSignAs>[1], 'password'> & { password?: string },
) {
  return decideAndSignAs(db, { ...args, password: args.password ?? TEST_PASSWORD })
}

/**
 * A service (with these settings), its people and the visa-services proposal,
 * taken to the decision through real screening and consultation: reviewers
 * three bands apart on every criterion, and a blocking privacy issue.
 */
export async function visaCaseAtDecision(db: Database, args: { secret: string; settings?: Partial<OrganisationSettings> }) {
  const org = await createOrganisation(db, args.settings)
  const chief = await createUser(db, org.id, ['chief_librarian'], { name: 'Rhiannon Evans' })
  const reviewers = [
    await createUser(db, org.id, ['reviewer'], { name: 'Zoë Müller' }),
    await createUser(db, org.id, ['reviewer'], { name: 'Sam Patel' }),
  ]
  // The second raises the anonymous concern.
  const staff = [
    await createUser(db, org.id, ['staff'], { name: 'Jordan Lee' }),
    await createUser(db, org.id, ['staff'], { name: 'Bethan Hughes' }),
  ]
  const signatory = await createUser(db, org.id, ['signatory'], { name: 'Dafydd Jones' })
  const proposal = await createProposal(db, org.id, chief.id, {
    title: 'Biometric visa-application support in branch libraries',
    partner: 'UK Visas and Immigration (Home Office)',
    contractor: 'Sopra Steria',
  })
  await reachDecision(db, {
    proposal,
    chief,
    reviewers,
    staff,
    secret: args.secret,
    ratings: [
      [4, 5, 3, 3],
      [2, 2, 1, 1],
    ],
    blockingOn: ['leaving_privacy_protection'],
  })
  return { org, chief, reviewers, staff, signatory, proposal }
}

