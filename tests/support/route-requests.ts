import { type FormValue } from './access-table'

export const ORIGIN = 'http://localhost:3000'

type Body = Record<string, FormValue> | { raw: BodyInit; contentType: string }

/**
 * A request as a browser (or someone imitating one) sends it to a route:
 * form fields urlencoded, or multipart as soon as one of them is a file;
 * `raw` sends exactly the given bytes under the given content type.
 */
export function routeRequest(
  pathname: string,
  { cookie, body }: { cookie?: string; body?: Body } = {},
): Request {
  const headers = new Headers({ Origin: ORIGIN })
  if (cookie) headers.set('Cookie', cookie)
  if (!body) return new Request(`${ORIGIN}${pathname}`, { headers })
  if ('raw' in body && typeof body.contentType === 'string') {
    headers.set('Content-Type', body.contentType)
    return new Request(`${ORIGIN}${pathname}`, {
      method: 'POST',
      headers,
      body: body.raw as BodyInit,
    })
  }
  const fields = Object.entries(body as Record<string, FormValue>)
  const multipart = fields.some(([, v]) => [v].flat().some((item) => item instanceof File))
  const form = multipart ? new FormData() : new URLSearchParams()
  for (const [name, value] of fields) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof File) (form as FormData).append(name, item)
      else form.append(name, item)
    }
  }
  return new Request(`${ORIGIN}${pathname}`, { method: 'POST', headers, body: form })
}

export type Answer =
  | { kind: 'answer'; status: number; location?: string; setsCookie?: boolean; payload: unknown }
  | { kind: 'error'; error: unknown }

/**
 * What a loader or action answered, returned or thrown, as Remix would send
 * it: a Response's status, a `data()` result's status, 200 for plain data;
 * anything else thrown is an error (Remix would answer 500).
 */
export async function answerOf(run: () => Promise<unknown>): Promise<Answer> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    if (!(thrown instanceof Response)) return { kind: 'error', error: thrown }
    result = thrown
  }
  if (result instanceof Response) {
    const payload =
      result.status >= 300 && result.status < 400 ? null : await result.text().catch(() => '')
    return {
      kind: 'answer',
      status: result.status,
      location: result.headers.get('Location') ?? undefined,
      setsCookie: result.headers.has('Set-Cookie'),
      payload,
    }
  }
  if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
    const { init, data } = result as {
      init?: { status?: number; headers?: HeadersInit } | null
      data: unknown
    }
    return {
      kind: 'answer',
      status: init?.status ?? 200,
      setsCookie: new Headers(init?.headers).has('Set-Cookie'),
      payload: data,
    }
  }
  return { kind: 'answer', status: 200, payload: result }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)
}
