import { and, eq, gt, inArray, lt } from 'drizzle-orm'
import { type Queryable } from '#db/client.server'
import { signInFailures } from '#db/schema'
import { THROTTLE_WINDOW_MINUTES } from './retention'
import { keyedDigest } from './secrets.server'

export { THROTTLE_WINDOW_MINUTES }
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 20

type Keys = { account: string; address: string }

/**
 * Keys for one kind of attempt (`purpose`): signing in, asking for a password
 * reset link, entering the setup token. Each counts apart from the others.
 */
export function throttleKeys(
  secret: string,
  email: string,
  clientAddress: string,
  purpose: 'sign-in' | 'password-reset' | 'setup' = 'sign-in',
): Keys {
  return {
    account: `account:${keyedDigest(secret, `${purpose}-account`, email.trim().toLowerCase())}`,
    address: `address:${keyedDigest(secret, `${purpose}-address`, clientAddress)}`,
  }
}

async function failuresSince(db: Queryable, key: string, since: Date) {
  const rows = await db
    .select({ id: signInFailures.id })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, since)))
  return rows.length
}

/** True when either the account or the client address has failed too often lately. */
export async function isThrottled(db: Queryable, keys: Keys, now = new Date()) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)
  const [account, address] = await Promise.all([
    failuresSince(db, keys.account, since),
    failuresSince(db, keys.address, since),
  ])
  return account >= MAX_FAILURES_PER_ACCOUNT || address >= MAX_FAILURES_PER_ADDRESS
}

export async function recordFailure(db: Queryable, keys: Keys, now = new Date()) {
  await db.insert(signInFailures).values([
    { key: keys.account, at: now },
    { key: keys.address, at: now },
  ])
  // Old entries are useless; pruning here keeps the table small without a job.
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)
  await db.delete(signInFailures).where(lt(signInFailures.at, cutoff))
}

export async function clearAccountFailures(db: Queryable, keys: Keys) {
  await db.delete(signInFailures).where(inArray(signInFailures.key, [keys.account]))
}
