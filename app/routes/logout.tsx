import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/utils/auth.server'

export async function loader() {
  // Signing out changes state, so it is a POST; a GET just goes home.
  throw redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  throw redirect('/login', { headers: { 'Set-Cookie': await endSession(request) } })
}
