// The production HTTP server: static assets, the CSRF origin check, and the
// Remix request handler with the client's address in the load context.
// Importing the build boots Probity (configuration, database, migrations) first.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'

// postgres-js 3.4 may write to a connection whose socket the server has just
// closed (the ROLLBACK of a transaction cut off by a database restart), and
// throws from a timer. That connection's queries have already failed (the
// request answers 503) and it reconnects on its next use, so the process goes
// on; any other uncaught exception still ends it, as Node would.
process.on('uncaughtException', (error) => {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  if (error instanceof TypeError && /nextWrite/.test(stack) && /[/\\]postgres[/\\]src[/\\]connection\.js/.test(stack)) {
    console.error('Database connection lost while writing to it; it reconnects on its next use.')
    return
  }
  console.error(error)
  process.exit(1)
})

const root = process.cwd()
const build = await import(pathToFileURL(path.join(root, 'build/server/index.js')).href)
const context = await build.entry.module.appContextReady
const { config } = context

const app = express()
app.disable('x-powered-by')
// Behind a load balancer, TRUST_PROXY names how many hops to trust for X-Forwarded-For.
app.set('trust proxy', Number(process.env.TRUST_PROXY ?? 0))

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

app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
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
      console.error(`Database unavailable: ${cause?.code ?? ''} ${cause?.message ?? ''}`.trim())
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
  console.log(`Probity is listening on http://${config.HOST}:${config.PORT} (${context.database.kind})`)
})
server.keepAliveTimeout = 65_000
