import { type AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type TestSmtp = {
  url: string
  /** Accepted messages: recipients and the raw message. */
  received: { to: string[]; data: string }[]
  /** Recipients refused while `refusing` was on, one entry per try. */
  refused: string[]
  refusing: boolean
  close: () => Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 and a free port (smtp-server, no TLS, no
 * authentication). While `refusing` is set it answers every recipient with a
 * temporary failure, as a relay under maintenance does.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const state: Omit<TestSmtp, 'url' | 'close'> = { received: [], refused: [], refusing: false }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refusing) {
        state.refused.push(address.address)
        const error = Object.assign(new Error('Mail system under maintenance, try later'), { responseCode: 451 })
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        state.received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what` in the message. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${timeoutMs} ms: ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
