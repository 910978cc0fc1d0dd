import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { TimestampUnavailableError } from './timestamp.server'
import { type RecordJob, type RecordJobResult } from './record-worker.server'

/**
 * Records are rendered and signed on worker threads, never on the event
 * loop that answers requests: a large record takes a second or more of
 * CPU, and every other request of the server would wait behind it.
 * (docs/decisions/028-records-in-a-worker-pool.md)
 *
 * One thread per core at most. Threads start on first use and stop after a
 * while idle; an idle thread never keeps the process alive.
 */

const IDLE_MS = 5 * 60_000
/**
 * A render allocates hundreds of megabytes of short-lived objects (glyph
 * runs, line fragments); a young generation larger than V8's default means
 * fewer scavenges, which were a fifth of a render's CPU time.
 */
const YOUNG_GENERATION_MB = 192

/**
 * The worker's entry file. Built, this module is bundled into
 * build/server/index.js or build/cli/probity.js, beside build/worker/; run
 * from source (vite dev, vitest, tsx) it is a .ts file, and the worker
 * starts through a bootstrap that compiles the sources with tsx.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url)
  if (/\.tsx?$/.test(here)) return path.join(path.dirname(here), 'record-worker.dev.mjs')
  return path.resolve(path.dirname(here), '..', 'worker', 'record-worker.js')
}

let pool: Piscina<RecordJob, RecordJobResult> | undefined

function recordPool() {
  pool ??= new Piscina<RecordJob, RecordJobResult>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: os.availableParallelism(),
    idleTimeout: IDLE_MS,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  })
  return pool
}

/** Renders and signs a record on a worker thread; a refusal by the timestamp authority throws TimestampUnavailableError here, as signing in-process would. */
export async function renderAndSignInPool(job: RecordJob): Promise<Buffer> {
  const result = await recordPool().run(job)
  if (!result.ok) throw new TimestampUnavailableError(result.timestamp.url, result.timestamp.why)
  return Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength)
}

/** Ends the worker threads (at shutdown); a later record starts them again. */
export async function stopRecordPool() {
  const stopping = pool
  pool = undefined
  await stopping?.destroy()
}
