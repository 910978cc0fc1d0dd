import {
  deleteUnusedAccountTokens,
  findAccountToken,
  spendAccountToken,
} from '#db/account-tokens.server'
import { type Database } from '#db/client.server'
import { type AccountTokenPurpose } from '#db/schema'
import { deleteSessionsOf, setUserPassword } from '#db/users.server'
import { hashPassword } from '~/utils/password.server'
import { hashOfLinkToken } from './account-links.server'

export type LinkState =
  | { state: 'valid'; purpose: AccountTokenPurpose; name: string; email: string; organisationName: string }
  | { state: 'expired' | 'used' | 'unknown'; purpose?: AccountTokenPurpose }

// A token is 32 random bytes in base64url: anything else is not one of ours.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** What a link is worth now, for the page that opens it. */
export async function inspectAccountLink(db: Database, token: string, now = new Date()): Promise<LinkState> {
  if (!TOKEN_SHAPE.test(token)) return { state: 'unknown' }
  const row = await findAccountToken(db, hashOfLinkToken(token))
  // A deactivated person or service cannot come back in through a link.
  if (!row || !row.user.active || !row.organisation.active) return { state: 'unknown' }
  if (row.token.usedAt) return { state: 'used', purpose: row.token.purpose }
  if (row.token.expiresAt <= now) return { state: 'expired', purpose: row.token.purpose }
  return {
    state: 'valid',
    purpose: row.token.purpose,
    name: row.user.name,
    email: row.user.email,
    organisationName: row.organisation.name,
  }
}

/**
 * Spends the link and sets the password. Every session of the person ends
 * (whoever knew the old password is out) and every other unused link of
 * theirs stops working. False when the link was spent or expired meanwhile.
 */
export async function setPasswordWithLink(db: Database, token: string, password: string, now = new Date()) {
  if (!TOKEN_SHAPE.test(token)) return false
  const state = await inspectAccountLink(db, token, now)
  if (state.state !== 'valid') return false
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const spent = await spendAccountToken(tx, hashOfLinkToken(token), now)
    if (!spent) return false
    await setUserPassword(tx, spent.userId, passwordHash)
    await deleteSessionsOf(tx, spent.userId)
    await deleteUnusedAccountTokens(tx, spent.userId)
    return true
  })
}
