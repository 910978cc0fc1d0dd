import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext, type HandleDataRequestFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { boot } from './utils/boot.server'
import { describeError, logger } from './utils/log.server'
import { NonceProvider } from './utils/nonce-provider'
import { applySecurityHeaders } from './utils/security-headers.server'

// Configuration, database and migrations are ready before the first request.
export const appContextReady = boot()
await appContextReady

// For scripts/serve.mjs, which answers a database outage with 503 rather than 500,
// logs and counts each request, serves /metrics and stops gracefully.
export { isDatabaseUnavailable } from '#db/errors'
export { stopApp } from './utils/boot.server'
export { describeError, logger, requestScope } from './utils/log.server'
export { metrics } from './utils/metrics.server'
export { metricsAccess } from './utils/metrics-access.server'
export { routePatterns } from './utils/route-pattern.server'

export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString('base64')
  const callbackName = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [callbackName]: () => {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          applySecurityHeaders(responseHeaders, nonce)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors during streaming are logged once the shell is out; before it, reject() logs.
          if (shellRendered) logger().error({ err: describeError(error) }, 'error while streaming a page')
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers)
  return response
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // Logged on the server only; pages never show it.
  logger().error({ err: describeError(error, true) }, 'request failed')
}
