import crypto from 'node:crypto'
import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '~/seed/demo-data'
import { setupServer } from './support/server'

const METRICS_TOKEN = crypto.randomBytes(24).toString('hex')
// Metrics are for an address this machine does not have, or the token.
const server = setupServer({ env: { METRICS_ALLOW: '10.9.9.0/24', METRICS_TOKEN, SHUTDOWN_TIMEOUT_SECONDS: '60' } })

const logLines = () =>
  server()
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

function signIn(password: string) {
  return fetch(`${server().url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'staff@fairhaven.example', password }),
    redirect: 'manual',
  })
}

describe('the production server’s logs, metrics and stop', () => {
  it('logs each request as one JSON line with its id, method, route pattern, status and duration, and nothing of the person or the query', async () => {
    const signedIn = await signIn(DEMO_PASSWORD)
    expect(signedIn.status).toBe(302)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!
    const token = decodeURIComponent(cookie.split('=')[1]!)
    const recordId = crypto.randomUUID()
    const search = `secret-search-${crypto.randomUUID()}`
    const response = await fetch(`${server().url}/proposals/${recordId}?q=${search}`, {
      headers: { Cookie: cookie, 'X-Request-Id': 'test-request-0001' },
      redirect: 'manual',
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('x-request-id')).toBe('test-request-0001')
    const generated = (await fetch(`${server().url}/login`)).headers.get('x-request-id')
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)

    // The line is written as the answer finishes, which may be just after the client has it.
    await waitFor(() => logLines().some((l) => l.requestId === generated))
    const access = logLines().find((l) => l.requestId === 'test-request-0001' && l.msg === 'request')
    expect(access).toMatchObject({ level: 'info', method: 'GET', route: '/proposals/:id', status: 404 })
    expect(typeof access!.durationMs).toBe('number')
    expect(logLines().find((l) => l.requestId === generated)).toMatchObject({ route: '/login', status: 200 })
    const output = server().output()
    for (const line of output.split('\n')) expect(line.split('"requestId"').length).toBeLessThanOrEqual(2)
    for (const secret of [DEMO_PASSWORD, token, recordId, search, 'staff@fairhaven.example']) expect(output).not.toContain(secret)
  })

  it('serves Prometheus metrics only to the allowed addresses or with the token', async () => {
    expect((await fetch(`${server().url}/metrics`)).status).toBe(403)
    expect((await fetch(`${server().url}/metrics`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(403)
    const response = await fetch(`${server().url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const text = await response.text()
    expect(text).toMatch(/probity_http_requests_total\{method="GET",route="\/proposals\/:id",status="404"\} [1-9]/)
    expect(text).toContain('probity_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/login"}')
    expect(text).toMatch(/probity_queue_jobs\{queue="mail-sweep",state="queued"\}/)
    expect(text).toMatch(/probity_records_signed \d+/)
    expect(text).not.toContain('/proposals/' + '0')
  })

  it('on SIGTERM stops taking connections, lets a slow request finish, stops the queue and the database, and exits 0', async () => {
    const { url, port } = server()
    const body = new URLSearchParams({ email: 'staff@fairhaven.example', password: 'not the password' }).toString()
    const half = Math.floor(body.length / 2)
    // A sign-in whose body arrives slowly: half now, the rest after the signal.
    const slow: http.ClientRequest[] = []
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path: '/login', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length } },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        },
      )
      request.on('error', reject)
      request.write(body.slice(0, half))
      slow.push(request)
    })
    // Long enough for the server to have read the request's head.
    await new Promise((r) => setTimeout(r, 1000))
    server().signal('SIGTERM')
    await waitFor(() => server().output().includes('"msg":"stopping: finishing the requests in flight"'))
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    slow[0]!.end(body.slice(half))
    const { status, text } = await answer
    expect(status).toBe(401)
    expect(text).toContain('Sign in')
    const { code, output } = await server().exited
    expect(code).toBe(0)
    expect(output).toContain('"msg":"stopped"')
    expect(logLines().some((l) => l.msg === 'request' && l.route === '/login' && l.method === 'POST' && l.status === 401)).toBe(true)
  })
})

async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}
