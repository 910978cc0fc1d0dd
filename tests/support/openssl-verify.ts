import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as asn1js from 'asn1js'

/**
 * Checking a signed PDF with stock OpenSSL, as the README tells anyone to:
 * the CMS taken out of the signature's /Contents, the signed content put
 * together from the /ByteRange, then `openssl cms -verify` and, for a
 * timestamped signature, `openssl ts -verify`.
 */

export type SignedParts = { cms: Buffer; content: Buffer }

/** The CMS (without the placeholder's zero padding) and the bytes it signs. */
export function signedParts(pdf: Buffer): SignedParts {
  const text = pdf.toString('latin1')
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)
  if (!range) throw new Error('no /ByteRange')
  const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number]
  const hex = text.slice(b + 1, c - 1)
  const padded = Buffer.from(hex, 'hex')
  // The DER header says how long the CMS is; the rest of the placeholder is zeros.
  const { result } = asn1js.fromBER(new Uint8Array(padded))
  const cms = padded.subarray(0, result.valueBeforeDecodeView.byteLength)
  return { cms, content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) }
}

export type CommandResult = { status: number | null; output: string }

function run(args: string[]): CommandResult {
  const result = spawnSync('openssl', args, { encoding: 'utf8' })
  if (result.error) throw result.error
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** `openssl cms -verify` of the signature over its byte ranges, trusting only `rootFile`. */
export function opensslCmsVerify(dir: string, pdf: Buffer, rootFile: string): CommandResult {
  const { cms, content } = signedParts(pdf)
  const cmsFile = path.join(dir, 'signature.der')
  const contentFile = path.join(dir, 'signed-ranges.bin')
  fs.writeFileSync(cmsFile, cms)
  fs.writeFileSync(contentFile, content)
  return run(['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsFile, '-content', contentFile, '-CAfile', rootFile, '-purpose', 'any', '-out', path.join(dir, 'verified.out')])
}

/** The signature value and the timestamp token in its unsigned attributes (none: null), read with asn1js. */
export function timestampOf(cms: Buffer): { signatureValue: Buffer; token: Buffer } | null {
  const { result } = asn1js.fromBER(new Uint8Array(cms))
  const seq = (block: asn1js.BaseBlock) => (block as asn1js.Sequence).valueBlock.value
  const signedData = seq(seq(seq(result)[1]!)[0]!)
  const signerInfos = signedData.at(-1)!
  const signerInfo = seq(seq(signerInfos)[0]!)
  const signatureValue = signerInfo.find((b, i) => i > 3 && b instanceof asn1js.OctetString) as asn1js.OctetString
  const unsigned = signerInfo.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 1)
  if (!unsigned) return null
  for (const attribute of seq(unsigned)) {
    const [type, values] = seq(attribute)
    if ((type as asn1js.ObjectIdentifier).valueBlock.toString() !== '1.2.840.113549.1.9.16.2.14') continue
    const token = seq(values!)[0]!
    return { signatureValue: Buffer.from(signatureValue.valueBlock.valueHexView), token: Buffer.from(token.valueBeforeDecodeView) }
  }
  return null
}

/**
 * `openssl ts -verify` of the token against the SHA-256 of the signature
 * value (so its imprint must be that hash), trusting only `rootFile`; and
 * `openssl ts -reply -text` for the time it reports.
 */
export function opensslTimestampVerify(dir: string, pdf: Buffer, rootFile: string, untrustedFile: string) {
  const stamp = timestampOf(signedParts(pdf).cms)
  if (!stamp) throw new Error('the signature carries no timestamp token')
  const tokenFile = path.join(dir, 'token.der')
  fs.writeFileSync(tokenFile, stamp.token)
  const digest = crypto.createHash('sha256').update(stamp.signatureValue).digest('hex')
  const verify = run(['ts', '-verify', '-digest', digest, '-in', tokenFile, '-token_in', '-CAfile', rootFile, '-untrusted', untrustedFile])
  const text = run(['ts', '-reply', '-in', tokenFile, '-token_in', '-text']).output
  const time = /^Time stamp: (.+)$/m.exec(text)?.[1] ?? null
  return { verify, time: time ? new Date(time) : null, digest }
}
