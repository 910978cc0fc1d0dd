import { type Database, type Queryable } from '#db/client.server'
import { type Proposal, type RubricContent } from '#db/schema'
import {
  ensureRubric,
  insertRubricVersion,
  listRubricContents,
  findScreeningRubric,
  latestRubric,
  latestScreening,
  listReviewerRows,
  loadReviews,
  markReviewSubmitted,
  recordDeclaration,
  syncReviewerRows,
  upsertReview,
  type PrivacyValues,
  type ScoreValues,
} from '#db/screening.server'
import { listUsers } from '#db/users.server'
import { type EventActor } from '#machines/proposal-events'
import { type ProposalSnapshot } from '#machines/proposal-workflow'
import { type ScreeningResult } from '~/pdf/record-data'
import { applyEvent, loadProposal, type Applied, type LoadedProposal } from '../apply-event.server'
import { RefusedError, type Refusal } from '~/workflow/refusal'
import { canSeeResults, submittedCount } from './access'
import { aggregate, type Aggregate, type SubmittedReview } from './aggregate'
import { DEFAULT_RUBRIC } from './default-rubric'
import { reviewIssues, type PrivacyDraft, type ScoreDraft } from './review-schema'
import { toRubricContent, type RubricForm } from './rubric-schema'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'

/** `locale`: the language refusals are worded in (the page's); English by default. */
type Target = { actor: EventActor; organisationId: string; proposalId: string; now?: Date; locale?: Locale }

/** The organisation's rubric in force: its latest version, the default one if it has none yet. */
export function currentRubric(db: Queryable, organisationId: string) {
  return ensureRubric(db, organisationId, DEFAULT_RUBRIC)
}

/**
 * The rubric version a round of screening uses; before submission, the one in
 * force. A read, so it writes nothing: an organisation with no rubric yet is
 * shown the default, which submission (a write) stores as version 1.
 */
export async function rubricFor(
  db: Queryable,
  proposal: Pick<Proposal, 'id' | 'organisationId'>,
  round: number,
): Promise<{ version: number; content: RubricContent }> {
  return (await roundRubric(db, proposal, round)).rubric
}

/** The round's rubric, and whether the round has started (stored its rubric): one read once it has. */
async function roundRubric(db: Queryable, proposal: Pick<Proposal, 'id' | 'organisationId'>, round: number) {
  const stored = await findScreeningRubric(db, proposal.id, round)
  if (stored) return { started: true, rubric: stored }
  const rubric = (await latestRubric(db, proposal.organisationId)) ?? { version: 1, content: DEFAULT_RUBRIC }
  return { started: false, rubric: { version: rubric.version, content: rubric.content } }
}

/**
 * Saves an administrator's edit as the next rubric version. Proposals already
 * submitted keep the version they were screened with.
 */
export async function saveRubricVersion(
  db: Queryable,
  t: { organisationId: string; createdBy: string; form: RubricForm; locale?: Locale },
): Promise<{ ok: true; version: number } | Refusal> {
  const current = await currentRubric(db, t.organisationId)
  const conflict = { ok: false, status: 409, message: 'Someone else changed the rubric. Reload the page to see their version, then try again.' } as const
  if (t.form.version !== current.version) return conflict
  const rows = [...t.form.criteria, ...t.form.privacyItems]
  const existing = new Set([...current.content.criteria, ...current.content.privacyItems].map((r) => r.key))
  if (rows.some((r) => r.key && !existing.has(r.key))) return { ok: false, status: 400, message: fixedT(t.locale ?? DEFAULT_LOCALE, 'common')('notFound.unexpectedForm') }
  const everUsed = (await listRubricContents(db, t.organisationId)).flatMap((r) => [...r.content.criteria, ...r.content.privacyItems].map((x) => x.key))
  const content = toRubricContent(t.form, new Set(everUsed))
  const row = await insertRubricVersion(db, t.organisationId, current.version + 1, content, t.createdBy)
  return row ? { ok: true, version: row.version } : conflict
}

