import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/** The published JSON Schema of record data, checked with Ajv as any consumer would. */

export const SCHEMA_FILE = path.resolve('public/schemas/decision-record/v1.json')

const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats.default(ajv)
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object)

/** The schema's complaints, as readable lines; empty when the data is valid. */
export function schemaErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

/** The record data attached to a PDF, extracted with poppler's pdfdetach (null when there is none). */
export function pdfdetachJson(file: string, name: string): { bytes: Buffer; json: unknown } | null {
  const list = spawnSync('pdfdetach', ['-list', file], { encoding: 'utf8' })
  const index = list.stdout
    .split('\n')
    .map((line) => /^(\d+): (.*)$/.exec(line))
    .find((m) => m?.[2] === name)?.[1]
  if (!index) return null
  const out = `${file}.${name}`
  const saved = spawnSync('pdfdetach', ['-save', index, '-o', out, file], { encoding: 'utf8' })
  if (saved.status !== 0 || !fs.existsSync(out)) return null
  const bytes = fs.readFileSync(out)
  fs.rmSync(out)
  try {
    return { bytes, json: JSON.parse(bytes.toString('utf8')) }
  } catch {
    return { bytes, json: undefined }
  }
}
