import crypto from 'node:crypto'
import type * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

/**
 * Opens a PKCS#12 (.p12, .pfx) file with pkijs, whose key derivation and
 * decryption run in WebCrypto. Its MAC is checked first, so a wrong
 * passphrase is told apart from a file Probity cannot read.
 */

export type OpenedPkcs12 = {
  privateKey: crypto.KeyObject
  /** DER certificates: the one matching the key first, then the rest in file order. */
  certificates: Buffer[]
}

export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'wrong_passphrase' | 'unreadable' | 'no_key',
    message: string,
  ) {
    super(message)
  }
}

const BAG = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  key: '1.2.840.113549.1.12.10.1.1',
  cert: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
}

type Shrouded = { parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void>; parsedValue?: pkijs.PrivateKeyInfo }

const spki = (key: crypto.KeyObject) => key.export({ type: 'spki', format: 'der' })

export async function openPkcs12(der: Uint8Array, passphrase: string): Promise<OpenedPkcs12> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer
  let pfx: pkijs.PFX
  try {
    pfx = pkijs.PFX.fromBER(Uint8Array.from(der).buffer)
  } catch {
    throw new Pkcs12Error('unreadable', 'is not a readable PKCS#12 (.p12) file.')
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true })
  } catch (error) {
    if (error instanceof Error && /integrity/i.test(error.message)) {
      throw new Pkcs12Error('wrong_passphrase', 'cannot be opened with this passphrase.')
    }
    throw new Pkcs12Error('unreadable', `is not a PKCS#12 file Probity can read (${describe(error)}).`)
  }

  const keys: crypto.KeyObject[] = []
  const certificates: Buffer[] = []
  try {
    const safe = pfx.parsedValue?.authenticatedSafe
    if (!safe) throw new Error('no authenticated safe')
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) })
    for (const contents of safe.parsedValue?.safeContents ?? []) {
      for (const bag of contents.value.safeBags) {
        if (bag.bagId === BAG.shroudedKey) {
          // Public at run time, and how pkijs's own PKCS#12 examples decrypt the key; its typings mark it protected.
          const shrouded = bag.bagValue as unknown as Shrouded
          await shrouded.parseInternalValues({ password })
          keys.push(privateKeyFrom(shrouded.parsedValue!))
        } else if (bag.bagId === BAG.key) {
          keys.push(privateKeyFrom(bag.bagValue as pkijs.PrivateKeyInfo))
        } else if (bag.bagId === BAG.cert) {
          const certBag = bag.bagValue as pkijs.CertBag
          if (certBag.certId !== BAG.x509Certificate) continue
          // The bag holds the certificate's DER inside an OCTET STRING: taken as it is, not re-encoded.
          certificates.push(Buffer.from((certBag.certValue as asn1js.OctetString).valueBlock.valueHexView))
        }
      }
    }
  } catch (error) {
    // pkijs decrypts PBES2 (AES, 3DES); older "legacy" files use RC2 or RC4, which it cannot.
    throw new Pkcs12Error(
      'unreadable',
      `uses an encryption Probity cannot open (${describe(error)}). Export it again with OpenSSL 3's defaults: openssl pkcs12 -export …`,
    )
  }

  for (const privateKey of keys) {
    const mine = spki(crypto.createPublicKey(privateKey))
    const index = certificates.findIndex((der) => new crypto.X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(mine))
    if (index === -1) continue
    return { privateKey, certificates: [certificates[index]!, ...certificates.filter((_, i) => i !== index)] }
  }
  throw new Pkcs12Error('no_key', 'does not hold a private key with its certificate.')
}

function privateKeyFrom(info: pkijs.PrivateKeyInfo): crypto.KeyObject {
  return crypto.createPrivateKey({ key: Buffer.from(info.toSchema().toBER()), format: 'der', type: 'pkcs8' })
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error)
}
