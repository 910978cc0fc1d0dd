import { findUserByEmail } from '#db/users.server'
import { appContext } from './app-context.server'
import { startSession } from './auth.server'
import { decoyHash, verifyPassword } from './password.server'
import { clearAccountFailures, isThrottled, recordFailure, throttleKeys, THROTTLE_WINDOW_MINUTES } from './throttle.server'

type SignInResult =
  | { ok: true; cookie: string }
  | { ok: false; status: 401 | 429; message: string }

const WRONG = 'The e-mail address or password is not right.'

export async function signIn(
  request: Request,
  credentials: { email: string; password: string },
  clientAddress: string,
): Promise<SignInResult> {
  const { database, secret } = await appContext()
  const db = database.db
  const keys = throttleKeys(secret, credentials.email, clientAddress)
  if (await isThrottled(db, keys)) {
    return {
      ok: false,
      status: 429,
      message: `Too many failed attempts. Wait ${THROTTLE_WINDOW_MINUTES} minutes and try again.`,
    }
  }
  const user = await findUserByEmail(db, credentials.email)
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password)
  if (!user || !valid || !user.active) {
    await recordFailure(db, keys)
    return { ok: false, status: 401, message: WRONG }
  }
  await clearAccountFailures(db, keys)
  return { ok: true, cookie: await startSession(request, user.id) }
}
