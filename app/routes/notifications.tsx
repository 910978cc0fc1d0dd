import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import { listNotifications, markRead } from '#db/notifications.server'
import { getDb } from '~/utils/app-context.server'
import { requireUser, safeRedirectTarget } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Notifications')

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
    return data({ error: 'That request was not in the expected form.' }, { status: 400 })
  const db = await getDb()
  if (parsed.data.intent === 'read-all') {
    await markRead(db, user.id, new Date())
    throw redirect('/notifications')
  }
  const { id } = parsed.data
  const mine = (await listNotifications(db, user.id)).find((n) => n.id === id)
  if (!mine) throw new Response('Notification not found', { status: 404 })
  await markRead(db, user.id, new Date(), mine.id)
  throw redirect(safeRedirectTarget(mine.link))
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => n.unread).length
  return (
    <>
      <h1>Notifications</h1>
      {notifications.length === 0 ? <p>You have no notifications.</p> : null}
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="secondary">
            Mark all as read
          </button>
        </Form>
      ) : null}
      <ul className="notifications">
        {notifications.map((n) => (
          <li key={n.id} className={n.unread ? 'unread' : undefined}>
            <p>
              {n.unread ? <span className="tag">New</span> : null} <strong>{n.title}</strong>
            </p>
            <p>{n.body}</p>
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="open" />
              <input type="hidden" name="id" value={n.id} />
              <span className="muted">{n.at} UTC</span>
              <button type="submit" className="secondary">
                Open<span className="visually-hidden">: {n.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  )
}
