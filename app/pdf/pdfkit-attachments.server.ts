import PDFDocument from 'pdfkit'

/**
 * Associated files for react-pdf documents. pdfkit writes them properly for
 * PDF/A-3 (`doc.file()`: an embedded file with its MIME type, dates and
 * checksum, a file specification with /AFRelationship, listed in the
 * catalogue's /AF and /EmbeddedFiles), but react-pdf makes its pdfkit
 * document internally and offers no way to reach it. So the file waits,
 * keyed by the very Date object passed as the document's `creationDate`,
 * which react-pdf hands to pdfkit unchanged, and is added as the document
 * ends. The key is an object, not a string: concurrent renders cannot take
 * each other's files.
 */

export type Attachment = {
  name: string
  bytes: Buffer
  mimeType: string
  description: string
  /** PDF/A-3's AFRelationship: Data for the record's own data. */
  relationship: 'Data' | 'Source' | 'Alternative' | 'Supplement' | 'Unspecified'
  date: Date
}

type Document = {
  info: { CreationDate?: unknown }
  file: (src: Uint8Array, options: Record<string, unknown>) => unknown
}

const pending = new WeakMap<Date, Attachment[]>()
let installed = false

function install() {
  if (installed) return
  installed = true
  const proto = (PDFDocument as unknown as { prototype: { end: (this: Document) => unknown } }).prototype
  const original = proto.end
  proto.end = function (this: Document) {
    const key = this.info.CreationDate
    const files = key instanceof Date ? pending.get(key) : undefined
    if (files) {
      pending.delete(key as Date)
      for (const f of files) {
        this.file(new Uint8Array(f.bytes), {
          name: f.name,
          type: f.mimeType,
          description: f.description,
          relationship: f.relationship,
          creationDate: f.date,
          modifiedDate: f.date,
        })
      }
    }
    return original.call(this)
  }
}

/**
 * A fresh creation date that carries the attachments: pass it as the
 * react-pdf Document's `creationDate` and the files are embedded in that
 * document. Use each returned Date for one render only.
 */
export function creationDateCarrying(date: Date, attachments: Attachment[]): Date {
  install()
  const key = new Date(date.getTime())
  pending.set(key, attachments)
  return key
}
