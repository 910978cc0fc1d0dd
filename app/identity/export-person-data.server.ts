import { type Database } from '#db/client.server'
import { proposalNames, readPersonData, type PersonData } from '#db/person-data.server'
import { describeAuditEntry } from '~/utils/audit-summary'
import { DEFAULT_LOCALE, type Locale } from '~/utils/i18n'

/**
 * Said in every export, because it is true of every person: Probity keeps no
 * link from an anonymous concern or endorsement to its author, so it cannot
 * list them (ADR 023, ADR 031).
 */
export const ANONYMOUS_STATEMENT =
  'Anonymous concerns and endorsements are not listed: Probity stores no link between an anonymous contribution and the person who made it (no account, session, network address or time of day), so it does not know which, if any, this person made.'

export const SIGNED_RECORDS_STATEMENT =
  'Signed decision records and addenda may name this person (as proposer, reviewer, author of a named concern or signatory). They are kept unchanged, also after an erasure: changing a signed record would make it fail verification.'

/** JSON has no dates: every Date becomes its ISO 8601 text, at any depth. */
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

function jsonify<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>
}

export type PersonExport = Jsonified<
  Omit<PersonData, 'auditEntries'> & {
    format: 'probity-subject-access/1'
    exportedAt: Date
    organisation: string
    proposals: { id: string; reference: string; title: string }[]
    auditEntries: (Omit<PersonData['auditEntries'][number], 'detail' | 'summary'> & { description: string })[]
    anonymousContributions: string
    signedRecords: string
  }
>

/**
 * Everything Probity holds about one person of the administrator's own
 * library service, as data (the JSON download) and for the readable page;
 * undefined when the person is not in that service. What each audit entry says
 * is worded in `locale`, the reader's language.
 */
export async function exportPersonData(
  db: Database,
  organisation: { id: string; name: string },
  userId: string,
  now = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<PersonExport | undefined> {
  const data = await readPersonData(db, organisation.id, userId)
  if (!data) return undefined
  const mentioned = new Set<string>()
  for (const rows of Object.values(data)) {
    if (!Array.isArray(rows)) continue
    for (const row of rows as { proposalId?: string }[]) if (row.proposalId) mentioned.add(row.proposalId)
  }
  const { auditEntries, ...rest } = data
  return jsonify({
    format: 'probity-subject-access/1' as const,
    exportedAt: now,
    organisation: organisation.name,
    ...rest,
    proposals: await proposalNames(db, organisation.id, [...mentioned]),
    auditEntries: auditEntries.map(({ detail, summary, ...entry }) => ({
      ...entry,
      description: describeAuditEntry({ detail, summary, eventType: entry.eventType }, locale),
    })),
    anonymousContributions: ANONYMOUS_STATEMENT,
    signedRecords: SIGNED_RECORDS_STATEMENT,
  })
}
