import nodemailer, { type Transporter } from 'nodemailer'
import { type Database } from '#db/client.server'
import { listSendable, markFailed, markSent } from '#db/notifications.server'
import { appContext } from './app-context.server'
import { type Config } from './config.server'

/** What code that queues e-mail needs to know: where links point, and whether anything is sent. */
export type MailSettings = { publicUrl: string; smtp: boolean }

export function mailSettings(config: Pick<Config, 'publicUrl' | 'SMTP_URL'>): MailSettings {
  return { publicUrl: config.publicUrl, smtp: Boolean(config.SMTP_URL) }
}

/** One pass over the outbox: each waiting message is tried once; failures wait for the next pass. */
export async function deliverOutbox(
  db: Database,
  transport: Pick<Transporter, 'sendMail'>,
  from: string,
) {
  let sent = 0
  let failed = 0
  for (const message of await listSendable(db, 500)) {
    try {
      await transport.sendMail({
        from,
        to: message.toAddress,
        subject: message.subject,
        text: message.body,
      })
      await markSent(db, message.id, new Date())
      sent++
    } catch (error) {
      await markFailed(
        db,
        message.id,
        message.attempts + 1,
        error instanceof Error ? error.message : String(error),
      )
      failed++
    }
  }
  return { sent, failed }
}

let transport: Transporter | undefined
let running: Promise<void> | undefined
let again = false

/**
 * Sends what the outbox holds, in the background, after the transaction that
 * queued it has committed. Without SMTP_URL nothing is sent: the messages stay
 * on the development outbox page.
 */
export function kickDelivery() {
  if (running) {
    again = true
    return
  }
  running = (async () => {
    const { config, database } = await appContext()
    if (!config.SMTP_URL) return
    transport ??= nodemailer.createTransport(config.SMTP_URL)
    do {
      again = false
      await deliverOutbox(database.db, transport, config.MAIL_FROM)
    } while (again)
  })()
    .catch((error: unknown) =>
      console.error(
        `E-mail delivery stopped: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
    .finally(() => {
      running = undefined
    })
}

/** Resolves once any delivery in progress has finished. */
export function deliveryIdle(): Promise<void> {
  return running ?? Promise.resolve()
}
