import crypto from 'node:crypto'

/**
 * The one-time token of the first-run page, printed in the server's log at
 * start while no library service exists (as Gitea and DocuSeal do): whoever
 * can read the log may set Probity up, a passer-by who finds the page cannot.
 * Held in memory by this process only; a restart prints a new one.
 */
const holder = globalThis as typeof globalThis & { __probitySetupToken?: string }

export function issueSetupToken(): string {
  holder.__probitySetupToken = crypto.randomBytes(18).toString('base64url')
  return holder.__probitySetupToken
}

export function setupTokenMatches(candidate: string): boolean {
  const token = holder.__probitySetupToken
  if (!token) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

export function forgetSetupToken() {
  delete holder.__probitySetupToken
}

export function setupMessage(token: string, publicUrl: string) {
  return [
    'No library service exists yet. To set Probity up, open',
    `  ${publicUrl}/setup`,
    `and enter this one-time setup token: ${token}`,
    '(or run: npm run probity -- service create --name "…" --admin-email … --admin-name …)',
  ].join('\n')
}
