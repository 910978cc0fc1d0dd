import { isDatabaseUsable } from '#db/client.server'
import { appContext } from '~/utils/app-context.server'
import { stillStarting } from '~/utils/start-progress.server'

/**
 * For load balancers: 200 when the app and its database answer, 503 otherwise.
 * Just after a start, `starting` names the work still being finished (the
 * demo's staged proposals, the scheduled work) while requests are served.
 */
export async function loader() {
  const { database } = await appContext()
  const ok = await isDatabaseUsable(database.db)
  const starting = stillStarting()
  const body = { status: ok ? 'ok' : 'unavailable', database: database.kind, ...(starting.length ? { starting } : {}) }
  return new Response(JSON.stringify(body), {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  })
}
