import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString } from '@cantoo/pdf-lib'
import { attachmentName, type RecordJson } from './record-json'

/**
 * Reads the record data a Probity PDF carries: the associated file with
 * /AFRelationship /Data named decision-record.json or addendum.json. Only
 * parsed, never trusted: the caller checks the signature over the file
 * first, and shows this as what the signed file says.
 */

export type EmbeddedRecord = { name: string; json: RecordJson; bytes: Buffer }

const NAMES = new Set([attachmentName('decision'), attachmentName('addendum')])

function text(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null
}

/** Null when the file holds no record data (or is not a PDF at all). */
export async function readEmbeddedRecord(pdf: Uint8Array): Promise<EmbeddedRecord | null> {
  // Anyone may upload any bytes to /verify: a file pdf-lib cannot make sense of
  // (no catalogue, broken streams, bad JSON) simply carries no record data.
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false })
    return findRecordData(doc)
  } catch {
    return null
  }
}

function findRecordData(doc: PDFDocument): EmbeddedRecord | null {
  const associated = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray)
  if (!associated) return null
  for (let i = 0; i < associated.size(); i++) {
    const spec = associated.lookupMaybe(i, PDFDict)
    if (!spec || spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName) !== PDFName.of('Data')) continue
    const name = text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F')))
    if (!name || !NAMES.has(name)) continue
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'))
    if (!(stream instanceof PDFRawStream)) continue
    const bytes = Buffer.from(decodePDFRawStream(stream).decode())
    return { name, json: JSON.parse(bytes.toString('utf8')) as RecordJson, bytes }
  }
  return null
}
