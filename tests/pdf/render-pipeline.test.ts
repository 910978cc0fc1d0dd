import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDecisionRecord } from '~/pdf/render.server'
import { emptyShapingCaches, shapingCacheStats } from '~/pdf/shaping-cache.server'
import { requireSigningIdentity, type SigningIdentity } from '~/signing/certificates.server'
import { renderAndSignInPool, stopRecordPool } from '~/signing/record-pool.server'
import { visaRecordData } from '#tests/support/decision-records'
import { pageCount, pdfsig, pdftotext } from '#tests/support/poppler'

/** Each word with its box, as poppler places it: the same words at the same places means the same visible record. */
const wordsOf = (file: string) =>
  spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout.replace(/<head>[\s\S]*<\/head>/, '')

let dir: string
let identity: SigningIdentity
const visa = visaRecordData()
const files = { fresh: '', cached: '', pooled: '' }
let hitsBefore = 0
let hitsAfter = 0

const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

// The three renders once, here, where a busy machine has the hook's longer limit.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-pipeline-'))
  identity = await requireSigningIdentity({ dataDir: dir, publicUrl: 'http://localhost:4200' })
  emptyShapingCaches()
  files.fresh = write('fresh.pdf', await renderDecisionRecord(visa))
  hitsBefore = shapingCacheStats.hits
  files.cached = write('cached.pdf', await renderDecisionRecord(visa))
  hitsAfter = shapingCacheStats.hits
  const signer = { privateKey: identity.privateKey, certificates: identity.certificates, algorithm: identity.algorithm }
  const signature = { name: 'Test', reason: 'Test', location: 'Test', contactInfo: 'http://localhost:4200/verify', signingTime: new Date() }
  files.pooled = write('pooled.pdf', await renderAndSignInPool({ kind: 'decision', data: visa, signer, signature }))
})

afterAll(async () => {
  await stopRecordPool()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the record pipeline', () => {
  it('lays a record out the same from shaping cached across renders as from fresh shaping', () => {
    expect(hitsAfter).toBeGreaterThan(hitsBefore)
    expect(wordsOf(files.cached)).toBe(wordsOf(files.fresh))
  })

  it('stamps "Page N of M" into the footer of every page after layout', () => {
    const file = files.fresh
    const pages = pageCount(file)
    expect(pages).toBeGreaterThan(1)
    const perPage = pdftotext(file).split('\f').slice(0, pages)
    perPage.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages}`))
    // Drawn where the footer ends: right-aligned at 44 pt from the page's right edge (A4, 595.28 pt wide).
    const last = [...wordsOf(file).matchAll(/yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(\d+)<\/word>/g)].filter((m) => m[3] === String(pages))
    expect(last.some((m) => Math.abs(Number(m[2]) - (595.28 - 44)) < 0.01 && Math.abs(Number(m[1]) - (841.89 - 34)) < 0.01)).toBe(true)
  })

  it('renders and signs on a worker thread a record that verifies, with the text rendered in this thread', () => {
    expect(pdfsig(files.pooled)).toContain('Signature Validation: Signature is Valid.')
    expect(wordsOf(files.pooled)).toBe(wordsOf(files.fresh))
  })
})
