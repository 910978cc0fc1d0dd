import { type LoaderFunctionArgs } from '@remix-run/node'
import { listRegister } from '#db/register.server'
import { type Outcome } from '#machines/vocabulary/decision'
import { outcomeLabel, RISK_BAND_LABELS, stageLabel } from '#machines/vocabulary/labels'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { DUE_STATE_LABELS, dueState } from '~/utils/review-schedule'
import { serviceDate } from '~/utils/calendar'
import { csvLine, parseRegisterQuery, registerFilter } from '~/workflow/register/register-query'

/** The register as filtered and sorted on screen, every page of it, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const query = parseRegisterQuery(new URL(request.url).searchParams)
  const today = serviceDate(new Date())
  const rows = await listRegister(db, user.organisationId, { filter: registerFilter(query, today), sort: query.sort, dir: query.dir })
  const header = ['Reference', 'Partnership', 'Partner', 'Contractor', 'Stage', 'Risk band', 'Decision', 'Decided on', 'Next review due', 'Review status']
  const lines = rows.map((r) =>
    csvLine([
      r.reference,
      r.title,
      r.partner,
      r.contractor,
      stageLabel(r.stage),
      r.risk ? RISK_BAND_LABELS[r.risk] : '',
      r.outcome ? outcomeLabel(r.outcome as Outcome) : '',
      r.decidedAt ? serviceDate(new Date(r.decidedAt)) : '',
      r.nextDueOn,
      r.stage === 'monitoring' && r.nextDueOn ? DUE_STATE_LABELS[dueState(r.nextDueOn, today)] : '',
    ]),
  )
  // The byte-order mark tells spreadsheet programs the file is UTF-8, so Welsh names survive.
  const body = `\uFEFF${csvLine(header)}${lines.join('')}`
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="partnership-register-${today}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
