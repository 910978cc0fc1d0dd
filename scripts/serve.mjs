// The production HTTP server: static assets, the CSRF origin check, and the
// Remix request handler with the client's address in the load context.
// Importing the build boots Probity (configuration, database, migrations) first.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'

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

app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))

app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? 'production',
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
  }),
)

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`Probity is listening on http://${config.HOST}:${config.PORT} (${context.database.kind})`)
})
server.keepAliveTimeout = 65_000
