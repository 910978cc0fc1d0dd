import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { ROLES, type Role } from '#machines/vocabulary/roles'
import { formatNumber } from '~/utils/format'
import { DEFAULT_LOCALE, fixedT, LOCALES, type Locale } from '~/utils/i18n'
import { vocabulary } from '~/utils/vocabulary'

import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './people-csv-limits'

export type CsvPerson = { name: string; email: string; roles: Role[] }
export type PreviewRow = {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number
  name: string
  email: string
  rolesText: string
  roles: Role[]
  problems: string[]
}
export type CsvReading =
  | { ok: true; rows: PreviewRow[] }
  | { ok: false; message: string }

/** Compared without case, accents, spaces or punctuation: “Rôl” and “rol”, “E-mail address” and “emailaddress” are one. */
const simplify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

// Header names as spreadsheets export them, in English or Welsh, whatever the administrator's language.
const HEADERS: Record<string, 'name' | 'email' | 'roles'> = {
  name: 'name',
  fullname: 'name',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  roles: 'roles',
  role: 'roles',
  enw: 'name',
  enwllawn: 'name',
  ebost: 'email',
  cyfeiriadebost: 'email',
  rolau: 'roles',
  rol: 'roles',
}

// Roles by their value or their name in any language Probity speaks (the 'vocabulary' catalogue).
const ROLE_BY_NAME = new Map<string, Role>()
for (const role of ROLES) {
  ROLE_BY_NAME.set(simplify(role), role)
  for (const locale of LOCALES) ROLE_BY_NAME.set(simplify(vocabulary(locale)('role', role)), role)
}
ROLE_BY_NAME.set('reviewer', 'reviewer')
ROLE_BY_NAME.set('administrator', 'admin')
ROLE_BY_NAME.set('adolygydd', 'reviewer')

const emailSchema = z.email()

/** What the reader says when a file is too large, in the administrator's language (also the upload's own limit). */
export function tooLargeMessage(locale: Locale = DEFAULT_LOCALE): string {
  return fixedT(locale, 'admin')('csv.tooLarge', { megabytes: formatNumber(locale, MAX_IMPORT_BYTES / 1024 / 1024), max: formatNumber(locale, MAX_IMPORT_ROWS) })
}

/**
 * Reads a people CSV (UTF-8, with or without a byte-order mark; comma,
 * semicolon or tab separated) into rows, each with its problems beside it,
 * written in the administrator's language. Headers and role names are
 * accepted in English and in Welsh.
 */
export function readPeopleCsv(bytes: Uint8Array, locale: Locale = DEFAULT_LOCALE): CsvReading {
  const t = fixedT(locale, 'admin')
  const label = vocabulary(locale)
  const max = formatNumber(locale, MAX_IMPORT_ROWS)
  if (bytes.length === 0) return { ok: false, message: t('csv.empty') }
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(locale) }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: t('csv.utf16') }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, message: t('csv.notUtf8') }
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const delimiter = [',', ';', '\t'].find((d) => firstLine.includes(d)) ?? ','
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // One row past the cap is enough to know the file is too long.
      to: MAX_IMPORT_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    return { ok: false, message: t('csv.unreadable', { error: error instanceof Error ? error.message : String(error) }) }
  }
  const [header, ...body] = records
  if (!header) return { ok: false, message: t('csv.empty') }
  const columns = header.record.map((h) => HEADERS[simplify(h)])
  const missing = (['name', 'email', 'roles'] as const).filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    return { ok: false, message: t('csv.missingColumns', { missing: missing.map((c) => t(`csv.column.${c}`)).join(', ') }) }
  }
  if (body.length === 0) return { ok: false, message: t('csv.nobody') }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, message: t('csv.tooManyRows', { max }) }
  const cell = (record: string[], column: 'name' | 'email' | 'roles') =>
    record[columns.indexOf(column)] ?? ''
  const seen = new Map<string, number>()
  const rows = body.map(({ record, info }): PreviewRow => {
    const name = cell(record, 'name')
    const email = cell(record, 'email')
    const rolesText = cell(record, 'roles')
    const problems: string[] = []
    if (!name) problems.push(t('csv.noName'))
    else if (name.length > 200) problems.push(t('csv.nameTooLong'))
    if (!email) problems.push(t('csv.noEmail'))
    else if (email.length > 254 || !emailSchema.safeParse(email).success) problems.push(t('csv.notEmail', { email }))
    const roles: Role[] = []
    const names = rolesText.split(/[;,|]/).map((r) => r.trim()).filter(Boolean)
    for (const r of names) {
      const role = ROLE_BY_NAME.get(simplify(r))
      if (!role) problems.push(t('csv.unknownRole', { role: r, roles: ROLES.map((k) => label('role', k)).join(', ') }))
      else if (!roles.includes(role)) roles.push(role)
    }
    if (names.length === 0) problems.push(t('csv.noRole'))
    const key = email.toLowerCase()
    if (email && seen.has(key)) problems.push(t('csv.sameEmail', { row: seen.get(key) }))
    else if (email) seen.set(key, info.lines)
    return { row: info.lines, name, email, rolesText, roles, problems }
  })
  return { ok: true, rows }
}
