import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listFailedMessages, requeueFailed } from '#db/notifications.server'
import { FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { kickDelivery } from '~/utils/mail.server'
import { MailRetrySchema } from '~/utils/mail-retry-schema'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'admin')('mail.title'))

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
  const t = fixedT(await localeFor(request, admin), 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: MailRetrySchema })
  if (submission.status !== 'success') return data({ error: t('mail.chooseMessage') }, { status: 400 })
  const { database } = await appContext()
  if (!(await requeueFailed(database.db, admin.organisationId, submission.value.messageId))) {
    return data({ error: t('mail.notWaiting') }, { status: 409 })
  }
  kickDelivery()
  return { notice: t('mail.requeued') }
}

export default function UndeliveredMail() {
  const { smtp, failed } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  return (
    <>
      <h1>{t('mail.title')}</h1>
      <p>{t('mail.intro')}</p>
      {smtp ? null : <p>{t('mail.noServer')}</p>}
      {actionData && 'error' in actionData ? <FormErrors errors={[actionData.error]} /> : null}
      {actionData && 'notice' in actionData ? <p role="status">{actionData.notice}</p> : <p role="status" />}
      {failed.length === 0 ? (
        <p>{t('mail.none')}</p>
      ) : (
        <table>
          <caption>{t('mail.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mail.subject')}</th>
              <th scope="col">{t('mail.to')}</th>
              <th scope="col">{t('mail.queued')}</th>
              <th scope="col">{t('mail.tries')}</th>
              <th scope="col">{t('mail.lastAnswer')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('mail.action')}</span>
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
                    <button type="submit" name="intent" value="retry" disabled={busy} aria-label={t('mail.retryLabel', { subject: m.subject, to: m.to })}>
                      {t('mail.retry')}
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
