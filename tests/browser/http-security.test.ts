import { describe, expect, inject, it } from 'vitest'

const baseUrl = () => inject('baseUrl')

function post(path: string, headers: Record<string, string>) {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: 'email=admin%40fairhaven.example&password=wrong',
    redirect: 'manual',
  })
}

describe('HTTP security of the production server', () => {
  it('refuses a POST from another site with 403, by Origin or by Sec-Fetch-Site', async () => {
    const byOrigin = await post('/login', { Origin: 'https://attacker.example' })
    expect(byOrigin.status).toBe(403)
    expect(await byOrigin.text()).toContain('another site')
    const byFetchSite = await post('/logout', { 'Sec-Fetch-Site': 'cross-site' })
    expect(byFetchSite.status).toBe(403)
  })

  it('lets a POST from its own origin through to the app', async () => {
    const response = await post('/login', { Origin: baseUrl() })
    // The app's own answer to a wrong password, not the origin check's.
    expect(response.status).toBe(401)
  })

  it('sends the security headers with every page', async () => {
    for (const path of ['/login', '/no-such-page']) {
      const response = await fetch(`${baseUrl()}${path}`)
      const csp = response.headers.get('Content-Security-Policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/)
      expect(csp).not.toContain('unsafe-eval')
      expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('X-Powered-By')).toBeNull()
    }
  })

  it('answers an unknown URL with the 404 error page and no stack trace', async () => {
    const response = await fetch(`${baseUrl()}/no-such-page/at/all`)
    expect(response.status).toBe(404)
    const html = await response.text()
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? ''
    expect(main).toContain('Page not found')
    // The page shows a plain message, not Remix's internal one; nothing anywhere looks like a stack.
    expect(main).not.toContain('No route matches')
    expect(html).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/app\/[\w./-]+\.tsx?/)
  })

  it('reports health for load balancers', async () => {
    const response = await fetch(`${baseUrl()}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' })
    expect(response.headers.get('Cache-Control')).toBe('no-store')
  })
})
