import { type Database } from '#db/client.server'
import { type Organisation, type Proposal } from '#db/schema'
import { ROLES, type Role } from '#machines/vocabulary/roles'
import { type ProposalEvent } from '#machines/proposal-events'
import { ensureGeneratedIdentity, type SigningConfig } from '~/signing/certificates.server'
import { issueRecord, readRecordFile } from '~/signing/issue-record.server'
import { actorFor } from '~/workflow/actor.server'
import { applyEvent } from '~/workflow/apply-event.server'
import { addDays, serviceDate } from '~/utils/calendar'
import { raiseConcern } from '~/workflow/consultation/concerns.server'
import { openStaffConsultation } from '~/workflow/consultation/staff.server'
import { escalate } from '~/workflow/monitoring/escalation.server'
import { addIntakeAttachment } from '~/workflow/intake/intake.server'
import { declareInterest } from '~/workflow/screening/screening.server'
import { enterConsultation, TEST_MAIL } from './consultation'
import { addendumData } from './decision-records'
import { pdfBytes } from './documents'
import { createOrganisation, createProposal, createUser, sessionCookieFor } from './factories'
import { approveWithPlan, issueDecisionRecord, startMonitoring, visaPlan } from './monitoring'
import { submitProposal } from './screening'

/**
 * A library service with one person per role and proposals at each stage,
 * and a second service with one person per role, for tests that try every
 * route as every kind of person: the authorisation matrix and the
 * hostile-input test. Every proposal is the chief librarian's, and the
 * reviewer is one of its assigned reviewers.
 */

export type WorldUser = {
  id: string
  email: string
  name: string
  roles: Role[]
  organisationId: string
}

export const FIXTURE_KINDS = [
  'draft',
  /** Submitted; the reviewer has not yet declared any conflict of interest. */
  'screening',
  /** Submitted; the reviewer declared no conflict and may score. */
  'screening-cleared',
  /** Staff consultation open, with a named and an anonymous concern. */
  'consultation',
  /** Both consultations complete: the decision is to be recorded. */
  'decision',
  /** Approved and signed, with its plan; monitoring not yet started. */
  'approved',
  'monitoring',
  /** Monitoring escalated by the chief librarian: an outcome is to be recorded. */
  'reassessment',
] as const
export type FixtureKind = (typeof FIXTURE_KINDS)[number]

export type Fixture = {
  kind: FixtureKind
  proposal: Proposal
  /** An intake attachment (screening stages). */
  attachmentId?: string
  /** A named concern by a colleague, and an anonymous one with its receipt (consultation). */
  concernId?: string
  receipt?: string
}

export type World = {
  db: Database
  organisation: Organisation
  /** One person per role in the service; `chief_librarian` proposes every proposal. */
  users: Record<Role, WorldUser>
  /** One person per role in another service. */
  foreign: Record<Role, WorldUser>
  /** Someone who hosts this Probity: a member of the hosting organisation, of no library service. */
  operator: WorldUser
  /** A second reviewer (screening needs two) and a colleague who raises concerns. */
  reviewer2: WorldUser
  /** Someone who only ever signs in: no test changes their password. */
  signInOnly: WorldUser
  signing: SigningConfig
  /** A signed decision record and an addendum to it, of one proposal. */
  record: { id: string; proposalId: string; sha256: string; bytes: Buffer; addendumId: string }
  /** A fresh proposal at the given stage, with its rows. */
  fixture: (kind: FixtureKind) => Promise<Fixture>
  cookieFor: (user: WorldUser) => Promise<string>
}

async function oneOfEachRole(db: Database, organisationId: string) {
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, await createUser(db, organisationId, [role])] as const),
  )
  return Object.fromEntries(entries) as Record<Role, WorldUser>
}

async function apply(db: Database, proposal: Proposal, event: ProposalEvent) {
  const result = await applyEvent(db, {
    organisationId: proposal.organisationId,
    proposalId: proposal.id,
    event,
  })
  if (!result.ok) throw new Error(`${event.type} refused: ${result.message}`)
  return result.proposal
}

/**
 * From consultation to the decision by machine events alone: the professional
 * body answers, the staff consultation opens, the union responds, and it closes.
 */
export async function finishConsultationByEvents(
  db: Database,
  proposal: Proposal,
  proposer: WorldUser,
) {
  const P = actorFor(proposer)
  const now = Date.now()
  const events: ProposalEvent[] = [
    { type: 'pb.request', deadline: new Date(now + 86_400_000).toISOString(), actor: P },
    { type: 'pb.respond', recommendationIds: [], actor: P },
    { type: 'pb.complete', actor: P },
    {
      type: 'staff.open',
      closingDate: new Date(now).toISOString(),
      at: new Date(now - 30 * 86_400_000).toISOString(),
      actor: P,
    },
    { type: 'union.record', actor: P },
    { type: 'staff.complete', at: new Date(now + 86_400_000).toISOString(), actor: P },
  ]
  for (const event of events) proposal = await apply(db, proposal, event)
  return proposal
}

