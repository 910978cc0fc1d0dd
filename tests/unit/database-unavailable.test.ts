import net from 'node:net'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '#db/errors'

// scripts/serve.mjs answers 503 instead of 500 when this says the database
// could not be reached: real postgres-js errors, not hand-made ones.

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function errorOf(url: string): Promise<unknown> {
  const sql = postgres(url, { connect_timeout: 5, max: 1, onnotice: () => {} })
  try {
    await sql`select 1`
    return null
  } catch (error) {
    return error
  } finally {
    await sql.end({ timeout: 1 })
  }
}

describe('isDatabaseUnavailable', () => {
  it('is true when nothing listens where the database should be', async () => {
    const error = await errorOf(`postgres://probity@127.0.0.1:${await closedPort()}/probity`)
    expect(error).toBeInstanceOf(Error)
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('is true when that error is wrapped, as the query builder wraps it', async () => {
    const error = await errorOf(`postgres://probity@127.0.0.1:${await closedPort()}/probity`)
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: error }))).toBe(true)
  })

  it('is false for a query the database refused, and for errors of the app', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })

  it('is true for the states of a server shutting down or refusing connections', () => {
    for (const code of ['57P01', '57P03', '08006', '53300'])
      expect(isDatabaseUnavailable(Object.assign(new Error(code), { code })), code).toBe(true)
  })
})
