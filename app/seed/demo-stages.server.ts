import { and, eq } from 'drizzle-orm'
import { ensureGeneratedIdentity, type SigningConfig } from '~/signing/certificates.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { createProposal, type NewProposal } from '~/workflow/create-proposal.server'
import { type DecisionInput } from '~/workflow/decision/decision.server'
import { nextReference } from '~/workflow/intake/intake.server'
import { proposalReference } from '~/workflow/intake/proposal-reference'
import { type Person } from '~/workflow/person'
import { decideAndSign, reachDecision, visaApproval } from '~/workflow/scenarios/decision.server'
import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { completeScreening, reviewAll, submitProposal } from '~/workflow/scenarios/screening.server'
import { visaIntake } from '~/workflow/scenarios/visa-case.server'
import { enterConsultation, type ConsultationStory } from '~/workflow/scenarios/consultation.server'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { recordReview } from '~/workflow/monitoring/reviews.server'
import { serviceDate } from '~/utils/calendar'
import { type Database } from '#db/client.server'
import { organisations, users, type Organisation, type Proposal } from '#db/schema'
import { DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-data'

/**
 * Demo proposals at every stage the app supports, each taken there through the
 * real use cases (the same scenario helpers the tests use), so that the demo's
 * screening scores, concerns, signed records and audit chains are all real.
 * Each story is told in order on one calendar ending today, the oldest first:
 * every step is dated after the one before it, and references are given in
 * the order the proposals were made, as the intake form gives them.
 */
const DAY = 86_400_000

type Cast = { org: Organisation; chief: Person; signatory: Person; reviewers: Person[]; staff: Person[] }

async function demoCast(db: Database): Promise<Cast> {
  const org = (await db.query.organisations.findFirst({ where: eq(organisations.slug, DEMO_ORGANISATION.slug) }))!
  const people = await db.select().from(users).where(and(eq(users.organisationId, org.id)))
  const withRole = (role: string) => people.filter((u) => u.roles.includes(role as never))
  const chief = withRole('chief_librarian')[0]!
  return {
    org,
    chief,
    signatory: withRole('signatory').find((u) => u.id !== chief.id)!,
    reviewers: withRole('reviewer').slice(0, 2),
    staff: withRole('staff'),
  }
}

/** What every case must say for itself, so that none borrows the visa case's sites, income or data. */
type CaseFacts = Pick<
  IntakeValues,
  'service' | 'deliveredBy' | 'deliveryNotes' | 'sites' | 'income' | 'costs' | 'purpose' | 'personalData' | 'dataCategories' | 'sharedWithPartner' | 'sharedWithGovernment' | 'sharingDetails' | 'retention' | 'processedWhere' | 'userGroups' | 'vulnerableGroups'
>

/** A complete intake for a proposal: its own names and facts, starting on `startsOn` for two years. */
function intakeFor(proposal: Proposal, reviewerIds: string[], startsOn: Date, facts: CaseFacts): IntakeValues {
  const start = serviceDate(startsOn)
  return {
    ...visaIntake(reviewerIds),
    title: proposal.title,
    partner: proposal.partner,
    contractor: proposal.contractor ?? '',
    description: proposal.description ?? '',
    startDate: start,
    endDate: serviceDate(new Date(startsOn.getTime() + 2 * 365 * DAY)),
    renewalTerms: 'Renews yearly unless either side gives three months’ notice',
    priorEngagement: false,
    ...facts,
  }
}

/** An approval with conditions: the consultation's conditions, this case's own, and the standard monitoring plan. */
async function approvalFor(db: Database, proposal: Proposal, startsOn: Date, own: { rationale: string; condition: string }): Promise<DecisionInput> {
  const approval = await visaApproval(db, proposal, serviceDate(startsOn))
  return {
    ...approval,
    rationale: own.rationale,
    conditions: [...approval.conditions.filter((c) => c.source !== 'decision'), { text: own.condition, source: 'decision' }],
  }
}

/** The oldest day of the demo's history, counted back from `today`. */
const HISTORY_DAYS = 140

/**
 * The demo signs its past decisions on the days they were made, so its
 * certificate is made for the service, valid from the first of them (a
 * configured one is left alone). Boot makes it before anything else can make
 * one valid only from today.
 */
export async function prepareDemoSigning(signing: SigningConfig, name: string, today = Date.now()) {
  if (!signing.SIGNING_P12_PATH) await ensureGeneratedIdentity(signing, { name, now: new Date(today - HISTORY_DAYS * DAY) })
}

export async function seedDemoStages(db: Database, { secret, signing }: { secret: string; signing: SigningConfig }) {
  const cast = await demoCast(db)
  const { org, chief, signatory, reviewers, staff } = cast
  const reviewerIds = reviewers.map((r) => r.id)
  const today = Date.now()
  const daysAgo = (n: number) => new Date(today - n * DAY)
  const signWith = { chief, signatory, signing, secret, password: DEMO_PASSWORD }

  await prepareDemoSigning(signing, org.name, today)

  /** A new proposal, on `created`, referenced as the intake form would reference it that day. */
  async function propose(values: Omit<NewProposal, 'organisationId' | 'proposerId' | 'reference'>, created: Date) {
    return db.transaction(async (tx) => {
      const next = await nextReference(tx, org.id, created)
      const reference = proposalReference(next.year, next.n)
      return createProposal(tx, { ...values, reference, organisationId: org.id, proposerId: chief.id }, org.settings, created)
    })
  }

  // In reassessment: parcel lockers whose first quarterly review found branch visits down beyond the threshold.
  const lockers = await propose(
    {
      title: 'Parcel lockers in branch lobbies',
      partner: 'ParcelPoint Ltd',
      description: 'Parcel-collection lockers in five branch lobbies, paying a fee for each parcel collected.',
    },
    daysAgo(135),
  )
  const lockersStart = daysAgo(100)
  await reachDecision(db, {
    proposal: lockers,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[2, 3, 2, 2], [3, 3, 2, 2]],
    now: daysAgo(134),
    story: LOCKERS_CONSULTATION,
    values: intakeFor(lockers, reviewerIds, lockersStart, {
      service: 'Parcel collection from lockers, by code',
      deliveredBy: 'partner_staff',
      deliveryNotes: 'ParcelPoint fills and empties the lockers; library staff do not handle parcels',
      sites: ['Central Library', 'Northgate', 'Harbourside', 'Westfield', 'Old Town'],
      income: '£0.30 a parcel, about £6,000 a year',
      costs: 'Floor space and power in each lobby',
      purpose: 'Income, and visitors who may come back to use the library.',
      personalData: true,
      dataCategories: ['Names and contact details'],
      sharedWithPartner: false,
      sharedWithGovernment: false,
      sharingDetails: 'The partner holds collection codes and times; the library holds nothing',
      retention: 'Collection records are kept by ParcelPoint for six months',
      processedWhere: 'ParcelPoint’s own systems in the UK',
      userGroups: ['People collecting parcels', 'All users of the five branches'],
      vulnerableGroups: [],
    }),
  })
  await decideAndSign(db, {
    proposal: lockers,
    ...signWith,
    now: daysAgo(115),
    values: await approvalFor(db, lockers, lockersStart, {
      rationale: 'A modest income that brings people into branches; the plan watches whether it crowds out library use.',
      condition: 'ParcelPoint restocks the lockers outside opening hours.',
    }),
  })
  await startMonitoring(db, lockers, chief, lockersStart)
  const lockersPlan = (await loadPlan(db, lockers.id))!
  const reviewed = daysAgo(2)
  const review = await recordReview(db, {
    user: chief,
    proposalId: lockers.id,
    today: serviceDate(reviewed),
    now: reviewed,
    values: {
      reviewedOn: serviceDate(reviewed),
      narrative: 'Queues for the lockers block the lobby at peak times; visits by library users have fallen.',
      // The plan's indicators in order: visits (−17.7% against a 10% threshold), complaints, incidents.
      readings: lockersPlan.indicators
        .filter((i) => i.measure === 'manual')
        .map((i, n) => ({ indicatorId: i.id, value: n === 0 ? 10_200 : 4 })),
      checks: lockersPlan.conditions.map((c) => ({ conditionId: c.id, status: 'in_progress', note: '' })),
    },
  })
  if (!review.ok) throw new Error(`Demo review refused: ${review.message}`)

  // Rejected, with its signed record.
  const payday = await propose(
    {
      title: 'Summer Reading Challenge sponsorship by a payday lender',
      partner: 'QuickCash Loans plc',
      description: 'Sponsorship of the children’s Summer Reading Challenge in exchange for logo placement.',
    },
    daysAgo(80),
  )
  await reachDecision(db, {
    proposal: payday,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[4, 5, 4, 4], [5, 4, 4, 4]],
    now: daysAgo(79),
    story: PAYDAY_CONSULTATION,
    values: intakeFor(payday, reviewerIds, daysAgo(20), {
      service: 'Sponsorship: logos on reading-challenge materials',
      deliveredBy: 'library_staff',
      deliveryNotes: 'Library staff run the challenge as every year; the sponsor supplies printed materials',
      sites: ['All branches'],
      income: '£12,000 for one summer',
      costs: 'None beyond the challenge itself',
      purpose: 'Money for prizes and author visits.',
      personalData: false,
      dataCategories: [],
      sharedWithPartner: false,
      sharedWithGovernment: false,
      sharingDetails: 'Nothing is shared with the sponsor',
      retention: 'Not applicable: no personal data',
      processedWhere: 'Not applicable: no personal data',
      userGroups: ['Children aged 4 to 11 and their families'],
      vulnerableGroups: ['minors'],
    }),
  })
  await decideAndSign(db, {
    proposal: payday,
    ...signWith,
    now: daysAgo(60),
    values: {
      outcome: 'reject',
      rationale: 'Advertising high-cost credit to children and families conflicts with the service’s duty of care.',
      conditions: [],
      overrides: [],
      dissent: [],
    },
  })

  // Approved and monitored: the visa-services pilot, with its signed record.
  const pilot = await propose(
    {
      title: 'Biometric visa-application support: pilot in three branches',
      partner: 'UK Visas and Immigration (Home Office)',
      contractor: 'Sopra Steria',
      description: 'A one-year pilot of biometric enrolment appointments in three branches, ahead of the national roll-out.',
    },
    daysAgo(65),
  )
  const pilotStart = daysAgo(20)
  // The visa case itself: its own consultation (the default story) and intake.
  await reachDecision(db, {
    proposal: pilot,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[3, 4, 2, 3], [4, 4, 2, 2]],
    now: daysAgo(64),
    values: { ...visaIntake(reviewerIds), title: pilot.title, description: pilot.description ?? '', startDate: serviceDate(pilotStart) },
  })
  await decideAndSign(db, { proposal: pilot, ...signWith, now: daysAgo(45), values: await visaApproval(db, pilot, serviceDate(pilotStart)) })
  await startMonitoring(db, pilot, chief, pilotStart)

  // Decision: screened and consulted, awaiting the chief librarian.
  const cctv = await propose(
    {
      title: 'CCTV and body-worn cameras for library security staff',
      partner: 'SecureSight Ltd',
      description: 'A managed camera service for four branches, including body-worn cameras for security staff.',
    },
    daysAgo(35),
  )
  await reachDecision(db, {
    proposal: cctv,
    chief,
    reviewers,
    staff,
    secret,
    ratings: [[3, 4, 2, 3], [4, 4, 3, 3]],
    now: daysAgo(34),
    story: CCTV_CONSULTATION,
    values: intakeFor(cctv, reviewerIds, daysAgo(-30), {
      service: 'Managed CCTV and body-worn cameras',
      deliveredBy: 'partner_staff',
      deliveryNotes: 'SecureSight installs and maintains the cameras; security staff wear the body-worn ones',
      sites: ['Central Library', 'Northgate', 'Harbourside', 'Westfield'],
      income: 'None: the service costs £24,000 a year',
      costs: '£24,000 a year from the security budget',
      purpose: 'Fewer incidents of abuse towards staff at the four busiest branches.',
      personalData: true,
      dataCategories: ['Images or video of people (CCTV, bodycams)'],
      sharedWithPartner: true,
      sharedWithGovernment: true,
      sharingDetails: 'Footage is released to the police on request',
      retention: 'Footage is kept for 31 days unless an incident needs it',
      processedWhere: 'SecureSight’s UK data centre',
      userGroups: ['Everyone who visits the four branches', 'Library staff'],
      vulnerableGroups: ['minors'],
    }),
  })

  // Withdrawn during consultation.
  const analytics = await propose(
    {
      title: 'Reading-data analytics partnership with a technology company',
      partner: 'DataLens Analytics',
      description: 'Free analytics of loan records in exchange for the right to use anonymised reading data commercially.',
    },
    daysAgo(25),
  )
  await enterConsultation(db, { proposal: analytics, proposer: chief, reviewers, now: daysAgo(24) })
  await applyEvent(db, {
    organisationId: org.id,
    proposalId: analytics.id,
    event: { type: 'proposal.withdraw', reason: 'The partner would not rule out selling the data on.', actor: actorFor(chief) },
    audit: { kind: 'proposal.withdrawn' },
    now: daysAgo(18),
  })

  // Consultation: screened, staff consultation not yet open.
  const police = await propose(
    {
      title: 'Police drop-in surgeries in branch libraries',
      partner: 'Fairhaven Constabulary',
      description: 'Fortnightly neighbourhood-policing surgeries held in three branch libraries.',
    },
    daysAgo(14),
  )
  await completeScreening(db, {
    proposal: police,
    proposer: chief,
    reviewers,
    ratings: [[3, 4, 2, 3], [2, 3, 2, 2]],
    now: daysAgo(13),
    values: intakeFor(police, reviewerIds, daysAgo(-60), {
      service: 'Neighbourhood-policing surgeries, by drop-in',
      deliveredBy: 'partner_staff',
      deliveryNotes: 'Two officers at a table in a meeting room; library staff point the way',
      sites: ['Northgate', 'Harbourside', 'Old Town'],
      income: 'None',
      costs: 'A meeting room for two hours a fortnight',
      purpose: 'Easier contact with neighbourhood officers for residents who do not visit a police station.',
      personalData: true,
      dataCategories: ['Names and contact details'],
      sharedWithPartner: true,
      sharedWithGovernment: true,
      sharingDetails: 'Officers record what residents choose to report',
      retention: 'Under the police force’s own retention policy',
      processedWhere: 'Police systems',
      userGroups: ['Residents who come to a surgery', 'All users of the three branches'],
      vulnerableGroups: ['migrants', 'homelessness'],
    }),
  })

  // Screening: submitted, one of two reviews in.
  const eresource = await propose(
    {
      title: 'E-resource platform without anonymous searching',
      partner: 'ResearchHub Online',
      description: 'A discounted research database that requires every user to sign in with a personal account.',
    },
    daysAgo(7),
  )
  await submitProposal(db, {
    proposal: eresource,
    proposer: chief,
    reviewers,
    now: daysAgo(6),
    values: intakeFor(eresource, reviewerIds, daysAgo(-90), {
      service: 'Online research database for library members',
      deliveredBy: 'partner_staff',
      deliveryNotes: 'Hosted by the vendor; reached from the library’s website',
      sites: ['Online'],
      income: 'None: a 40% discount on the subscription',
      costs: '£9,000 a year',
      purpose: 'Research resources for members at a lower price.',
      personalData: true,
      dataCategories: ['Names and contact details', 'Searches, reading or browsing history'],
      sharedWithPartner: true,
      sharedWithGovernment: false,
      sharingDetails: 'Accounts and search logs are held by the vendor',
      retention: 'Search logs are kept for two years',
      processedWhere: 'The vendor’s servers in the United States',
      userGroups: ['Library members who use the database'],
      vulnerableGroups: [],
    }),
  })
  await reviewAll(db, { proposal: eresource, reviewers: reviewers.slice(0, 1), ratings: [[4, 4, 3, 3]], now: daysAgo(5) })

  // Draft: being written.
  await propose(
    {
      title: 'Coffee-chain concession in the Central Library foyer',
      partner: 'Bean & Leaf Coffee Ltd',
      description: 'A franchised coffee counter in the foyer, paying rent and a share of takings.',
    },
    daysAgo(2),
  )
}

