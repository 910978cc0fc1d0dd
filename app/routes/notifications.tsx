import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { listNotifications, markRead } from '#db/notifications.server'
import { getDb } from '~/utils/app-context.server'
import { requireUser, safeRedirectTarget } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { vm } from '~/utils/validation-message'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'proposal')('notifications.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const rows = await listNotifications(await getDb(), user.id)
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      at: n.createdAt.toISOString().replace('T', ' ').slice(0, 16),
      unread: n.readAt === null,
    })),
  }
}

const NotificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('open'), id: z.uuid() }),
  z.object({ intent: z.literal('read-all') }),
])

/** Opening a notification marks it read and goes where it points; only one's own notifications are touched. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = NotificationActionSchema.safeParse(Object.fromEntries(await formDataOf(request)))
  if (!parsed.success)
    return data({ error: vm('intake.unexpectedForm') }, { status: 400 })
  const db = await getDb()
  if (parsed.data.intent === 'read-all') {
    await markRead(db, user.id, new Date())
    throw redirect('/notifications')
  }
  const { id } = parsed.data
  const mine = (await listNotifications(db, user.id)).find((n) => n.id === id)
  if (!mine) throw new Response(fixedT(await localeFor(request, user), 'proposal')('notifications.notFound'), { status: 404 })
  await markRead(db, user.id, new Date(), mine.id)
  throw redirect(safeRedirectTarget(mine.link))
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => n.unread).length
  const { t } = useTranslation('proposal')
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {notifications.length === 0 ? <p>{t('notifications.none')}</p> : null}
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="secondary">
            {t('notifications.markAllRead')}
          </button>
        </Form>
      ) : null}
      <ul className="notifications">
        {notifications.map((n) => (
          <li key={n.id} className={n.unread ? 'unread' : undefined}>
            <p>
              {n.unread ? <span className="tag">{t('notifications.new')}</span> : null} <strong>{n.title}</strong>
            </p>
            <p>{n.body}</p>
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="open" />
              <input type="hidden" name="id" value={n.id} />
              <span className="muted">{t('notifications.at', { at: n.at })}</span>
              <button type="submit" className="secondary">
                {t('notifications.open')}
                <span className="visually-hidden">: {n.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  )
}
