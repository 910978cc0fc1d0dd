import crypto from 'node:crypto'
import { sha256 } from '~/utils/secrets.server'

/**
 * The receipt an anonymous author is shown once: 20 characters of Crockford
 * base32 (100 random bits), grouped for reading aloud. Only its SHA-256 is
 * stored; the code is too long to guess, so no secret key is needed.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = 20

export function newReceiptCode(): string {
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  const chars = [...crypto.randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('')
  return chars.match(/.{4}/g)!.join('-')
}

/** Forgives case, spaces, hyphens and the letters people mistake for digits. */
export function normaliseReceiptCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined
}

export function receiptHash(code: string): string {
  return sha256(normaliseReceiptCode(code) ?? code)
}
