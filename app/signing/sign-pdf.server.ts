import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { P12Signer } from '@signpdf/signer-p12'
import { type SigningIdentity } from './certificates.server'

export type SignatureDetails = {
  /** Who signs, as shown by PDF readers ("Denbighshire Libraries"). */
  name: string
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
}

// PAdES: a detached CMS signature, the form the European baseline profiles require.
const PADES_SUBFILTER = 'ETSI.CAdES.detached'

/**
 * Signs finished PDF bytes. The signature covers the whole file, so any
 * later change, even one byte, makes it invalid.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, details: SignatureDetails): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    subFilter: PADES_SUBFILTER,
    appName: 'Probity',
  })
  // A P12Signer can sign only once (its parsed state is consumed), so each signature gets its own.
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase })
  return new SignPdf().sign(prepared, signer, details.signingTime)
}
