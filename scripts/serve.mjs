// The production HTTP server: a request id and an access log line for every
// request, /metrics, static assets, the CSRF origin check, and the Remix
// request handler with the client's address in the load context; on SIGTERM
// or SIGINT it drains and stops. Importing the build boots Probity
// (configuration, database, migrations, scheduled work) first.
import crypto from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'
import { pinoHttp } from 'pino-http'

// This server drains requests before the app stops; the app must not stop itself on a signal.
process.env.PROBITY_SIGNALS = 'server'
// Until the build has loaded its logger, plain lines.
let log = { error: (fields, message) => console.error(message, fields) }
let describe = (error) => ({ message: error instanceof Error ? error.message : String(error) })

// postgres-js 3.4 may write to a connection whose socket the server has just
// closed (the ROLLBACK of a transaction cut off by a database restart), and
// throws from a timer. That connection's queries have already failed (the
// request answers 503) and it reconnects on its next use, so the process goes
// on; any other uncaught exception still ends it, as Node would.
process.on('uncaughtException', (error) => {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  if (error instanceof TypeError && /nextWrite/.test(stack) && /[/\\]postgres[/\\]src[/\\]connection\.js/.test(stack)) {
    log.error({}, 'Database connection lost while writing to it; it reconnects on its next use.')
    return
  }
  log.error({ err: describe(error, true) }, 'uncaught exception; stopping')
  process.exit(1)
})

const root = process.cwd()
const build = await import(pathToFileURL(path.join(root, 'build/server/index.js')).href)
const context = await build.entry.module.appContextReady
const { config } = context
const { logger, requestScope, metrics, metricsAccess, routePatterns, stopApp } = build.entry.module
describe = build.entry.module.describeError
log = logger()

const app = express()
app.disable('x-powered-by')
// Behind a load balancer, TRUST_PROXY names how many hops to trust for X-Forwarded-For.
app.set('trust proxy', Number(process.env.TRUST_PROXY ?? 0))

// Every request gets an id, kept for every log line written while answering it
// and echoed as X-Request-Id. A proxy's id is kept when it looks like one.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/
app.use((req, res, next) => {
  const given = req.get('x-request-id')
  req.id = given && REQUEST_ID.test(given) ? given : crypto.randomUUID()
  res.set('X-Request-Id', req.id)
  requestScope.run({ requestId: req.id }, next)
})

// The access log and request metrics name the route pattern, never the path
// or query string (ids, searches), and never a person: no user id, cookie,
// address or body, so that nothing ties a request such as raising an
// anonymous concern to who made it (docs/decisions/017-logs-metrics-and-shutdown.md).
const patternOf = routePatterns(build.routes)
const routeOf = (req, res) => res.locals.route ?? patternOf(req.path)
const QUIET = new Set(['/healthz', '/metrics'])
app.use(
  pinoHttp({
    logger: logger(),
    genReqId: (req) => req.id,
    quietReqLogger: true,
    autoLogging: { ignore: (req) => QUIET.has(req.path) },
    serializers: { req: () => undefined, res: () => undefined, err: () => undefined },
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val) => ({
      method: req.method,
      route: routeOf(req, res),
      status: res.statusCode,
      durationMs: val.responseTime,
    }),
    customErrorObject: (req, res, _error, val) => ({
      method: req.method,
      route: routeOf(req, res),
      status: res.statusCode,
      durationMs: val.responseTime,
    }),
    customAttributeKeys: { reqId: 'requestId' },
  }),
)
const counting = metrics()
app.use((req, res, next) => {
  const started = process.hrtime.bigint()
  res.once('finish', () => {
    if (QUIET.has(req.path)) return
    counting.observeRequest(req.method, routeOf(req, res), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9)
  })
  next()
})

// Prometheus metrics, for the addresses METRICS_ALLOW names or a bearer METRICS_TOKEN.
const mayReadMetrics = metricsAccess(config)
app.get('/metrics', async (req, res) => {
  if (!mayReadMetrics(req.ip ?? req.socket.remoteAddress ?? '', req.get('authorization'))) {
    res.status(403).type('text/plain').send('Refused: metrics are for the monitoring system.')
    return
  }
  res.set('Cache-Control', 'no-store').type(counting.registry.contentType).send(await counting.registry.metrics())
})

