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

const LIST_LIMIT = 10

/** The stages in the order the process runs, for the counts. */
export const STAGE_ORDER = [
  'draft',
  'screening',
  'consultation',
  'decision',
  'approved',
  'monitoring',
  'reassessment',
  'suspended',
  'rejected',
  'withdrawn',
  'terminated',
  'concluded',
] as const

export async function chiefDashboard(db: Queryable, user: Pick<SessionUser, 'id' | 'organisationId'>, today: string) {
  const [stages, mine, due, reassessing, blocking] = await Promise.all([
    countByStage(db, user.organisationId),
    listProposerInProgress(db, user.organisationId, user.id, LIST_LIMIT),
    listReviewsDue(db, user.organisationId, addDays(today, DUE_SOON_DAYS)),
    listInReassessment(db, user.organisationId),
    listBlockingIssues(db, user.organisationId),
  ])
  const counts = new Map(stages.map((s) => [s.stage, Number(s.n)]))
  return {
    byStage: STAGE_ORDER.map((stage) => ({ stage, n: counts.get(stage) ?? 0 })).filter((s) => s.n > 0),
    mine,
    reviewsDue: due.map((r) => ({ ...r, state: dueState(r.dueOn, today) })),
    reassessing: reassessing.map(({ openedAt, ...r }) => ({ ...r, openedOn: openedAt ? openedAt.toISOString().slice(0, 10) : null })),
    blocking,
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
