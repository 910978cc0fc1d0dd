// Render+sign time of the signed decision record, against Chromium's
// page.pdf() for the same content as HTML (a new page per document, and a
// warm reused page), and resident memory over 500 consecutive renders.
// Render+sign is timed in this thread and through the record pool's worker
// threads, which is how the server issues records (app/signing/record-pool.server.ts);
// the pool's figure includes cloning the data to the thread and the file back.
//
//   npx tsx bench/pdf.ts [--samples 40] [--large-samples 10] [--chromium-samples 20] [--soak 500]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import { chromium, type BrowserContext } from 'playwright-core'
import { renderDecisionRecord } from '~/pdf/render.server'
import { emptyShapingCaches } from '~/pdf/shaping-cache.server'
import { type DecisionRecordData } from '~/pdf/record-data'
import { requireSigningIdentity } from '~/signing/certificates.server'
import { renderAndSignInPool, stopRecordPool } from '~/signing/record-pool.server'
import { signPdf } from '~/signing/sign-pdf.server'
import { largeRecordData, visaRecordData } from '#tests/support/decision-records'
import { recordHtml } from './record-html'
import { ms, summarise } from './support'

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    'large-samples': { type: 'string', default: '10' },
    'chromium-samples': { type: 'string', default: '20' },
    soak: { type: 'string', default: '500' },
  },
})

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-pdf-'))
const identity = await requireSigningIdentity({ dataDir, publicUrl: 'http://localhost:4200' })

async function renderAndSign(data: DecisionRecordData) {
  const pdf = await renderDecisionRecord(data)
  return signPdf(pdf, identity, {
    name: data.organisation.name,
    reason: `Decision record ${data.record.reference}`,
    location: data.organisation.name,
    contactInfo: 'http://localhost:4200/verify',
    signingTime: new Date(),
  })
}

/**
 * Wall time, and this process's CPU time beside it: on a shared, loaded
 * machine the wall time mostly measures waiting for a core, while the CPU
 * time still tracks the work (it includes V8's helper threads, so it can
 * exceed the wall time on an idle machine). Chromium's work happens in its
 * own processes, so for it only the wall time means anything.
 */
async function time(samples: number, warmup: number, run: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await run()
  const out: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    const used = process.cpuUsage()
    await run()
    const { user, system } = process.cpuUsage(used)
    out.push(performance.now() - start)
    cpu.push((user + system) / 1000)
  }
  return { ...summarise(out), cpu: summarise(cpu).p50 }
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
const PDF_OPTIONS = {
  format: 'A4' as const,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<div style="font-size:8px;margin-left:16mm">Decision record</div>',
  footerTemplate: '<div style="font-size:8px;margin-left:16mm">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' },
}

async function chromiumTimes(context: BrowserContext, html: string, samples: number) {
  const newPage = await time(samples, 2, async () => {
    const page = await context.newPage()
    await page.setContent(html)
    await page.pdf(PDF_OPTIONS)
    await page.close()
  })
  const warm = await context.newPage()
  let bytes = 0
  const warmPage = await time(samples, 2, async () => {
    await warm.setContent(html)
    bytes = (await warm.pdf(PDF_OPTIONS)).length
  })
  await warm.close()
  return { newPage, warmPage, bytes }
}

async function renderAndSignPooled(data: DecisionRecordData) {
  const signer = { privateKey: identity.privateKey, certificates: identity.certificates, algorithm: identity.algorithm }
  return renderAndSignInPool({
    kind: 'decision',
    data,
    signer,
    signature: { name: data.organisation.name, reason: `Decision record ${data.record.reference}`, location: data.organisation.name, contactInfo: 'http://localhost:4200/verify', signingTime: new Date() },
  })
}

const rows: string[][] = []
const medians = new Map<string, number>()
const row = (what: string, s: ReturnType<typeof summarise> & { cpu?: number }, note = '') => {
  medians.set(what, s.p50)
  rows.push([what, ms(s.p50), ms(s.p95), s.cpu === undefined ? '' : ms(s.cpu), String(s.n), note])
}

