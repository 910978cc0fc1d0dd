import { x509 } from './x509.server'

/**
 * The path from a signing certificate up to the root a service trusts,
 * built as a council's PKI has it: through issuing (intermediate) CAs that
 * come in the PKCS#12 file or inside the signature. One function decides
 * whether a certificate is usable at a given time, for start-up checks and
 * for the verify page alike, so both say the same thing about it.
 */

export type ChainStatus = 'ok' | 'wrong_chain' | 'expired' | 'not_yet_valid' | 'revoked'

export type ChainCheck = {
  status: ChainStatus
  /** A sentence naming the certificate at fault; null when the chain holds. */
  message: string | null
  /** Signer first, the trusted root last (when reached). */
  chain: x509.X509Certificate[]
}

export type ChainInput = {
  signer: Uint8Array
  /** Certificates that may be intermediates: from the PKCS#12 file, from the signature. */
  pool: Uint8Array[]
  /** The root records must chain to. */
  anchor: Uint8Array
  /** Certificate revocation lists, DER or PEM, from any of the chain's issuers. */
  crls: (Uint8Array | string)[]
  /** When the chain must hold: now for start-up, the signing time for a record. */
  at: Date
  /**
   * Whether `at` comes from a trusted timestamp. Without one, a signer
   * could claim any signing time, so a revocation counts whatever its date.
   */
  trustedTime: boolean
}

/** @peculiar/x509 wants an ArrayBuffer-backed view; a Buffer may sit in a shared pool. */
export const certificateOf = (der: Uint8Array | string) => new x509.X509Certificate(typeof der === 'string' ? der : new Uint8Array(der))

export const commonName = (cert: x509.X509Certificate) => cert.subjectName.getField('CN')[0] ?? cert.subject
const issuerName = (cert: x509.X509Certificate) => cert.issuerName.getField('CN')[0] ?? cert.issuer
const day = (d: Date) => d.toISOString().slice(0, 10)
const same = (a: x509.X509Certificate, b: x509.X509Certificate) => Buffer.from(a.rawData).equals(Buffer.from(b.rawData))

export async function checkChain(input: ChainInput): Promise<ChainCheck> {
  const signer = certificateOf(input.signer)
  const anchor = certificateOf(input.anchor)
  const pool = input.pool.map(certificateOf).filter((c) => !same(c, signer))
  const built = await new x509.X509ChainBuilder({ certificates: [...pool, anchor] }).build(signer)
  const reached = built.findIndex((c) => same(c, anchor))
  const chain = reached === -1 ? [...built] : built.slice(0, reached + 1)

  if (reached === -1) {
    const top = chain.at(-1)!
    return {
      status: 'wrong_chain',
      chain,
      message:
        `The certificate “${commonName(signer)}” does not chain to the trusted root “${commonName(anchor)}”: ` +
        (top.subject === top.issuer
          ? `its chain ends at the root “${commonName(top)}”.`
          : `no certificate of its issuer “${issuerName(top)}” was found (is the issuing CA missing from the PKCS#12 file?).`),
    }
  }
  for (const ca of chain.slice(1, -1)) {
    const constraints = ca.getExtension(x509.BasicConstraintsExtension)
    if (!constraints?.ca) {
      return { status: 'wrong_chain', chain, message: `The certificate “${commonName(ca)}” in the chain is not a certificate authority.` }
    }
  }
  for (const cert of chain) {
    if (input.at > cert.notAfter) {
      return {
        status: 'expired',
        chain,
        message: `The certificate “${commonName(cert)}” expired on ${day(cert.notAfter)}, before ${day(input.at)}.`,
      }
    }
    if (input.at < cert.notBefore) {
      return {
        status: 'not_yet_valid',
        chain,
        message: `The certificate “${commonName(cert)}” is not valid until ${day(cert.notBefore)}, after ${day(input.at)}.`,
      }
    }
  }
  const crls = input.crls.map((crl) => new x509.X509Crl(typeof crl === 'string' ? crl : new Uint8Array(crl)))
  for (const [index, cert] of chain.slice(0, -1).entries()) {
    const issuer = chain[index + 1]!
    for (const crl of crls) {
      if (crl.issuer !== cert.issuer || !(await crl.verify({ publicKey: issuer }))) continue
      const entry = crl.findRevoked(cert)
      if (!entry) continue
      if (input.trustedTime && entry.revocationDate > input.at) continue
      const reason = entry.reason === undefined ? '' : ` (${x509.X509CrlReason[entry.reason]})`
      return {
        status: 'revoked',
        chain,
        message: `The certificate “${commonName(cert)}” was revoked by “${commonName(issuer)}” on ${day(entry.revocationDate)}${reason}.`,
      }
    }
  }
  return { status: 'ok', chain, message: null }
}

/** One PEM file may hold several CRLs (or certificates); DER holds one. */
export function splitPem(bytes: Buffer, label: 'X509 CRL' | 'CERTIFICATE'): (Buffer | string)[] {
  const text = bytes.toString('latin1')
  const blocks = text.match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, 'g'))
  return blocks ?? (text.includes('-----BEGIN') ? [] : [bytes])
}
