import { type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, type MetaFunction } from '@remix-run/react'
import { listOutbox } from '#db/notifications.server'
import { appContext } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = () => pageTitle('E-mail outbox')

/**
 * Without SMTP_URL, e-mail is kept rather than sent; administrators read here
 * what would have gone out. With SMTP configured the page does not exist.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const { config, database } = await appContext()
  if (config.SMTP_URL) notFound('Page not found')
  const messages = await listOutbox(database.db, user.organisationId)
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      body: m.body,
      status: m.status,
      at: m.createdAt.toISOString().replace('T', ' ').slice(0, 16),
    })),
  }
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>E-mail outbox</h1>
      <p>
        No mail server is configured (SMTP_URL), so Probity keeps the e-mail it would have sent here
        instead of sending it. In-app notifications are delivered as usual.
      </p>
      {messages.length === 0 ? <p>No e-mail has been queued.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="panel" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">
            To {m.to} · {m.at} UTC · {m.status === 'captured' ? 'kept, not sent' : m.status}
          </p>
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
    </>
  )
}
