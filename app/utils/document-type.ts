/**
 * The kind of an uploaded document, decided by its bytes alone: a file's name
 * and the type the browser claims are the uploader's to choose, its content is
 * what a reader's software will open.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENT_LABEL = '10 MB'

export type DocumentType = { mediaType: string; extension: 'pdf' | 'docx' | 'odt'; label: string }

export const PDF: DocumentType = { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF' }
export const DOCX: DocumentType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  label: 'Word document',
}
export const ODT: DocumentType = { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt', label: 'OpenDocument text' }

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1')

/** The names of a ZIP archive's entries, from its central directory; null if it is not a well-formed ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  const floor = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const names: string[] = []
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    if (offset + 46 + nameLength > bytes.length) return null
    names.push(ascii(bytes, offset + 46, offset + 46 + nameLength))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

function isOdt(bytes: Uint8Array): boolean {
  // OpenDocument requires an uncompressed first entry "mimetype" holding the type.
  const expected = 'mimetype' + ODT.mediaType
  return ascii(bytes, 30, 30 + expected.length) === expected
}

export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (bytes.length < 8) return null
  if (ascii(bytes, 0, 5) === '%PDF-') {
    // A real PDF ends with an end-of-file marker near its last bytes.
    return ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length).includes('%%EOF') ? PDF : null
  }
  if (ascii(bytes, 0, 4) !== 'PK\u0003\u0004') return null
  const names = zipEntryNames(bytes)
  if (!names) return null
  if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return DOCX
  if (names.includes('content.xml') && isOdt(bytes)) return ODT
  return null
}
