import PDFDocument from 'pdfkit'

/**
 * react-pdf selects the font for every run of text it draws by handing
 * pdfkit the font object itself. pdfkit caches fonts by name only, so for an
 * object it builds a new embedded font each time and then compares it with
 * the one it already has by serialising both fonts' name tables to JSON;
 * with DejaVu's long licence text in that table, this was a tenth of the
 * time to render a record. Remembering, per document, which embedded font a
 * font object became gives pdfkit's own answer without the rebuild.
 */

type FontObject = { layout: (...args: unknown[]) => unknown }
type Document = {
  _font: unknown
  _fontSource: unknown
  _fontFamily: unknown
  fontSize: (size: number) => Document
  [FONTS]?: Map<FontObject, unknown>
}

const FONTS = Symbol('probity.embeddedFonts')
const isFontObject = (src: unknown): src is FontObject =>
  typeof src === 'object' && src !== null && typeof (src as FontObject).layout === 'function'

let installed = false
/** How often a run found its embedded font remembered: tests check the cache really engages. */
export const fontCacheStats = { hits: 0 }

export function installPdfkitFontCache() {
  if (installed) return
  installed = true
  const proto = (PDFDocument as unknown as { prototype: { font: (this: Document, ...args: unknown[]) => Document } }).prototype
  const original = proto.font
  proto.font = function (this: Document, src: unknown, family?: unknown, size?: unknown) {
    if (!isFontObject(src)) return original.call(this, src, family, size)
    const fonts = (this[FONTS] ??= new Map())
    const known = fonts.get(src)
    if (known === undefined) {
      original.call(this, src, family, size)
      fonts.set(src, this._font)
      return this
    }
    fontCacheStats.hits++
    // What pdfkit's own cache hit does: select the font, then the size.
    this._fontSource = src
    this._fontFamily = typeof family === 'number' ? null : family
    this._font = known
    const points = typeof family === 'number' ? family : size
    if (points != null) this.fontSize(points as number)
    return this
  }
}
