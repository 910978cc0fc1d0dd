/**
 * A minimal DER reader: just enough to walk a CMS signature and keep the
 * exact bytes of each element, which a signature check needs (re-encoding a
 * parsed structure could change them).
 */

export type DerNode = {
  tag: number
  /** Offset of the tag byte. */
  start: number
  /** Offset of the first content byte. */
  contentStart: number
  end: number
}

export class DerError extends Error {}

export function readNode(buf: Uint8Array, offset: number, limit = buf.length): DerNode {
  if (offset + 2 > limit) throw new DerError('truncated element')
  const tag = buf[offset]!
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in CMS')
  let length = buf[offset + 1]!
  let contentStart = offset + 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0 || count > 4) throw new DerError('indefinite or oversized length')
    if (contentStart + count > limit) throw new DerError('truncated length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + buf[contentStart + i]!
    contentStart += count
  }
  const end = contentStart + length
  if (end > limit) throw new DerError('element runs past its container')
  return { tag, start: offset, contentStart, end }
}

export function children(buf: Uint8Array, node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new DerError('not a constructed element')
  const out: DerNode[] = []
  for (let at = node.contentStart; at < node.end; ) {
    const child = readNode(buf, at, node.end)
    out.push(child)
    at = child.end
  }
  return out
}

export function content(buf: Uint8Array, node: DerNode): Uint8Array {
  return buf.subarray(node.contentStart, node.end)
}

export function whole(buf: Uint8Array, node: DerNode): Uint8Array {
  return buf.subarray(node.start, node.end)
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes. */
export function oid(buf: Uint8Array, node: DerNode): string {
  if (node.tag !== 0x06) throw new DerError('expected an object identifier')
  const bytes = content(buf, node)
  const parts: number[] = []
  let value = 0
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f)
    if (byte & 0x80) continue
    if (parts.length === 0) {
      const first = value < 80 ? Math.floor(value / 40) : 2
      parts.push(first, value - first * 40)
    } else {
      parts.push(value)
    }
    value = 0
  }
  return parts.join('.')
}

/** UTCTime or GeneralizedTime as a Date. */
export function time(buf: Uint8Array, node: DerNode): Date {
  if (node.tag !== 0x17 && node.tag !== 0x18) throw new DerError('expected a time')
  const text = Buffer.from(content(buf, node)).toString('latin1')
  // UTCTime has a two-digit year (1950–2049); GeneralizedTime four.
  const digits = node.tag === 0x17 ? 2 : 4
  const m = new RegExp(`^(\\d{${digits}})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?Z$`).exec(text)
  if (!m) throw new DerError('unsupported time format')
  let year = Number(m[1])
  if (digits === 2) year += year < 50 ? 2000 : 1900
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)))
}

/*
 * The writing side: just enough DER to build a CMS SignedData around a
 * signature made by Node's crypto.
 */

function encodedLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

/** One element: tag, length, and its parts' bytes as content. */
export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([Buffer.from([tag]), encodedLength(body.length), body])
}

export const sequence = (...parts: Uint8Array[]) => tlv(0x30, ...parts)
export const set = (...parts: Uint8Array[]) => tlv(0x31, ...parts)
export const octets = (bytes: Uint8Array) => tlv(0x04, bytes)
export const DER_NULL = Buffer.from([0x05, 0x00])

export function smallInteger(value: number): Buffer {
  if (value < 0 || value > 0x7f) throw new DerError('only small non-negative integers are written')
  return tlv(0x02, Buffer.from([value]))
}

export function objectIdentifier(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number)
  const bytes: number[] = []
  for (const value of [first! * 40 + second!, ...rest]) {
    const groups = [value & 0x7f]
    for (let n = Math.floor(value / 128); n > 0; n = Math.floor(n / 128)) groups.unshift((n & 0x7f) | 0x80)
    bytes.push(...groups)
  }
  return tlv(0x06, Buffer.from(bytes))
}

/** UTCTime, which CMS requires for dates from 1950 to 2049. */
export function utcTime(date: Date): Buffer {
  const year = date.getUTCFullYear()
  if (year < 1950 || year > 2049) throw new DerError('UTCTime covers 1950 to 2049 only')
  const two = (n: number) => String(n).padStart(2, '0')
  const text =
    two(year % 100) +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds()) +
    'Z'
  return tlv(0x17, Buffer.from(text, 'latin1'))
}