export function declareInterest(db: Database, t: Target & { conflict: boolean; reason?: string }) {
  const now = t.now ?? new Date()
  const reason = t.reason?.trim() || undefined
  return applyEvent(db, {
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    locale: t.locale,
    event: { type: 'review.declare', conflict: t.conflict, reason, actor: t.actor },
    audit: { kind: 'conflict.declared', conflict: t.conflict },
    now,
    effect: (tx, after) =>
      recordDeclaration(tx, { proposalId: t.proposalId, round: after.context.revisions, reviewerId: t.actor.id! }, t.conflict, reason ?? null, now),
  })
}

/** Adds reviewers (in screening, replacements for the recused); everyone already at work stays. */
export async function addReviewers(db: Database, t: Target & { reviewerIds: string[]; expectedVersion: number }) {
  const loaded = await loadProposal(db, t.organisationId, t.proposalId)
  if (!loaded) return { ok: false, status: 404, message: fixedT(t.locale ?? DEFAULT_LOCALE, 'common')('notFound.proposal') } satisfies Refusal
  const kept = Object.entries(loaded.snapshot.context.reviewers)
    .filter(([, s]) => s !== 'recused')
    .map(([id]) => id)
  const reviewerIds = [...kept, ...t.reviewerIds.filter((id) => !kept.includes(id))]
  const now = t.now ?? new Date()
  return applyEvent(db, {
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    locale: t.locale,
    event: { type: 'reviewers.assign', reviewerIds, actor: t.actor },
    expectedVersion: t.expectedVersion,
    audit: { kind: 'reviewer.added' },
    now,
    effect: (tx, after) => syncReviewerRows(tx, t.proposalId, after.context.revisions, reviewerIds, now),
  })
}

type ReviewContent = { scores: Record<string, ScoreDraft | undefined>; privacy: Record<string, PrivacyDraft | undefined> }

function toRows(rubric: RubricContent, review: ReviewContent): { scores: ScoreValues[]; privacy: PrivacyValues[] } {
  return {
    scores: rubric.criteria.map((c) => {
      const s = review.scores[c.key] ?? {}
      return {
        criterionKey: c.key,
        likelihood: s.likelihood ?? null,
        impact: s.impact ?? null,
        rationale: s.rationale ?? '',
        mitigations: s.mitigations ?? '',
        residualLikelihood: s.residualLikelihood ?? null,
        residualImpact: s.residualImpact ?? null,
      }
    }),
    privacy: rubric.privacyItems.map((i) => ({
      itemKey: i.key,
      answer: review.privacy[i.key]?.answer ?? null,
      evidence: review.privacy[i.key]?.evidence ?? '',
    })),
  }
}

/**
 * Saves the acting reviewer's draft, or (submit) checks it is complete and
 * locks it. The reviewer is always the actor: nobody can write another's review.
 */
export function recordReview(
  db: Database,
  t: Target &
    ReviewContent & {
      submit: boolean
      current?: LoadedProposal
      /** The rubric the caller already read for a round: read again only for another round. */
      rubric?: { round: number; content: RubricContent }
    },
): Promise<Applied | Refusal> {
  const now = t.now ?? new Date()
  return applyEvent(db, {
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    locale: t.locale,
    event: { type: t.submit ? 'review.submit' : 'review.save', actor: t.actor },
    audit: { kind: 'scores.saved', submitted: t.submit },
    now,
    current: t.current,
    // The rubric is read before the transaction; the transaction only writes.
    prepare: async (after, proposal) => {
      const round = after.context.revisions
      const rubric = t.rubric?.round === round ? t.rubric.content : (await rubricFor(db, proposal, round)).content
      if (t.submit && reviewIssues(rubric, t.scores, t.privacy).length > 0) {
        throw new RefusedError(fixedT(t.locale ?? DEFAULT_LOCALE, 'screening')('refusals.incomplete'))
      }
      return { key: { proposalId: t.proposalId, round, reviewerId: t.actor.id! }, rows: toRows(rubric, t) }
    },
    effect: async (tx, _after, _proposal, { key, rows }) => {
      await upsertReview(tx, key, rows.scores, rows.privacy, now)
      if (t.submit) await markReviewSubmitted(tx, key, now)
    },
  })
}

/** The acting reviewer's own draft or submission, and nobody else's. */
export async function ownReview(db: Queryable, proposalId: string, round: number, reviewerId: string) {
  return loadReviews(db, proposalId, round, [reviewerId])
}

