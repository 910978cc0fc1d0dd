import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/**
 * Stored for people created by single sign-on: not an argon2 hash, so no
 * password ever verifies against it (verifyPassword answers false).
 */
export const NO_PASSWORD = '!none'

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** False for an account without a password (invited, not yet set up), after the same work as a wrong one. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await decoyHash(), password).catch(() => false)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * A hash to verify against when the account does not exist, so that timing
 * does not tell an attacker which e-mail addresses have accounts.
 */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('not-a-real-password-only-for-timing')
  return decoy
}
