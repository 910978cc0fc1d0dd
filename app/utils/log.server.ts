import { AsyncLocalStorage } from 'node:async_hooks'
import pino, { type DestinationStream, type Logger } from 'pino'

/** What every log line written while answering one request carries. */
export type RequestScope = { requestId: string }

/** Set by the HTTP server around each request; read by the logger on every line. */
export const requestScope = new AsyncLocalStorage<RequestScope>()

/**
 * One JSON line per event. Lines name what happened and ids of records where
 * useful; never request bodies, cookies, tokens, passwords, e-mail contents or
 * who raised a concern (docs/decisions/017-logs-metrics-and-shutdown.md). The
 * redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The access log's own child logger already names the request.
      mixin: (_object, _level, self) => {
        const scope = requestScope.getStore()
        return scope && !('requestId' in self.bindings()) ? { requestId: scope.requestId } : {}
      },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'authorization', '*.authorization', 'body', '*.body'],
        censor: '[hidden]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

const holder = globalThis as typeof globalThis & { __probityLogger?: Logger }

/** The process's logger (kept on globalThis, like the app context, across Vite's reloads). */
export function logger(): Logger {
  holder.__probityLogger ??= createLogger()
  return holder.__probityLogger
}

/** Tests capture what is logged by installing a logger with their own destination. */
export function setLogger(next: Logger) {
  holder.__probityLogger = next
}

/**
 * An error as a log line may carry it: its name, code and the deepest cause's
 * message (a failed query's own message lists its parameters, which can be
 * personal data; the database's underlying message does not), and the stack's
 * frames without the first line, which repeats the message.
 */
export function describeError(error: unknown, withStack = false) {
  if (!(error instanceof Error)) return { message: typeof error === 'string' ? error : 'non-error value thrown' }
  let deepest: Error = error
  while (deepest.cause instanceof Error) deepest = deepest.cause
  const code = (deepest as { code?: unknown }).code
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: deepest.message.slice(0, 300),
    ...(withStack && error.stack ? { frames: error.stack.split('\n').slice(1, 12).map((l) => l.trim()) } : {}),
  }
}
