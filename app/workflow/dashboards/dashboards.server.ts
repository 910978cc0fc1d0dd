import { type Queryable } from '#db/client.server'
import {
  countByStage,
  listAwaitingReviewer,
  listBlockingIssues,
  listInReassessment,
  listMonitored,
  listNamedConcerns,
  listOpenConsultations,
  listProposerInProgress,
  listReviewsDue,
} from '#db/dashboards.server'
import { type SessionUser } from '~/utils/auth.server'
import { addDays, DUE_SOON_DAYS, dueState } from '~/utils/review-schedule'
import { STAGES } from '#machines/vocabulary/stages'

const LIST_LIMIT = 10
/** A home page lists the most pressing of each kind and links to the rest; a long list is the register's job. */
export const URGENT_LIMIT = 20

export async function chiefDashboard(db: Queryable, user: Pick<SessionUser, 'id' | 'organisationId'>, today: string) {
  const [stages, mine, due, reassessing, blocking] = await Promise.all([
    countByStage(db, user.organisationId),
    listProposerInProgress(db, user.organisationId, user.id, LIST_LIMIT),
    listReviewsDue(db, user.organisationId, addDays(today, DUE_SOON_DAYS), URGENT_LIMIT),
    listInReassessment(db, user.organisationId, URGENT_LIMIT),
    listBlockingIssues(db, user.organisationId, URGENT_LIMIT),
  ])
  const counts = new Map(stages.map((s) => [s.stage, Number(s.n)]))
  return {
    byStage: STAGES.map((stage) => ({ stage, n: counts.get(stage) ?? 0 })).filter((s) => s.n > 0),
    mine,
    reviewsDue: due.rows.map((r) => ({ ...r, state: dueState(r.dueOn, today) })),
    reviewsDueTotal: due.total,
    reassessing: reassessing.rows.map(({ openedAt, ...r }) => ({ ...r, openedOn: openedAt ? openedAt.toISOString().slice(0, 10) : null })),
    reassessingTotal: reassessing.total,
    blocking: blocking.rows,
    blockingTotal: blocking.total,
  }
}

export async function reviewerDashboard(db: Queryable, user: Pick<SessionUser, 'id' | 'organisationId'>) {
  return { awaiting: await listAwaitingReviewer(db, user.organisationId, user.id) }
}

export async function staffDashboard(db: Queryable, user: Pick<SessionUser, 'id' | 'organisationId'>) {
  const [open, monitored, concerns] = await Promise.all([
    listOpenConsultations(db, user.organisationId),
    listMonitored(db, user.organisationId, LIST_LIMIT),
    listNamedConcerns(db, user.organisationId, user.id, LIST_LIMIT),
  ])
  return { open, monitored, concerns }
}

export type ChiefDashboard = Awaited<ReturnType<typeof chiefDashboard>>
export type ReviewerDashboard = Awaited<ReturnType<typeof reviewerDashboard>>
export type StaffDashboard = Awaited<ReturnType<typeof staffDashboard>>
