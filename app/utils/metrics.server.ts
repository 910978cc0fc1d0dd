import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * The Prometheus metrics /metrics serves. Counters and the histogram count
 * this process's requests; the gauges are read when scraped, from the shared
 * database, so every instance reports the same queue and record figures.
 */
export type Metrics = ReturnType<typeof createMetrics>

export type Probes = {
  /** Jobs waiting and running, by queue. */
  queues?: () => Promise<{ name: string; queued: number; active: number; failed: number }[]>
  /** Connections to the database server, by state ('active', 'idle', ...). */
  connections?: () => Promise<{ state: string; count: number }[]>
  /** Decision records signed so far. */
  recordsSigned?: () => Promise<number>
}

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'probity_' })
  const probes: Probes = {}
  const requests = new Counter({
    name: 'probity_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'probity_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  new Gauge({
    name: 'probity_queue_jobs',
    help: 'Scheduled-work jobs by queue and state (queued, active, failed).',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const q of (await probes.queues?.().catch(() => [])) ?? []) {
        this.set({ queue: q.name, state: 'queued' }, q.queued)
        this.set({ queue: q.name, state: 'active' }, q.active)
        this.set({ queue: q.name, state: 'failed' }, q.failed)
      }
    },
  })
  new Gauge({
    name: 'probity_database_connections',
    help: 'Connections to the database server (all instances), by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const c of (await probes.connections?.().catch(() => [])) ?? []) this.set({ state: c.state }, c.count)
    },
  })
  new Gauge({
    name: 'probity_records_signed',
    help: 'Decision records signed (all instances).',
    registers: [registry],
    async collect() {
      const n = await probes.recordsSigned?.().catch(() => undefined)
      if (n !== undefined) this.set(n)
    },
  })
  return {
    registry,
    probes,
    /** Counts one answered request; `route` is the route pattern, never the path with its ids. */
    observeRequest(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) })
      durations.observe({ method, route }, seconds)
    },
  }
}

const holder = globalThis as typeof globalThis & { __probityMetrics?: Metrics }

export function metrics(): Metrics {
  holder.__probityMetrics ??= createMetrics()
  return holder.__probityMetrics
}
