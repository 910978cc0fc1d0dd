import { type LoaderFunctionArgs } from '@remix-run/node'
import { listRegister } from '#db/register.server'
import { type Outcome } from '#machines/vocabulary/decision'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { dueState } from '~/utils/review-schedule'
import { vocabulary, type VocabularyValue } from '~/utils/vocabulary'
import { serviceDate } from '~/utils/calendar'
import { csvLine, parseRegisterQuery, registerFilter } from '~/workflow/register/register-query'

/** The register as filtered and sorted on screen, every page of it, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const query = parseRegisterQuery(new URL(request.url).searchParams)
  const today = serviceDate(new Date())
  const rows = await listRegister(db, user.organisationId, { filter: registerFilter(query, today), sort: query.sort, dir: query.dir })
  // Headers and words in the reader's language; the English header row stays what it always was.
  const locale = await localeFor(request, user)
  const t = fixedT(locale, 'register')
  const tp = fixedT(locale, 'proposal')
  const label = vocabulary(locale)
  const header = (['reference', 'partnership', 'partner', 'contractor', 'stage', 'risk', 'decision', 'decidedOn', 'nextReviewDue', 'reviewStatus'] as const).map((k) =>
    t(`csv.${k}`),
  )
  const lines = rows.map((r) =>
    csvLine([
      r.reference,
      r.title,
      r.partner,
      r.contractor,
      label('stage', r.stage as VocabularyValue<'stage'>),
      r.risk ? label('riskBand', r.risk) : '',
      r.outcome ? label('decisionOutcome', r.outcome as Outcome) : '',
      r.decidedAt ? serviceDate(new Date(r.decidedAt)) : '',
      r.nextDueOn,
      r.stage === 'monitoring' && r.nextDueOn ? tp(`dueState.${dueState(r.nextDueOn, today)}`) : '',
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
