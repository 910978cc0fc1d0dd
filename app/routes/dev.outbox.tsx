import { type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listOutbox } from '#db/notifications.server'
import { appContext } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'admin')('outbox.title'))

/**
 * Without SMTP_URL, e-mail is kept rather than sent; administrators read here
 * what would have gone out. With SMTP configured the page does not exist.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const { config, database } = await appContext()
  if (config.SMTP_URL) notFound(fixedT(await getLocale(request), 'common')('notFound.page'))
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
  const { t } = useTranslation('admin')
  const { messages } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {messages.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="panel" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">{t('outbox.meta', { to: m.to, at: m.at, status: t(`outbox.status.${m.status}`) })}</p>
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
    </>
  )
}
