import PDFDocument from 'pdfkit'

/**
 * "Page N of M" drawn after layout. A react-pdf `render` prop that reads
 * totalPages makes the paginator run a second round over the whole document
 * (every page built and laid out again) just to learn M; the page count is
 * known anyway once the pages are drawn. So the footer leaves the label out
 * and this draws it into each page while pdfkit still holds the pages open:
 * the same document, font subset and PDF/A metadata, before the file is
 * written and long before it is signed.
 *
 * react-pdf makes its pdfkit document internally, so, as for attachments
 * (pdfkit-attachments.server.ts), the request waits keyed by the very Date
 * object passed as the document's `creationDate`.
 */

export type PageNumbers = {
  label: (pageNumber: number, totalPages: number) => string
  /** The right edge and the top of the label, in points from the page's top left. */
  right: number
  top: number
  fontSize: number
  color: string
  /** The embedded face to draw with, by PostScript name; it must already be used in the document, so no second copy is embedded. */
  postscriptName: string
}

type FontObject = { postscriptName?: string; layout: unknown }
type Document = {
  info: { CreationDate?: unknown }
  options: { bufferPages?: boolean }
  page: { width: number }
  _fontFamilies: Record<string, { font?: FontObject; name?: string }>
  bufferedPageRange: () => { start: number; count: number }
  switchToPage: (n: number) => unknown
  font: (src: unknown, size?: number) => Document
  fontSize: (size: number) => Document
  fillColor: (color: string) => Document
  fillOpacity: (opacity: number) => Document
  widthOfString: (text: string) => number
  text: (text: string, x: number, y: number, options: Record<string, unknown>) => Document
}

const pending = new WeakMap<Date, PageNumbers>()
let installed = false

/** The font object react-pdf embedded under the given name, so the label reuses its subset. */
function embeddedFont(doc: Document, postscriptName: string): FontObject {
  for (const family of Object.values(doc._fontFamilies)) {
    if (family.font?.postscriptName === postscriptName) return family.font
  }
  throw new Error(`The font ${postscriptName} is not used in the document, so page numbers cannot be drawn with it.`)
}

function stamp(doc: Document, spec: PageNumbers) {
  const { start, count } = doc.bufferedPageRange()
  doc.font(embeddedFont(doc, spec.postscriptName), spec.fontSize)
  doc.fillColor(spec.color).fillOpacity(1)
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const text = spec.label(i + 1, start + count)
    const width = doc.widthOfString(text)
    doc.text(text, doc.page.width - spec.right - width, spec.top, { lineBreak: false })
  }
}

function install() {
  if (installed) return
  installed = true
  const proto = (PDFDocument as unknown as { prototype: Record<'addPage' | 'end', (this: Document, ...args: unknown[]) => unknown> }).prototype
  const addPage = proto.addPage
  // Pages stay open (pdfkit's bufferPages) only in documents that will be numbered.
  proto.addPage = function (this: Document, ...args: unknown[]) {
    const key = this.info.CreationDate
    if (key instanceof Date && pending.has(key)) this.options.bufferPages = true
    return addPage.apply(this, args)
  }
  const end = proto.end
  proto.end = function (this: Document, ...args: unknown[]) {
    const key = this.info.CreationDate
    const spec = key instanceof Date ? pending.get(key) : undefined
    if (spec) {
      pending.delete(key as Date)
      stamp(this, spec)
    }
    return end.apply(this, args)
  }
}

/** Numbers the pages of the document whose `creationDate` is `key` (a Date used for one render only). */
export function numberPagesOf(key: Date, spec: PageNumbers): Date {
  install()
  pending.set(key, spec)
  return key
}
