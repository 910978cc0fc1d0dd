import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The server secret keys every HMAC Probity computes (sign-in throttling keys,
 * anonymous-concern tags). Taken from SESSION_SECRET when set; otherwise
 * generated once into the data directory, readable by the owner only. Several
 * instances behind a load balancer must share one SESSION_SECRET.
 */
export function loadOrCreateSecret(dataDir: string, configured?: string): string {
  if (configured) return configured
  const dir = path.join(dataDir, 'secrets')
  const file = path.join(dir, 'session-secret')
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return fs.readFileSync(file, 'utf8').trim()
}

export function keyedDigest(secret: string, ...parts: string[]): string {
  const mac = crypto.createHmac('sha256', secret)
  // Length-prefix each part so that ("ab","c") and ("a","bc") differ.
  for (const part of parts) mac.update(`${part.length}:${part}`)
  return mac.digest('base64url')
}

export function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex')
}
