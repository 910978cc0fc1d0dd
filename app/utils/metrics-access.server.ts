import crypto from 'node:crypto'
import proxyaddr from 'proxy-addr'
import { type Config } from './config.server'

/**
 * Who may read /metrics: a client whose address is in METRICS_ALLOW (by
 * default the machine itself), or one presenting METRICS_TOKEN as a bearer
 * token. Returns the check for one request.
 */
export function metricsAccess(config: Pick<Config, 'METRICS_ALLOW' | 'METRICS_TOKEN'>) {
  const allowed = proxyaddr.compile(config.METRICS_ALLOW)
  const token = config.METRICS_TOKEN ? crypto.createHash('sha256').update(config.METRICS_TOKEN).digest() : undefined
  return (clientAddress: string, authorization: string | undefined): boolean => {
    if (token && authorization?.startsWith('Bearer ')) {
      const given = crypto.createHash('sha256').update(authorization.slice('Bearer '.length)).digest()
      if (crypto.timingSafeEqual(given, token)) return true
    }
    return allowed(clientAddress, 0)
  }
}
