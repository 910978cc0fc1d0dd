import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { ROLE_LABELS, ROLES, type Role } from '#machines/vocabulary/roles'

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

// Header names as spreadsheets export them, compared without case, spaces or punctuation.
const HEADERS: Record<string, 'name' | 'email' | 'roles'> = {
  name: 'name',
  fullname: 'name',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  roles: 'roles',
  role: 'roles',
}
const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '')

const roleKey = (r: string) => r.toLowerCase().replace(/[^a-z]/g, '')
const ROLE_BY_NAME = new Map<string, Role>()
for (const role of ROLES) {
  ROLE_BY_NAME.set(roleKey(role), role)
  ROLE_BY_NAME.set(roleKey(ROLE_LABELS[role]), role)
}
ROLE_BY_NAME.set('reviewer', 'reviewer')
ROLE_BY_NAME.set('administrator', 'admin')

const emailSchema = z.email()

/**
 * Reads a people CSV (UTF-8, with or without a byte-order mark; comma,
 * semicolon or tab separated) into rows, each with its problems beside it.
 */
export function readPeopleCsv(bytes: Uint8Array): CsvReading {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' }
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} people at a time.` }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'The file is in UTF-16, not UTF-8. In your spreadsheet, save it as “CSV UTF-8” and upload it again.' }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, message: 'The file is not in UTF-8 (it may be Windows-1252 or Latin-1). In your spreadsheet, save it as “CSV UTF-8” and upload it again.' }
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
    return { ok: false, message: `The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}` }
  }
  const [header, ...body] = records
  if (!header) return { ok: false, message: 'The file is empty.' }
  const columns = header.record.map((h) => HEADERS[headerKey(h)])
  const missing = (['name', 'email', 'roles'] as const).filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    return {
      ok: false,
      message: `The first row must name the columns: “Name”, “Email” and “Roles” (also accepted: “Full name”, “E-mail address”, “Role”). Missing: ${missing.join(', ')}.`,
    }
  }
  if (body.length === 0) return { ok: false, message: 'The file has a header row but nobody in it.' }
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} people. Split it into files of at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows and import each.` }
  }
  const cell = (record: string[], column: 'name' | 'email' | 'roles') =>
    record[columns.indexOf(column)] ?? ''
  const seen = new Map<string, number>()
  const rows = body.map(({ record, info }): PreviewRow => {
    const name = cell(record, 'name')
    const email = cell(record, 'email')
    const rolesText = cell(record, 'roles')
    const problems: string[] = []
    if (!name) problems.push('No name.')
    else if (name.length > 200) problems.push('The name is longer than 200 characters.')
    if (!email) problems.push('No e-mail address.')
    else if (email.length > 254 || !emailSchema.safeParse(email).success) problems.push(`“${email}” is not an e-mail address.`)
    const roles: Role[] = []
    const names = rolesText.split(/[;,|]/).map((r) => r.trim()).filter(Boolean)
    for (const r of names) {
      const role = ROLE_BY_NAME.get(roleKey(r))
      if (!role) problems.push(`Unknown role “${r}”. Use: ${ROLES.map((k) => ROLE_LABELS[k]).join(', ')}.`)
      else if (!roles.includes(role)) roles.push(role)
    }
    if (names.length === 0) problems.push('No role.')
    const key = email.toLowerCase()
    if (email && seen.has(key)) problems.push(`The same e-mail address as row ${seen.get(key)}.`)
    else if (email) seen.set(key, info.lines)
    return { row: info.lines, name, email, rolesText, roles, problems }
  })
  return { ok: true, rows }
}
