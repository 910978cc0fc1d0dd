import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { appContext } from '~/utils/app-context.server'
import { getUser, safeRedirectTarget } from '~/utils/auth.server'
import { flowCookie } from '~/utils/sso/begin.server'
import { finishSso } from '~/utils/sso/finish.server'
import { signInWithSso } from '~/utils/sso/sign-in-with-sso.server'
import { signAfterReauthentication } from '~/workflow/signing/reauthenticate.server'

/**
 * Where the identity provider sends people back (a GET, as OpenID Connect
 * requires): it signs them in, or finishes the signing they left to sign in
 * again. Every refusal goes back to the page they came from with a fixed
 * code that page explains; nothing the provider said is echoed.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const app = await appContext()
  const db = app.database.db
  const headers = new Headers({ 'Set-Cookie': await flowCookie(app).serialize('', { maxAge: 0 }) })
  const finished = await finishSso(db, app, request)
  const back = (path: string, code?: string) => {
    const target = new URL(safeRedirectTarget(path), 'http://probity.invalid')
    if (code) target.searchParams.set('sso', code)
    return redirect(target.pathname + target.search + (code ? '' : target.hash), { headers })
  }
  if (!finished.ok) {
    return finished.flow?.purpose === 'step_up'
      ? back(finished.flow.redirectTo, finished.problem)
      : back(`/login?redirectTo=${encodeURIComponent(finished.flow?.redirectTo ?? '/')}`, finished.problem)
  }
  const { flow, sso, identity } = finished
  if (flow.purpose === 'sign_in') {
    const signedIn = await signInWithSso(db, app, request, sso, identity)
    if (!signedIn.ok) return back(`/login?redirectTo=${encodeURIComponent(flow.redirectTo)}`, signedIn.problem)
    headers.append('Set-Cookie', signedIn.cookie)
    return back(flow.redirectTo)
  }
  const resumed = await signAfterReauthentication(db, app, {
    user: await getUser(request),
    flow,
    identity,
    provider: sso.providerName,
    clientAddress: context.clientAddress ?? 'unknown',
  })
  return back(flow.redirectTo, resumed.ok ? undefined : resumed.problem)
}
