/**
 * Text shaping (fontkit's `layout`: glyph substitution and positioning) was
 * the largest single cost of rendering a record, and most of a record's text
 * recurs from one record to the next: headings, labels, column titles, the
 * fixed paragraphs, names, dates, outcomes. Shaping is a pure function of
 * the font and its arguments, so each font's results are kept across
 * renders, bounded, the least recently used dropped first.
 *
 * Callers get their own copies of the glyph and position arrays (textkit
 * slices and rescales them per render); the glyph objects themselves are
 * fontkit's own, which it already shares between calls.
 */

type GlyphRun = { glyphs: unknown[]; positions: object[] }
type ShapingFont = { layout: (text: string, ...rest: unknown[]) => GlyphRun; unitsPerEm: number; [CACHED]?: true }

const CACHED = Symbol('probity.shapingCache')
/** Enough for every distinct run of text in a few dozen large records. */
const DEFAULT_LIMIT = 20_000

/** How often shaping was answered from the cache: tests and the bench check it engages. */
export const shapingCacheStats = { hits: 0, misses: 0 }

const caches = new Set<Map<string, GlyphRun>>()

/** Forgets every font's shaped runs: the bench times renders of text never seen before with it. */
export function emptyShapingCaches() {
  for (const runs of caches) runs.clear()
}

function copy(run: GlyphRun): GlyphRun {
  const clone = Object.create(Object.getPrototypeOf(run) as object) as GlyphRun
  Object.assign(clone, run)
  clone.glyphs = run.glyphs.slice()
  clone.positions = run.positions.map((p) => ({ ...p }))
  return clone
}

// The arguments after the text: features (an array or an object of flags), script, language, direction.
const keyOf = (text: string, rest: unknown[]) => `${JSON.stringify(rest)}\u0000${text}`

/** Wraps one fontkit font's `layout` with the cache; a font is wrapped once however often this is called. */
export function cacheShaping(font: ShapingFont, limit = DEFAULT_LIMIT) {
  if (font[CACHED]) return
  font[CACHED] = true
  // textkit reads unitsPerEm for every run it slices, and fontkit answers
  // through two getters and a table lookup each time; it never changes.
  Object.defineProperty(font, 'unitsPerEm', { value: font.unitsPerEm })
  const shape = font.layout.bind(font)
  const runs = new Map<string, GlyphRun>()
  caches.add(runs)
  font.layout = (text: string, ...rest: unknown[]) => {
    const key = keyOf(text, rest)
    const known = runs.get(key)
    if (known) {
      shapingCacheStats.hits++
      // Most recently used last, so the oldest is first to go.
      runs.delete(key)
      runs.set(key, known)
      return copy(known)
    }
    shapingCacheStats.misses++
    const run = shape(text, ...rest)
    runs.set(key, copy(run))
    if (runs.size > limit) runs.delete(runs.keys().next().value!)
    return run
  }
}