async function submittedReviews(db: Queryable, proposalId: string, round: number, reviewerIds: string[], names: Map<string, string>) {
  const { scores, privacy } = await loadReviews(db, proposalId, round, reviewerIds)
  return reviewerIds.map((id): SubmittedReview => ({
    reviewer: names.get(id) ?? 'A former reviewer',
    scores: Object.fromEntries(
      scores
        .filter((s) => s.reviewerId === id)
        .map((s) => [
          s.criterionKey,
          {
            likelihood: s.likelihood ?? 1,
            impact: s.impact ?? 1,
            rationale: s.rationale,
            mitigations: s.mitigations,
            residualLikelihood: s.residualLikelihood ?? 1,
            residualImpact: s.residualImpact ?? 1,
          },
        ]),
    ),
    privacy: Object.fromEntries(
      privacy.filter((p) => p.reviewerId === id && p.answer).map((p) => [p.itemKey, { answer: p.answer!, evidence: p.evidence }]),
    ),
  }))
}

export type ScreeningRecord = ScreeningResult & Aggregate & { round: number; submittedReviews: number }

async function buildRecord(db: Queryable, proposal: Proposal, round: number): Promise<ScreeningRecord> {
  const [rubric, rows, people] = [
    await rubricFor(db, proposal, round),
    await listReviewerRows(db, proposal.id),
    await listUsers(db, proposal.organisationId),
  ]
  const names = new Map(people.map((p) => [p.id, p.name]))
  const submitted = rows.filter((r) => r.round === round && r.submittedAt !== null).map((r) => r.reviewerId)
  const result = aggregate(rubric.content, await submittedReviews(db, proposal.id, round, submitted, names))
  return {
    round,
    rubricVersion: rubric.version,
    bands: rubric.content.bands,
    ...result,
    // Every recusal on the proposal, from any round: each is part of its record.
    recusals: rows
      .filter((r) => r.conflict)
      .map((r) => ({ reviewer: names.get(r.reviewerId) ?? 'A former reviewer', reason: r.conflictReason ?? '' })),
    submittedReviews: submitted.length,
  }
}

/**
 * The aggregated screening of a proposal's latest round, in the shape the
 * decision record prints (ScreeningResult, with the privacy checklist and
 * profile besides). Undefined before the proposal was first submitted.
 */
export async function getScreeningResult(db: Queryable, proposal: Proposal): Promise<ScreeningRecord | undefined> {
  const screening = await latestScreening(db, proposal.id)
  return screening ? buildRecord(db, proposal, screening.round) : undefined
}

export type ReviewerRow = {
  id: string
  name: string
  status: ProposalSnapshot['context']['reviewers'][string]
  conflictReason: string | null
}

/** What the screening page may show this viewer: the blind rule is applied here, on the server. */
export async function screeningView(db: Queryable, proposal: Proposal, snapshot: ProposalSnapshot, viewerId: string) {
  const round = snapshot.context.revisions
  const [{ rubric, started }, rows, people] = [
    await roundRubric(db, proposal, round),
    await listReviewerRows(db, proposal.id, round),
    await listUsers(db, proposal.organisationId),
  ]
  const names = new Map(people.map((p) => [p.id, p.name]))
  const reasons = new Map(rows.map((r) => [r.reviewerId, r.conflictReason]))
  const reviewers: ReviewerRow[] = Object.entries(snapshot.context.reviewers).map(([id, status]) => ({
    id,
    name: names.get(id) ?? 'A former reviewer',
    status,
    conflictReason: status === 'recused' ? (reasons.get(id) ?? null) : null,
  }))
  return {
    round,
    started,
    rubric: { version: rubric.version, content: rubric.content },
    reviewers,
    submitted: submittedCount(snapshot),
    minReviewers: snapshot.context.minReviewers,
    result: started && canSeeResults(snapshot, viewerId) ? await buildRecord(db, proposal, round) : null,
  }
}

/** Ends screening; the machine allows it once the minimum number of reviewers have submitted. */
export function finishScreening(db: Database, t: Target & { expectedVersion?: number }) {
  return applyEvent(db, {
    organisationId: t.organisationId,
    proposalId: t.proposalId,
    locale: t.locale,
    event: { type: 'screening.complete', actor: t.actor },
    expectedVersion: t.expectedVersion,
    audit: { kind: 'screening.completed' },
    now: t.now,
  })
}
