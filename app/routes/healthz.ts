import { isDatabaseUsable } from '#db/client.server'
import { appContext } from '~/utils/app-context.server'

/** For load balancers: 200 when the app and its database answer, 503 otherwise. */
export async function loader() {
  const { database } = await appContext()
  const ok = await isDatabaseUsable(database.db)
  return new Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: database.kind }), {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  })
}
