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
