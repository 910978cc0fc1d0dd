// Time and memory while a 10 MB file goes into the database and comes back out
// through the file store (the same calls an upload and a download make), on
// PGlite in a data directory (as the server keeps it) and, with --postgres URL,
// on PostgreSQL. Prints RSS and heap before, at peak and after, so that one can
// see memory stays flat: the store writes and reads 256 KiB chunks and never
// holds a second copy of the file. (PGlite's own memory is RSS too: its WASM
// heap grows while it writes, and is not given back.)
//
//   node --expose-gc --import tsx bench/file-storage.ts [--mb 10] [--postgres postgres://…]
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openPglite, openPostgres } from '#db/client.server'
import { fileStore } from '~/utils/storage/index.server'

const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, postgres: { type: 'string' } } })
const bytes = Number(values.mb) * 1024 * 1024

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
function sampler() {
  let peakRss = 0
  let peakHeap = 0
  const take = () => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }
  const timer = setInterval(take, 5)
  return {
    take,
    stop: () => {
      clearInterval(timer)
      take()
      return { peakRss, peakHeap }
    },
  }
}

async function measure(label: string, work: () => Promise<void>) {
  globalThis.gc?.()
  const before = process.memoryUsage()
  const s = sampler()
  const started = performance.now()
  await work()
  const ms = performance.now() - started
  const peak = s.stop()
  globalThis.gc?.()
  const after = process.memoryUsage()
  console.log(
    `${label.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms   RSS ${mb(before.rss)} → peak ${mb(peak.peakRss)} (+${mb(peak.peakRss - before.rss)}) → ${mb(after.rss)}   ` +
      `heap ${mb(before.heapUsed)} → peak ${mb(peak.peakHeap)} (+${mb(peak.peakHeap - before.heapUsed)}) → ${mb(after.heapUsed)}`,
  )
}

const pgliteDir = values.postgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-files-'))
const handle = values.postgres ? await openPostgres(values.postgres) : await openPglite(pgliteDir)
try {
  const store = fileStore(handle.db)
  // The upload's bytes are already in memory (the multipart parser holds at most one 10 MB file), so they are made first.
  const file = crypto.randomBytes(bytes)
  const sha256 = crypto.createHash('sha256').update(file).digest('hex')
  console.log(`${values.postgres ? 'PostgreSQL' : 'PGlite (data directory)'}, one ${mb(bytes)} file, Node ${process.version}`)
  await measure(`upload (put ${mb(bytes)})`, async () => {
    await store.put(sha256, file)
  })
  await measure(`download (stream ${mb(bytes)})`, async () => {
    const stored = await store.stream(sha256)
    const hash = crypto.createHash('sha256')
    // As a response body would: each chunk goes on, none is kept.
    for await (const chunk of stored!.body) hash.update(chunk as Buffer)
    if (hash.digest('hex') !== sha256) throw new Error('the file came back changed')
  })
} finally {
  await handle.close()
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true })
}
