import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { count, eq } from 'drizzle-orm'
import { deleteAttachment, insertAttachment, listAttachments } from '#db/attachments.server'
import { type Database, type Queryable } from '#db/client.server'
import { isUniqueViolation } from '#db/errors'
import { findIntake, saveIntake, saveIntakeContent } from '#db/intake.server'
import { proposals, type OrganisationSettings, type Proposal } from '#db/schema'
import { ensureRubric, insertScreening, syncReviewerRows } from '#db/screening.server'
import { listUsersWithRole } from '#db/users.server'
import { type EventActor } from '#machines/proposal-events'
import { type MailSettings } from '~/utils/mail.server'
import { tellWhoMayAct } from '~/workflow/waiting/tell-who-may-act.server'
import { checkUpload, discardUnnamedFile, removeFileIfUnreferenced, StorageError, storeAttachmentFile } from '~/utils/attachments.server'
import { applyEvent, type Applied, type LoadedProposal } from '../apply-event.server'
import { RefusedError, type Refusal } from '~/workflow/refusal'
import { createProposal } from '../create-proposal.server'
import { DEFAULT_RUBRIC } from '../screening/default-rubric'
import { intakeIssues, type IntakeValues } from './intake-schema'
import { toStored, toSummary } from './intake-values'
import { proposalReference } from './proposal-reference'
import { vm } from '~/utils/validation-message'

/** Reviewers a proposer may choose: active users holding the reviewer role, never the proposer. */
export async function eligibleReviewers(db: Queryable, organisationId: string, proposerId: string) {
  const people = await listUsersWithRole(db, organisationId, 'reviewer')
  return people.filter((p) => p.id !== proposerId).map((p) => ({ id: p.id, name: p.name }))
}

/** A message for the reviewers field when the choice names anyone not eligible; undefined when fine. */
export async function reviewerChoiceProblem(db: Queryable, organisationId: string, proposerId: string, ids: string[]) {
  // No reviewers chosen yet (a draft saved early): nothing to check, nothing to read.
  if (ids.length === 0) return undefined
  const eligible = new Set((await eligibleReviewers(db, organisationId, proposerId)).map((r) => r.id))
  if (new Set(ids).size !== ids.length) return vm('intake.reviewerOnce')
  return ids.every((id) => eligible.has(id)) ? undefined : vm('intake.reviewersUnknown')
}

/** Where a new proposal's reference starts: the year it is made in, and one more than the service has proposals. */
export async function nextReference(db: Queryable, organisationId: string, now: Date) {
  const [row] = await db.select({ n: count() }).from(proposals).where(eq(proposals.organisationId, organisationId))
  return { year: now.getUTCFullYear(), n: (row?.n ?? 0) + 1 }
}

/** Creates a draft proposal from the form; references run P-<year>-001, 002 … within the organisation (proposal-reference.ts). */
export async function createDraftProposal(
  db: Database,
  user: { id: string; organisationId: string; settings: OrganisationSettings },
  values: IntakeValues,
  now = new Date(),
): Promise<Proposal> {
  const { core, content } = toStored(values)
  const start = await nextReference(db, user.organisationId, now)
  for (let n = start.n; n < start.n + 20; n++) {
    const reference = proposalReference(start.year, n)
    try {
      return await db.transaction(async (tx) => {
        const proposal = await createProposal(
          tx,
          { organisationId: user.organisationId, proposerId: user.id, reference, ...core },
          user.settings,
          now,
        )
        await saveIntake(tx, proposal.id, core, content, now)
        return proposal
      })
    } catch (error) {
      if (!isUniqueViolation(error, 'proposals_org_reference_unique')) throw error
    }
  }
  throw new Error('Could not find a free proposal reference')
}

// The locale words the refusals (a conflict, a step not open) in the page's language.
type Target = { actor: EventActor; organisationId: string; proposalId: string; locale?: Locale }

export function saveDraft(
  db: Database,
  t: Target & { values: IntakeValues; expectedVersion?: number; now?: Date; current?: LoadedProposal },
) {
  const { core, content } = toStored(t.values)
  const now = t.now ?? new Date()
  return applyEvent(db, {
    locale: t.locale,
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    event: { type: 'proposal.update', actor: t.actor },
    expectedVersion: t.expectedVersion,
    current: t.current,
    audit: { kind: 'draft.saved' },
    now,
    columns: core,
    effect: (tx) => saveIntakeContent(tx, t.proposalId, content, now),
  })
}

/**
 * Saves the form, assigns its reviewers and submits the proposal into
 * screening, with the rubric version in force today. Each step is an event
 * of its own, each checked by the machine against the version the previous
 * one wrote.
 */
