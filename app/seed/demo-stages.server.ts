import { and, eq } from 'drizzle-orm'
import { type SigningConfig } from '~/signing/certificates.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { createProposal, type NewProposal } from '~/workflow/create-proposal.server'
import { type Person } from '~/workflow/person'
import { decideAndSign, reachDecision, visaApproval } from '~/workflow/scenarios/decision.server'
import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { completeScreening, reviewAll, submitProposal } from '~/workflow/scenarios/screening.server'
import { visaIntake } from '~/workflow/scenarios/visa-case.server'
import { enterConsultation } from '~/workflow/scenarios/consultation.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { recordReview } from '~/workflow/monitoring/reviews.server'
import { type Database } from '#db/client.server'
import { organisations, users, type Organisation } from '#db/schema'
import { DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-data'

/**
 * Demo proposals at every stage the app supports, each taken there through the
 * real use cases (the same scenario helpers the tests use), so that the demo's
 * screening scores, concerns, signed records and audit chains are all real.
 */
const DAY = 86_400_000

type Cast = { org: Organisation; chief: Person; reviewers: Person[]; staff: Person[] }

async function demoCast(db: Database): Promise<Cast> {
  const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
  const people = await db.select().from(users).where(and(eq(users.organisationId, org.id)))
  const withRole = (role: string) => people.filter((u) => u.roles.includes(role as never))
  return {
    org,
    chief: withRole('chief_librarian')[0]!,
    reviewers: withRole('reviewer').slice(0, 2),
    staff: withRole('staff'),
  }
}

/** The visa-services intake, re-cut for another proposal: its own names, service and data. */
function intakeFor(
  proposal: { title: string; partner: string; contractor?: string | null; description: string },
  reviewerIds: string[],
  values: Partial<IntakeValues>,
): IntakeValues {
  return {
    ...visaIntake(reviewerIds),
    title: proposal.title,
    partner: proposal.partner,
    contractor: proposal.contractor ?? '',
    description: proposal.description,
    ...values,
  }
}

async function propose(db: Database, cast: Cast, values: Omit<NewProposal, 'organisationId' | 'proposerId'>) {
  return db.transaction((tx) =>
    createProposal(tx, { ...values, organisationId: cast.org.id, proposerId: cast.chief.id }, cast.org.settings),
  )
}

export async function seedDemoStages(db: Database, { secret, signing }: { secret: string; signing: SigningConfig }) {
  const cast = await demoCast(db)
  const { chief, reviewers, staff } = cast
  const reviewerIds = reviewers.map((r) => r.id)
  const monthAgo = new Date(Date.now() - 30 * DAY)

  // Draft: being written.
  await propose(db, cast, {
    reference: 'FH-2026-002',
    title: 'Coffee-chain concession in the Central Library foyer',
    partner: 'Bean & Leaf Coffee Ltd',
    description: 'A franchised coffee counter in the foyer, paying rent and a share of takings.',
  })

  // Screening: submitted, one of two reviews in.
  const eresource = await propose(db, cast, {
    reference: 'FH-2026-003',
    title: 'E-resource platform without anonymous searching',
    partner: 'ResearchHub Online',
    description: 'A discounted research database that requires every user to sign in with a personal account.',
  })
  const eresourceIntake = intakeFor(eresource, reviewerIds, {
    service: 'Online research database for library members',
    dataCategories: ['Names and contact details', 'Searches, reading or browsing history'],
    sharedWithGovernment: false,
    sharingDetails: 'Accounts and search logs are held by the vendor',
    vulnerableGroups: [],
  })
  await submitProposal(db, { proposal: eresource, proposer: chief, reviewers, values: eresourceIntake })
  await reviewAll(db, { proposal: eresource, reviewers: reviewers.slice(0, 1), ratings: [[4, 4, 3, 3]] })

  // Consultation: screened, staff consultation open with a concern.
  const police = await propose(db, cast, {
    reference: 'FH-2026-004',
    title: 'Police drop-in surgeries in branch libraries',
    partner: 'Fairhaven Constabulary',
    description: 'Fortnightly neighbourhood-policing surgeries held in three branch libraries.',
  })
  await completeScreening(db, {
    proposal: police,
    proposer: chief,
    reviewers,
    ratings: [[3, 4, 2, 3], [2, 3, 2, 2]],
    values: intakeFor(police, reviewerIds, {
      service: 'Neighbourhood-policing surgeries, by drop-in',
      deliveredBy: 'partner_staff',
      dataCategories: ['Names and contact details'],
      vulnerableGroups: ['migrants', 'homelessness'],
    }),
  })

  // Decision: screened and consulted, awaiting the chief librarian.
  const cctv = await propose(db, cast, {
    reference: 'FH-2026-005',
    title: 'CCTV and body-worn cameras for library security staff',
    partner: 'SecureSight Ltd',
    description: 'A managed camera service for four branches, including body-worn cameras for security staff.',
  })
  await reachDecision(db, {
    proposal: cctv,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[3, 4, 2, 3], [4, 4, 3, 3]],
    now: monthAgo,
    values: intakeFor(cctv, reviewerIds, {
      service: 'Managed CCTV and body-worn cameras',
      dataCategories: ['Images or video of people (CCTV, bodycams)'],
      sharedWithGovernment: true,
      sharingDetails: 'Footage is released to the police on request',
      vulnerableGroups: ['minors'],
    }),
  })

  // Rejected, with its signed record.
  const payday = await propose(db, cast, {
    reference: 'FH-2025-011',
    title: 'Summer Reading Challenge sponsorship by a payday lender',
    partner: 'QuickCash Loans plc',
    description: 'Sponsorship of the children’s Summer Reading Challenge in exchange for logo placement.',
  })
  await reachDecision(db, {
    proposal: payday,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[4, 5, 4, 4], [5, 4, 4, 4]],
    now: monthAgo,
    values: intakeFor(payday, reviewerIds, {
      service: 'Sponsorship: logos on reading-challenge materials',
      personalData: false,
      dataCategories: [],
      sharedWithPartner: false,
      sharedWithGovernment: false,
      vulnerableGroups: ['minors'],
    }),
  })
  await decideAndSign(db, {
    proposal: payday,
    chief,
    values: {
      outcome: 'reject',
      rationale: 'Advertising high-cost credit to children and families conflicts with the service’s duty of care.',
      conditions: [],
      overrides: [],
      dissent: [],
    },
    signing,
    secret,
    password: DEMO_PASSWORD,
  })

  // Approved and monitored: the visa-services pilot, with its signed record.
  const pilot = await propose(db, cast, {
    reference: 'FH-2025-014',
    title: 'Biometric visa-application support: pilot in three branches',
    partner: 'UK Visas and Immigration (Home Office)',
    contractor: 'Sopra Steria',
    description: 'A one-year pilot of biometric enrolment appointments in three branches, ahead of the national roll-out.',
  })
  await reachDecision(db, {
    proposal: pilot,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[3, 4, 2, 3], [4, 4, 2, 2]],
    now: monthAgo,
    values: intakeFor(pilot, reviewerIds, {}),
  })
  const startsOn = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10)
  await decideAndSign(db, { proposal: pilot, chief, values: await visaApproval(db, pilot, startsOn), signing, secret, password: DEMO_PASSWORD })
  await applyEvent(db, { organisationId: cast.org.id, proposalId: pilot.id, event: { type: 'monitoring.start', actor: actorFor(chief) }, audit: { kind: 'monitoring.started' } })

  // In reassessment: parcel lockers whose first quarterly review found branch visits down beyond the threshold.
  const lockers = await propose(db, cast, {
    reference: 'FH-2025-009',
    title: 'Parcel lockers in branch lobbies',
    partner: 'ParcelPoint Ltd',
    description: 'Parcel-collection lockers in five branch lobbies, paying a fee for each parcel collected.',
  })
  await reachDecision(db, {
    proposal: lockers,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[2, 3, 2, 2], [3, 3, 2, 2]],
    now: new Date(Date.now() - 150 * DAY),
    values: intakeFor(lockers, reviewerIds, {
      service: 'Parcel collection from lockers, by code',
      dataCategories: ['Names and contact details'],
      sharedWithGovernment: false,
      sharingDetails: 'The partner holds collection codes and times; the library holds nothing',
      vulnerableGroups: [],
    }),
  })
  const lockersStart = new Date(Date.now() - 100 * DAY).toISOString().slice(0, 10)
  await decideAndSign(db, {
    proposal: lockers,
    chief,
    values: {
      ...(await visaApproval(db, lockers, lockersStart)),
      rationale: 'A modest income that brings people into branches; the plan watches whether it crowds out library use.',
    },
    signing,
    secret,
    password: DEMO_PASSWORD,
  })
  await applyEvent(db, { organisationId: cast.org.id, proposalId: lockers.id, event: { type: 'monitoring.start', actor: actorFor(chief) }, audit: { kind: 'monitoring.started' } })
  const lockersPlan = (await loadPlan(db, lockers.id))!
  const today = new Date().toISOString().slice(0, 10)
  const review = await recordReview(db, {
    user: chief,
    proposalId: lockers.id,
    today,
    values: {
      reviewedOn: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10),
      narrative: 'Queues for the lockers block the lobby at peak times; visits by library users have fallen.',
      // The plan's indicators in order: visits (−17.7% against a 10% threshold), complaints, incidents.
      readings: lockersPlan.indicators
        .filter((i) => i.measure === 'manual')
        .map((i, n) => ({ indicatorId: i.id, value: n === 0 ? 10_200 : 4 })),
      checks: lockersPlan.conditions.map((c) => ({ conditionId: c.id, status: 'in_progress', note: '' })),
    },
  })
  if (!review.ok) throw new Error(`Demo review refused: ${review.message}`)

  // Withdrawn during consultation.
  const analytics = await propose(db, cast, {
    reference: 'FH-2026-006',
    title: 'Reading-data analytics partnership with a technology company',
    partner: 'DataLens Analytics',
    description: 'Free analytics of loan records in exchange for the right to use anonymised reading data commercially.',
  })
  await enterConsultation(db, { proposal: analytics, proposer: chief, reviewers })
  await applyEvent(db, {
    organisationId: cast.org.id,
    proposalId: analytics.id,
    event: { type: 'proposal.withdraw', reason: 'The partner would not rule out selling the data on.', actor: actorFor(chief) },
    audit: { kind: 'proposal.withdrawn' },
  })
}
