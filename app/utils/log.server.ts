import { AsyncLocalStorage } from 'node:async_hooks'
import pino, { type DestinationStream, type Logger } from 'pino'

/** What every log line written while answering one request carries. */
export type RequestScope = { requestId: string }

/** Set by the HTTP server around each request; read by the logger on every line. */
export const requestScope = new AsyncLocalStorage<RequestScope>()

/**
 * One JSON line per event. Lines name what happened and ids of records where
 * useful; never request bodies, cookies, tokens, passwords, e-mail contents or
 * who raised a concern (docs/decisions/013-logs-metrics-and-shutdown.md). The
 * redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = requestScope.getStore()
        return scope ? { requestId: scope.requestId } : {}
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

/** An error's message and name only: stacks and causes can carry query parameters. */
export function describeError(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) }
}