export async function buildWorld(
  db: Database,
  signing: SigningConfig,
  secret: string,
): Promise<World> {
  const organisation = await createOrganisation(db)
  const users = await oneOfEachRole(db, organisation.id)
  const reviewer2 = await createUser(db, organisation.id, ['reviewer'])
  const signInOnly = await createUser(db, organisation.id, ['staff'])
  const other = await createOrganisation(db)
  const foreign = await oneOfEachRole(db, other.id)
  const proposer = users.chief_librarian
  const reviewers = [users.reviewer, reviewer2]
  await ensureGeneratedIdentity(signing)

  async function fixture(kind: FixtureKind): Promise<Fixture> {
    let proposal = await createProposal(db, organisation.id, proposer.id, {
      title: `A ${kind} proposal`,
    })
    if (kind === 'draft') return { kind, proposal }
    if (kind === 'screening' || kind === 'screening-cleared') {
      const attached = await addIntakeAttachment(db, {
        actor: actorFor(proposer),
        organisationId: organisation.id,
        proposalId: proposal.id,
        filename: 'contract.pdf',
        bytes: pdfBytes(`Papers of ${proposal.id}`),
      })
      if (!attached.ok) throw new Error(attached.message)
      proposal = (await submitProposal(db, { proposal, proposer, reviewers })).proposal
      if (kind === 'screening-cleared') {
        const declared = await declareInterest(db, {
          actor: actorFor(users.reviewer),
          organisationId: organisation.id,
          proposalId: proposal.id,
          conflict: false,
        })
        if (!declared.ok) throw new Error(declared.message)
        proposal = declared.proposal
      }
      const attachmentId = (
        await db.query.attachments.findFirst({
          where: (a, { eq }) => eq(a.proposalId, proposal.id),
        })
      )?.id
      return { kind, proposal, attachmentId }
    }
    if (kind === 'approved') {
      await approveWithPlan(db, proposal, { chief: proposer, reviewers }, visaPlan(serviceDate(new Date())))
      proposal = (await db.query.proposals.findFirst({ where: (p, { eq }) => eq(p.id, proposal.id) }))!
      return { kind, proposal }
    }
    if (kind === 'monitoring' || kind === 'reassessment') {
      proposal = (
        await startMonitoring(
          db,
          proposal,
          { chief: proposer, reviewers },
          visaPlan(serviceDate(new Date())),
        )
      ).proposal
      if (kind === 'reassessment') {
        const escalated = await escalate(db, {
          user: proposer,
          proposalId: proposal.id,
          reason: 'Complaints are rising',
        })
        if (!escalated.ok) throw new Error(escalated.message)
        proposal = (await db.query.proposals.findFirst({
          where: (p, { eq }) => eq(p.id, proposal.id),
        }))!
      }
      return { kind, proposal }
    }
    proposal = (await enterConsultation(db, { proposal, proposer, reviewers })).proposal
    if (kind === 'decision') {
      proposal = await finishConsultationByEvents(db, proposal, proposer)
      return { kind, proposal }
    }
    const today = serviceDate(new Date())
    const opened = await openStaffConsultation(db, {
      user: proposer,
      proposalId: proposal.id,
      closesOn: addDays(today, 20),
      summary: 'Tell us what you think',
      mail: TEST_MAIL,
    })
    if (!opened.ok) throw new Error(opened.message)
    // A colleague of their own per fixture: concerns are limited per person and hour.
    const colleague = await createUser(db, organisation.id, ['staff'])
    const raise = async (anonymous: boolean) => {
      const raised = await raiseConcern(db, {
        user: colleague,
        proposalId: proposal.id,
        secret,
        category: 'ethics',
        text: 'A concern',
        anonymous,
      })
      if (!raised.ok) throw new Error(raised.message)
      return raised
    }
    const named = await raise(false)
    const anonymous = await raise(true)
    proposal = (await db.query.proposals.findFirst({
      where: (p, { eq }) => eq(p.id, proposal.id),
    }))!
    return { kind, proposal, concernId: named.concernId, receipt: anonymous.receipt ?? undefined }
  }

  const recorded = (await fixture('decision')).proposal
  const issued = await issueDecisionRecord(db, signing, recorded)
  const { record: _record, parent: _parent, ...addendum } = addendumData(issued.sha256)
  const added = await issueRecord(db, signing, {
    kind: 'addendum',
    organisationId: organisation.id,
    proposalId: recorded.id,
    parentRecordId: issued.id,
    data: { ...addendum, proposal: { ...addendum.proposal, reference: recorded.reference } },
  })

  return {
    db,
    organisation,
    users,
    foreign,
    operator: await createUser(db, (await createOrganisation(db, {}, 'hosting')).id, []),
    reviewer2,
    signInOnly,
    signing,
    record: {
      id: issued.id,
      proposalId: recorded.id,
      sha256: issued.sha256,
      bytes: (await readRecordFile(db, issued))!,
      addendumId: added.id,
    },
    fixture,
    cookieFor: (user) => sessionCookieFor(db, user.id),
  }
}
