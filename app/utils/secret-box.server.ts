import crypto from 'node:crypto'

/**
 * Seals a stored secret (an identity provider's client secret) with
 * AES-256-GCM under a key derived from the server secret by HKDF-SHA256, one
 * key per purpose. The purpose is also the additional authenticated data, so a
 * value sealed for one use cannot be opened as another. Format:
 * v1.<iv>.<tag>.<ciphertext>, base64url.
 */

function keyFor(serverSecret: string, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', serverSecret, 'probity secret box', `probity:${purpose}`, 32))
}

export function seal(serverSecret: string, purpose: string, plaintext: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(serverSecret, purpose), iv)
  cipher.setAAD(Buffer.from(purpose))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

export class SealedSecretError extends Error {}

/** Throws SealedSecretError when the value was sealed under another server secret or altered. */
export function open(serverSecret: string, purpose: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new SealedSecretError('Not a sealed value')
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(serverSecret, purpose), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(purpose))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new SealedSecretError('The stored secret cannot be opened with this server secret')
  }
}