// While stopping, each answer closes its connection, so that keep-alive clients go elsewhere.
let stopping = false
app.use((req, res, next) => {
  if (stopping) res.set('Connection', 'close')
  next()
})

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}
const single = new Set(Object.keys(BASE_HEADERS).map((h) => h.toLowerCase()))
// Every response gets these, static files and resource routes included. Remix
// pages set them too, and its adapter appends headers: replacing instead keeps
// one copy of each (a doubled "same-origin, same-origin" is sloppy at best).
app.use((req, res, next) => {
  res.set(BASE_HEADERS)
  const append = res.append.bind(res)
  res.append = (field, value) => (single.has(field.toLowerCase()) ? res.set(field, value) : append(field, value))
  next()
})

const publicOrigin = new URL(config.publicUrl).origin
// Cross-site form posts are refused by origin, on top of SameSite=Lax cookies
// (docs/decisions/003-sessions-and-csrf.md).
app.use((req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const origin = req.get('origin')
  const fetchSite = req.get('sec-fetch-site')
  const hostOrigin = `${req.protocol}://${req.get('host')}`
  const sameOrigin = origin ? origin === publicOrigin || origin === hostOrigin : fetchSite !== 'cross-site'
  if (!sameOrigin) {
    res.status(403).type('text/plain').send('Refused: this request came from another site.')
    return
  }
  next()
})

// Every action reads a form, urlencoded or multipart, which a browser always
// sends with its length. Anything else is refused before it is read: another
// content type (415), no declared length (411), or more than any form of the
// app takes (413: five 10 MB papers is the most; a form without files is small).
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i
const MAX_MULTIPART_BYTES = 64 * 1024 * 1024
const MAX_FORM_BYTES = 1024 * 1024
app.use((req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const type = req.get('content-type') ?? ''
  const length = req.get('content-length')
  const refuse = (status, message) => res.status(status).set('Connection', 'close').type('text/plain').send(message)
  if (!FORM_TYPES.test(type)) return refuse(415, 'Refused: send a form (urlencoded or multipart).')
  if (length === undefined) return refuse(411, 'Refused: a form must say how long it is.')
  const limit = type.toLowerCase().startsWith('multipart/') ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES
  if (Number(length) > limit) return refuse(413, 'Refused: that is more than any form here takes.')
  next()
})

app.use('/assets', (req, res, next) => ((res.locals.route = '/assets/*'), next()), express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))

// While the database cannot be reached (a restart, a failover), every loader
// and action answers 503 with the error page's plain message, rather than a
// 500; once it is back the next query reconnects by itself.
const UNAVAILABLE = 'Probity cannot reach its database just now. Try again in a minute.'
const answeringOutages = (handler) =>
  handler &&
  (async (args) => {
    try {
      return await handler(args)
    } catch (error) {
      if (!build.entry.module.isDatabaseUnavailable(error)) throw error
      // The deepest cause only ("connect ECONNREFUSED ..."): the query's own message carries its parameters.
      let cause = error
      while (cause?.cause) cause = cause.cause
      log.warn({ err: describe(error) }, 'database unavailable')
      throw new Response(UNAVAILABLE, { status: 503, headers: { 'Retry-After': '10', 'Content-Type': 'text/plain; charset=utf-8' } })
    }
  })
const routes = Object.fromEntries(
  Object.entries(build.routes).map(([id, route]) => [
    id,
    { ...route, module: { ...route.module, loader: answeringOutages(route.module.loader), action: answeringOutages(route.module.action) } },
  ]),
)

app.all(
  '*',
  createRequestHandler({
    build: { ...build, routes },
    mode: process.env.NODE_ENV ?? 'production',
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
  }),
)

const server = app.listen(config.PORT, config.HOST, () => {
  log.info({ host: config.HOST, port: config.PORT, database: context.database.kind }, `Probity is listening on http://${config.HOST}:${config.PORT}`)
})
server.keepAliveTimeout = 65_000

// Graceful stop: no new connections, requests in flight finish (for at most
// SHUTDOWN_TIMEOUT_SECONDS), then the scheduled work stops, the database
// closes and the process exits 0.
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'stopping: finishing the requests in flight')
  const closed = new Promise((resolve) => server.close(resolve))
  // Idle keep-alive connections would hold close() open; busy ones close after their answer.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100)
  server.closeIdleConnections()
  const deadline = setTimeout(() => {
    log.warn({ timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS }, 'requests still running at the shutdown limit; closing their connections')
    server.closeAllConnections()
  }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000)
  await closed
  clearInterval(sweeper)
  clearTimeout(deadline)
  try {
    await stopApp()
  } catch (error) {
    log.error({ err: describe(error) }, 'the database did not close cleanly')
  }
  log.info('stopped')
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))
