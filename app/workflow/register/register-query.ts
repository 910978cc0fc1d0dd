import { z } from 'zod'
import { OUTCOMES } from '#machines/vocabulary/decision'
import { DUE_FILTERS, REGISTER_SORTS } from '#machines/vocabulary/register'
import { RISK_BANDS } from '#machines/vocabulary/risk'
import { addDays, DUE_SOON_DAYS } from '~/utils/review-schedule'
import { STAGES } from '#machines/vocabulary/stages'

/**
 * The register's filters and order, read from the address so that a view can
 * be bookmarked and exported as it is. A value that makes no sense is
 * ignored, never an error: it is only a view.
 */
// Drafts are not listed until they are submitted.
const RegisterStageSchema = z.enum(STAGES).exclude(['draft'])
export const REGISTER_STAGES = RegisterStageSchema.options

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)

export const RegisterQuerySchema = z.object({
  stage: optional(RegisterStageSchema),
  risk: optional(z.enum(RISK_BANDS)),
  outcome: optional(z.enum(OUTCOMES)),
  due: optional(z.enum(DUE_FILTERS)),
  q: optional(z.string().trim().max(200).transform((s) => s || undefined)),
  sort: z.enum(REGISTER_SORTS).catch('reference'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export type RegisterQuery = z.infer<typeof RegisterQuerySchema>

export const PAGE_SIZE = 50

export function parseRegisterQuery(params: URLSearchParams): RegisterQuery {
  return RegisterQuerySchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')))
}

/** The query's filters as the register's database function takes them. */
export function registerFilter(q: RegisterQuery, today: string) {
  return {
    stage: q.stage,
    risk: q.risk,
    outcome: q.outcome,
    q: q.q,
    dueBy: q.due === 'overdue' ? addDays(today, -1) : q.due === 'due' ? addDays(today, DUE_SOON_DAYS) : undefined,
  }
}

/** The address of the register with some of its parameters changed. */
export function registerSearch(q: RegisterQuery, changes: Partial<Record<keyof RegisterQuery, string | number | undefined>>) {
  const merged = { ...q, ...changes }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '') continue
    if ((key === 'sort' && value === 'reference') || (key === 'dir' && value === 'asc') || (key === 'page' && value === 1)) continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/** One CSV cell: quoted, and never read by a spreadsheet as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