const visa = visaRecordData()
const large = largeRecordData()
console.log(`Probity PDF benchmark: node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

const visaSigned = await renderAndSign(visa)
const largeSigned = await renderAndSign(large)
row('react-pdf render + sign, visa record', await time(Number(values.samples), 5, () => renderAndSign(visa)), `${(visaSigned.length / 1024).toFixed(0)} KiB`)
row('react-pdf render + sign, large record', await time(Number(values['large-samples']), 2, () => renderAndSign(large)), `${(largeSigned.length / 1024).toFixed(0)} KiB`)
// A record whose text was never shaped before: the cache emptied before each render.
const cold = (data: DecisionRecordData) => () => (emptyShapingCaches(), renderAndSign(data))
row('  same, shaping cache empty (visa)', await time(Number(values.samples), 2, cold(visa)))
row('  same, shaping cache empty (large)', await time(Number(values['large-samples']), 1, cold(large)))
// Two at once first, so that both threads have started and warmed.
await Promise.all([renderAndSignPooled(visa), renderAndSignPooled(large)])
row('worker pool render + sign, visa record', await time(Number(values.samples), 5, () => renderAndSignPooled(visa)))
row('worker pool render + sign, large record', await time(Number(values['large-samples']), 2, () => renderAndSignPooled(large)))
await stopRecordPool()
const unsigned = await renderDecisionRecord(visa)
row('  of which signing alone (visa)', await time(Number(values.samples), 3, () => signPdf(unsigned, identity, { name: 'x', reason: 'x', location: 'x', contactInfo: 'x', signingTime: new Date() })))

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-chromium-'))
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
try {
  for (const [name, data] of [['visa', visa], ['large', large]] as const) {
    const html = await recordHtml(data)
    const samples = Number(values['chromium-samples']) / (name === 'large' ? 2 : 1)
    const c = await chromiumTimes(context, html, samples)
    row(`Chromium page.pdf, new page, ${name} record`, { ...c.newPage, cpu: undefined }, `${(c.bytes / 1024).toFixed(0)} KiB, unsigned`)
    row(`Chromium page.pdf, warm page, ${name} record`, { ...c.warmPage, cpu: undefined }, 'unsigned')
  }
} finally {
  await context.close()
  fs.rmSync(profile, { recursive: true, force: true })
}

const soak = Number(values.soak)
// Warm first (JIT, parsed fonts, heap sizing), so the growth measured is what 500 more renders add.
for (let i = 0; i < 20; i++) await renderAndSign(visa)
gc()
const before = process.memoryUsage()
let peak = before.rss
const soakStart = performance.now()
for (let i = 0; i < soak; i++) {
  await renderAndSign(visa)
  if (i % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss)
}
const soakMs = performance.now() - soakStart
gc()
const after = process.memoryUsage()

const widths = [44, 12, 12, 12, 6, 24]
const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
console.log()
console.log(line(['', 'median', 'p95', 'CPU median', 'n', '']))
for (const r of rows) console.log(line(r))
const ratio = (a: string, b: string) => (medians.get(a)! / medians.get(b)!).toFixed(2)
console.log()
console.log(`Large record, render + sign / Chromium warm page.pdf (medians): ${ratio('react-pdf render + sign, large record', 'Chromium page.pdf, warm page, large record')} in this thread, ${ratio('worker pool render + sign, large record', 'Chromium page.pdf, warm page, large record')} through the pool`)
console.log(`Visa record, render + sign / Chromium warm page.pdf (medians): ${ratio('react-pdf render + sign, visa record', 'Chromium page.pdf, warm page, visa record')} in this thread, ${ratio('worker pool render + sign, visa record', 'Chromium page.pdf, warm page, visa record')} through the pool`)
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
console.log()
console.log(`Memory over ${soak} consecutive visa renders + signs (${(soakMs / soak).toFixed(0)} ms each on average), after 20 to warm up:`)
console.log(`  RSS ${mb(before.rss)} before, ${mb(after.rss)} after (peak ${mb(peak)}): growth ${mb(after.rss - before.rss)}`)
console.log(`  JavaScript heap after GC ${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after: growth ${mb(after.heapUsed - before.heapUsed)}`)
fs.rmSync(dataDir, { recursive: true, force: true })
