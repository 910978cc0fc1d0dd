import { eq } from 'drizzle-orm'
import { type Queryable } from '#db/client.server'
import { appendConditions, findPlan, insertIndicators, insertPlan, listConditions, listIndicators } from '#db/monitoring.server'
import { proposals } from '#db/schema'
import { type Condition } from '#machines/vocabulary/decision'
import { dueOn } from '~/utils/review-schedule'
import { MonitoringPlanSchema, recordPlan, type MonitoringPlanValues } from '#machines/vocabulary/monitoring-plan'

export type NewMonitoringPlan = MonitoringPlanValues & {
  proposalId: string
  /** The decision's conditions, checked at every review. */
  conditions: Condition[]
  /** Who records the reviews; the proposer when not given. */
  responsibleId?: string
}

/**
 * Creates the monitoring plan an approving decision set: the schedule, the
 * indicators and the conditions. Call it inside the decision's transaction
 * (with `tx`), so that an approval and its plan exist together or not at all.
 * Throws on a plan that does not validate: the decision form validates first.
 */
export async function createMonitoringPlan(tx: Queryable, input: NewMonitoringPlan) {
  const plan = MonitoringPlanSchema.parse(input)
  const responsibleId =
    input.responsibleId ??
    (await tx.select({ proposerId: proposals.proposerId }).from(proposals).where(eq(proposals.id, input.proposalId)))[0]?.proposerId
  if (!responsibleId) throw new Error(`No proposal ${input.proposalId} to monitor`)
  const row = await insertPlan(tx, {
    proposalId: input.proposalId,
    intervalMonths: plan.intervalMonths,
    startsOn: plan.startsOn,
    responsibleId,
    nextDueOn: dueOn(plan, 1),
  })
  const indicators = await insertIndicators(tx, input.proposalId, plan.indicators)
  const conditions = await appendConditions(
    tx,
    input.proposalId,
    input.conditions.map((c) => ({ text: c.text.trim(), source: c.source })).filter((c) => c.text),
  )
  return { plan: row, indicators, conditions }
}

/** The plan with its indicators and conditions, or undefined before a decision set one. */
export async function loadPlan(db: Queryable, proposalId: string) {
  const plan = await findPlan(db, proposalId)
  if (!plan) return undefined
  const [indicators, conditions] = await Promise.all([listIndicators(db, proposalId), listConditions(db, proposalId)])
  return { plan, indicators, conditions }
}

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>

/** As the signed record prints it. */
export function planForRecord(loaded: LoadedPlan) {
  return recordPlan({ intervalMonths: loaded.plan.intervalMonths, indicators: loaded.indicators })
}
