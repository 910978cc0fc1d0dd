import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { listFailedMessages, requeueFailed } from '#db/notifications.server'
import { FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { kickDelivery } from '~/utils/mail.server'
import { MailRetrySchema } from '~/utils/mail-retry-schema'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Undelivered e-mail')

/**
 * E-mail that every retry failed to deliver: to whom, what about, and the
 * mail server's last answer. Never the body: it is the recipient's to read.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { config, database } = await appContext()
  const failed = await listFailedMessages(database.db, admin.organisationId)
  return {
    smtp: Boolean(config.SMTP_URL),
    failed: failed.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      attempts: m.attempts,
      lastError: m.lastError ?? '',
      at: m.createdAt.toISOString().replace('T', ' ').slice(0, 16),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: MailRetrySchema })
  if (submission.status !== 'success') return data({ error: 'Choose a message from the list.' }, { status: 400 })
  const { database } = await appContext()
  if (!(await requeueFailed(database.db, admin.organisationId, submission.value.messageId))) {
    return data({ error: 'That message is no longer waiting for a retry.' }, { status: 409 })
  }
  kickDelivery()
  return { notice: 'The message is back in line and will be tried again shortly.' }
}

export default function UndeliveredMail() {
  const { smtp, failed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  return (
    <>
      <h1>Undelivered e-mail</h1>
      <p>
        Probity retries e-mail the mail server refuses, waiting longer each time. Messages listed here failed every try;
        once the problem is fixed, try them again.
      </p>
      {smtp ? null : <p>No mail server is configured (SMTP_URL): e-mail is kept, not sent.</p>}
      {actionData && 'error' in actionData ? <FormErrors errors={[actionData.error]} /> : null}
      {actionData && 'notice' in actionData ? <p role="status">{actionData.notice}</p> : <p role="status" />}
      {failed.length === 0 ? (
        <p>No undelivered e-mail.</p>
      ) : (
        <table>
          <caption>Messages every try failed to deliver</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">To</th>
              <th scope="col">Queued (UTC)</th>
              <th scope="col">Tries</th>
              <th scope="col">Mail server’s last answer</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {failed.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.subject}</th>
                <td>{m.to}</td>
                <td>{m.at}</td>
                <td>{m.attempts}</td>
                <td>{m.lastError}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="messageId" value={m.id} />
                    <button type="submit" name="intent" value="retry" disabled={busy} aria-label={`Try again: ${m.subject} to ${m.to}`}>
                      Try again
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