export async function submitForScreening(
  db: Database,
  t: Target & { values: IntakeValues; expectedVersion: number; minReviewers: number; mail: MailSettings; now?: Date },
): Promise<Applied | Refusal> {
  const now = t.now ?? new Date()
  const reviewerIds = t.values.reviewerIds ?? []
  const saved = await saveDraft(db, { ...t, now })
  if (!saved.ok) return saved
  const assigned = await applyEvent(db, {
    locale: t.locale,
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    event: { type: 'reviewers.assign', reviewerIds, actor: t.actor },
    expectedVersion: saved.proposal.version,
    audit: { kind: 'reviewers.assigned' },
    now,
    effect: (tx, after) => syncReviewerRows(tx, t.proposalId, after.context.revisions, reviewerIds, now),
  })
  if (!assigned.ok) return assigned
  const submitted = await applyEvent(db, {
    locale: t.locale,
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    event: { type: 'proposal.submit', intakeComplete: intakeIssues(t.values, t.minReviewers).length === 0, actor: t.actor },
    expectedVersion: assigned.proposal.version,
    audit: { kind: 'proposal.submitted' },
    now,
    effect: async (tx, after) => {
      const rubric = await ensureRubric(tx, t.organisationId, DEFAULT_RUBRIC)
      await insertScreening(tx, { proposalId: t.proposalId, round: after.context.revisions, rubricId: rubric.id, startedAt: now })
    },
  })
  // The reviewers now have a declaration waiting: each round of screening tells them once.
  if (submitted.ok) {
    await tellWhoMayAct(db, {
      organisationId: t.organisationId,
      proposalId: t.proposalId,
      actions: ['declare_interests'],
      period: `round-${submitted.snapshot.context.revisions}`,
      mail: t.mail,
    })
  }
  return submitted
}

export async function addIntakeAttachment(
  db: Database,
  t: Target & { filename: string; bytes: Buffer; now?: Date },
): Promise<Applied | Refusal | { ok: false; status: 503; message: string }> {
  const checked = checkUpload(t.filename, t.bytes, t.locale)
  if (!checked.ok) return { ok: false, status: 400, message: checked.message }
  return applyEvent(db, {
    locale: t.locale,
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    event: { type: 'proposal.update', actor: t.actor },
    audit: { kind: 'attachment.added', filename: checked.filename },
    now: t.now,
    effect: async (tx) => {
      // In the event's transaction: a refused or failed event leaves no file behind.
      await storeAttachmentFile(tx, checked.sha256, checked.bytes, t.locale)
      const row = await insertAttachment(tx, {
        organisationId: t.organisationId,
        proposalId: t.proposalId,
        purpose: 'intake',
        filename: checked.filename,
        mediaType: checked.type.mediaType,
        size: checked.bytes.length,
        sha256: checked.sha256,
        uploadedBy: t.actor.id!,
      })
      if (!row) throw new RefusedError(fixedT(t.locale ?? DEFAULT_LOCALE, 'validation')('intake.alreadyAttached'))
    },
  }).catch((error: unknown) => {
    if (error instanceof StorageError) return { ok: false as const, status: 503 as const, message: error.message }
    throw error
  })
}

export async function removeIntakeAttachment(db: Database, t: Target & { attachmentId: string }) {
  let unnamed: string | undefined
  const result = await applyEvent(db, {
    locale: t.locale,
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    event: { type: 'proposal.update', actor: t.actor },
    audit: { kind: 'attachment.removed' },
    effect: async (tx) => {
      const row = await deleteAttachment(tx, t.proposalId, t.attachmentId)
      if (!row || row.purpose !== 'intake') throw new RefusedError(fixedT(t.locale ?? DEFAULT_LOCALE, 'validation')('intake.notInPapers'))
      if (await removeFileIfUnreferenced(tx, row.sha256)) unnamed = row.sha256
    },
  })
  // Committed: an object-store transport may now let go of the bytes.
  if (result.ok && unnamed) await discardUnnamedFile(db, unnamed)
  return result
}

/** The proposal as the decision record and reviewers read it (ProposalSummary in app/pdf/record-data.ts). */
export async function getProposalSummary(db: Queryable, proposal: Proposal) {
  return toSummary(proposal.reference, { proposal, intake: await findIntake(db, proposal.id) })
}

/** The papers a viewer may read, or null while they must not (see canSeePapers). */
export async function papersFor(db: Queryable, proposal: Proposal, visible: boolean) {
  if (!visible) return null
  const files = await listAttachments(db, proposal.id, 'intake')
  return {
    summary: await getProposalSummary(db, proposal),
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, href: `/proposals/${proposal.id}/attachments/${f.id}` })),
  }
}

/** The vulnerable people the proposal says it affects, for the notices that make them hard to miss. */
export async function affectedGroups(db: Queryable, proposalId: string) {
  const intake = await findIntake(db, proposalId)
  return { groups: intake?.vulnerableGroups ?? [], other: intake?.vulnerableOther ?? '' }
}
