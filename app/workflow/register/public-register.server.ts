import { listPublicDecisions, type PublicDecision } from '#db/public-register.server'
import { findOrganisationBySlug } from '#db/register.server'
import { getDb } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'
import { serviceDate } from '~/utils/calendar'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { vocabulary } from '~/utils/vocabulary'
import { csvLine } from './register-query'

/** Search terms longer than this are cut: nobody types a longer reference or partner name. */
const MAX_QUERY = 100

export type PublicRegisterRequest = { slug: string; q: string; page: number }

export function parsePublicRegisterRequest(request: Request, slug: string | undefined): PublicRegisterRequest {
  const params = new URL(request.url).searchParams
  return {
    slug: slug ?? '',
    q: (params.get('q') ?? '').replace(/\p{C}/gu, '').trim().slice(0, MAX_QUERY),
    page: Math.min(10_000, Math.max(1, Math.floor(Number(params.get('page')) || 1))),
  }
}

/**
 * The service behind a public register, or 404: a service that does not
 * publish one is, to the public, simply not there. The refusal is worded in the request's language.
 */
export async function publishedService(slug: string, request?: Request) {
  const noSuchRegister = async () =>
    notFound(fixedT(request ? await getLocale(request) : DEFAULT_LOCALE, 'common')('errors.noSuchRegister'))
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return noSuchRegister()
  const db = await getDb()
  const organisation = await findOrganisationBySlug(db, slug)
  if (!organisation?.settings.publicRegister) return noSuchRegister()
  return { db, organisation }
}

/** Every signed decision the register lists (matching `q`), for the downloads. */
export async function publicRegisterExport(request: Request, slug: string | undefined) {
  const query = parsePublicRegisterRequest(request, slug)
  const { db, organisation } = await publishedService(query.slug, request)
  const { rows } = await listPublicDecisions(db, organisation.id, { q: query.q || undefined })
  const origin = new URL(request.url).origin
  return { organisation, rows, origin, today: serviceDate(new Date()) }
}

export const verifyUrl = (origin: string, recordId: string) => `${origin}/verify/${recordId}`

/** Open data may be read from any site (the Local Government Transparency Code's intent). */
export const OPEN_DATA_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' }

const PUBLIC_CSV_COLUMNS = ['reference', 'record', 'partnership', 'partner', 'contractor', 'decision', 'signedOn', 'reasons', 'conditions', 'sha256', 'verify', 'addenda'] as const

/** The CSV in the reader's language: its header row and the decision's name (the English row is unchanged). */
export function publicCsv(rows: PublicDecision[], origin: string, locale: Locale) {
  const t = fixedT(locale, 'register')
  const label = vocabulary(locale)
  const lines = rows.map((r) =>
    csvLine([
      r.reference,
      r.recordReference,
      r.title,
      r.partner,
      r.contractor,
      label('decisionOutcome', r.outcome),
      serviceDate(new Date(r.signedAt)),
      r.rationale,
      r.conditions.join('\n'),
      r.sha256,
      verifyUrl(origin, r.recordId),
      r.addenda.map((a) => `${a.reference} (${serviceDate(new Date(a.signedAt))}) ${verifyUrl(origin, a.id)}`).join('\n'),
    ]),
  )
  // The byte-order mark tells spreadsheet programs the file is UTF-8, so Welsh names survive.
  return `\uFEFF${csvLine(PUBLIC_CSV_COLUMNS.map((k) => t(`publicCsv.${k}`)))}${lines.join('')}`
}

export function publicJson(organisation: { name: string; slug: string }, rows: PublicDecision[], origin: string) {
  return {
    libraryService: organisation.name,
    register: `${origin}/public/${organisation.slug}/register`,
    generatedAt: new Date().toISOString(),
    decisions: rows.map((r) => ({
      reference: r.reference,
      title: r.title,
      partner: r.partner,
      contractor: r.contractor,
      outcome: r.outcome,
      signedAt: r.signedAt,
      reasons: r.rationale,
      conditions: r.conditions,
      record: { reference: r.recordReference, sha256: r.sha256, verify: verifyUrl(origin, r.recordId) },
      addenda: r.addenda.map((a) => ({ reference: a.reference, outcome: a.outcome, signedAt: a.signedAt, record: { sha256: a.sha256, verify: verifyUrl(origin, a.id) } })),
    })),
  }
}