async function startMonitoring(db: Database, proposal: Proposal, chief: Person, on: Date) {
  const started = await applyEvent(db, {
    organisationId: proposal.organisationId,
    proposalId: proposal.id,
    event: { type: 'monitoring.start', actor: actorFor(chief) },
    audit: { kind: 'monitoring.started' },
    now: on,
  })
  if (!started.ok) throw new Error(`Demo monitoring start refused: ${started.message}`)
}

const LOCKERS_CONSULTATION: ConsultationStory = {
  namedConcern: 'Queues for the lockers would block the entrance for buggies and wheelchairs.',
  anonymousConcern: 'We would end up handling complaints about missing parcels at the counter.',
  namedResponse: 'The lockers go beside the side entrance, away from the main door.',
  condition: 'Lockers stand away from the main entrance and leave a clear path 1.5 m wide.',
  anonymousResponse: 'ParcelPoint runs its own helpline; staff point people to it.',
  unionResponse: 'Asks that staff are not expected to deal with parcel problems.',
}

const PAYDAY_CONSULTATION: ConsultationStory = {
  namedConcern: 'Our money-advice sessions help families out of high-cost debt; this would undercut them.',
  anonymousConcern: 'Parents already tell us they feel pressed by lenders like this one.',
  namedResponse: 'Passed to the chief librarian for the decision.',
  anonymousResponse: 'Passed to the chief librarian for the decision.',
  unionResponse: 'No objection to sponsorship in principle; this sponsor does not fit a children’s programme.',
}

const CCTV_CONSULTATION: ConsultationStory = {
  namedConcern: 'Cameras in the children’s library would put families off.',
  anonymousConcern: 'Body-worn cameras may make colleagues feel watched at work.',
  namedResponse: 'No camera will cover the children’s library.',
  condition: 'No cameras in the children’s library.',
  anonymousResponse: 'Only security staff wear cameras, switched on only during an incident.',
  unionResponse: 'Asks for a written policy on when footage of staff may be used.',
}
