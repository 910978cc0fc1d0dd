import { Path, Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer'
import { Fragment, type ReactNode } from 'react'
import QRCode from 'qrcode'
import { type Heatmap, SCALE } from '~/utils/risk-heatmap'
import { type RiskBand, RISK_BANDS, bandRanges } from '#machines/vocabulary/risk'
import { bandLabel, type Fact, type Words } from './sections'

/** The building blocks both record kinds are laid out with. */

export const FONT = 'DejaVu Sans'
export const MONO = 'DejaVu Sans Mono'

const INK = '#0b0c0c'
const MUTED = '#505a5f'
const LINE = '#b1b4b6'
const BRAND = '#1d3f6e'
const A4_HEIGHT = 841.89
const MARGIN_X = 44

/**
 * Where the footer sits; the page numbers are drawn at its right end after
 * layout (render.server.ts), so they share these figures.
 */
export const FOOTER = { top: A4_HEIGHT - 34, right: MARGIN_X, fontSize: 8, color: MUTED }

/** The label the page numbers are stamped with after layout. */
export const pageNumberLabel =
  (words: readonly Words[]) =>
  (pageNumber: number, totalPages: number): string =>
    // A bilingual record numbers its pages in both languages, Welsh first, on every page.
    words.map((w) => w.t('page', { page: pageNumber, total: totalPages })).join(' · ')

// The same fills as the web heatmap (app/styles/app.css), so both read alike.
export const BAND_FILLS: Record<RiskBand, string> = {
  low: '#cce2d8',
  medium: '#fff2c2',
  high: '#fcd6a4',
  very_high: '#f4b5ab',
}

export const styles = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 9.5, lineHeight: 1.35, color: INK, paddingTop: 56, paddingBottom: 52, paddingHorizontal: 44 },
  header: {
    position: 'absolute',
    top: 20,
    left: 44,
    right: 44,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 8,
    color: MUTED,
    borderBottomWidth: 0.75,
    borderBottomColor: LINE,
    paddingBottom: 4,
  },
  // Placed from the top: the paginator measures `bottom` from the content box, not the page.
  footer: {
    position: 'absolute',
    top: FOOTER.top,
    left: MARGIN_X,
    right: FOOTER.right,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: FOOTER.fontSize,
    color: FOOTER.color,
  },
  title: { fontSize: 22, lineHeight: 1.2, fontWeight: 'bold', color: BRAND, marginBottom: 6 },
  subtitle: { fontSize: 14, lineHeight: 1.3, marginBottom: 16 },
  h2: { fontSize: 14, lineHeight: 1.3, fontWeight: 'bold', color: BRAND, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11, fontWeight: 'bold', marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  muted: { color: MUTED },
  mono: { fontFamily: MONO, fontSize: 8.5 },
  row: { flexDirection: 'row', borderBottomWidth: 0.75, borderBottomColor: LINE },
  firstRow: { borderTopWidth: 0.75, borderTopColor: LINE },
  headRow: {
    flexDirection: 'row',
    borderTopWidth: 0.75,
    borderTopColor: LINE,
    borderBottomWidth: 1.25,
    borderBottomColor: INK,
    backgroundColor: '#f3f2f1',
  },
  tableEnd: { height: 8 },
  cell: { paddingVertical: 3, paddingHorizontal: 4 },
  headCell: { paddingVertical: 3, paddingHorizontal: 4, fontWeight: 'bold' },
  factLabel: { width: '32%', paddingVertical: 3, paddingHorizontal: 4, fontWeight: 'bold' },
  factValue: { width: '68%', paddingVertical: 3, paddingHorizontal: 4 },
  item: { borderBottomWidth: 0.75, borderBottomColor: LINE, paddingVertical: 5 },
  heatmaps: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 6 },
  heatmap: { width: '48%' },
  legend: { flexDirection: 'row', flexWrap: 'wrap', marginTop: 4, fontSize: 8 },
  legendItem: { flexDirection: 'row', marginRight: 10, marginBottom: 2 },
  swatch: { width: 16, height: 10, marginRight: 3, borderWidth: 0.5, borderColor: LINE, fontSize: 6.5, textAlign: 'center' },
  verify: { flexDirection: 'row', marginTop: 6 },
  qr: { width: 110, height: 110, marginRight: 14 },
})

/** Outline entries; react-pdf honours `bookmark` on any element though its types list it only on Page. */
export function bookmark(title: string): object {
  return { bookmark: { title } }
}

/**
 * Rows of text longer than this may split across a page break; shorter ones
 * move whole to the next page. A row that could not split and were taller
 * than a page would be cut off, so only short rows are kept whole.
 */
const SPLIT_ABOVE_CHARS = 400

export const mayBreak = (chars: number) => chars > SPLIT_ABOVE_CHARS

/**
 * The running header and footer, repeated on every page. "Page N of M" is
 * not laid out here: a label that reads the page total would make the
 * paginator lay out the whole document twice, so it is drawn into the
 * footer's right end once the pages are known (pageNumberLabel, FOOTER).
 */
export function PageFrame({ left, right, footer }: { left: string; right: string; footer: string; w: Words }) {
  return (
    <>
      <View style={styles.header} fixed>
        <Text>{left}</Text>
        <Text>{right}</Text>
      </View>
      <View style={styles.footer} fixed>
        <Text>{footer}</Text>
      </View>
    </>
  )
}

/**
 * A numbered part of the record. The heading sits in the page flow beside
 * what follows it, where the paginator can keep the two together.
 */
export function Section({ title, children, breakBefore }: { title: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <>
      <Text style={styles.h2} {...bookmark(title)} break={breakBefore} minPresenceAhead={80}>
        {title}
      </Text>
      {children}
    </>
  )
}

export function Heading({ children }: { children: string }) {
  return (
    <Text style={styles.h3} minPresenceAhead={60}>
      {children}
    </Text>
  )
}

export function Paragraph({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? [styles.paragraph, styles.muted] : styles.paragraph}>{children}</Text>
}

/*
 * Tables are laid out as rows directly in the page flow rather than inside
 * a container: the paginator keeps a heading's minPresenceAhead window only
 * against breaks between flow siblings, not against a container splitting.
 */

export function Facts({ facts, mono = [] }: { facts: Fact[]; mono?: string[] }) {
  return (
    <>
      {facts.map(([label, value], i) => (
        <View key={label} style={i === 0 ? [styles.row, styles.firstRow] : styles.row} wrap={mayBreak(label.length + value.length)}>
          <Text style={styles.factLabel}>{label}</Text>
          <Text style={mono.includes(label) ? [styles.factValue, styles.mono] : styles.factValue}>{value}</Text>
        </View>
      ))}
      <View style={styles.tableEnd} />
    </>
  )
}

export type Column<Row> = { key: keyof Row & string; title: string; width: string }

/**
 * A table that breaks between rows, and inside a row only when the row is
 * too long to move whole, so no row is lost or cut off at a page end.
 */
export function Table<Row extends Record<string, string | number>>({
  columns,
  rows,
}: {
  columns: Column<Row>[]
  rows: Row[]
}) {
  return (
    <>
      <View style={styles.headRow} wrap={false} minPresenceAhead={30}>
        {columns.map((c) => (
          <Text key={c.key} style={[styles.headCell, { width: c.width }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => {
        const length = columns.reduce((n, c) => n + String(row[c.key]).length, 0)
        return (
          <View key={i} style={styles.row} wrap={mayBreak(length)}>
            {columns.map((c) => (
              <Text key={c.key} style={[styles.cell, { width: c.width }]}>
                {String(row[c.key])}
              </Text>
            ))}
          </View>
        )
      })}
      <View style={styles.tableEnd} />
    </>
  )
}

const CELL = 30
const LEFT = 26
const TOP = 4
const GRID = CELL * 5

/** The shared heatmap model drawn as vector graphics, with the marks and counts as real text. */
export function HeatmapFigure({ heatmap, title, w }: { heatmap: Heatmap; title: string; w: Words }) {
  return (
    <View style={styles.heatmap} wrap={false}>
      <Text style={[styles.h3, { marginTop: 0 }]}>{title}</Text>
      <Svg width={LEFT + GRID + 4} height={TOP + GRID + 30} viewBox={`0 0 ${LEFT + GRID + 4} ${TOP + GRID + 30}`}>
        {/* One path per band, not a rectangle per cell: the same picture from far fewer drawing objects. */}
        {RISK_BANDS.map((band) => {
          const d = heatmap.rows
            .flatMap((row, r) => row.filter((cell) => cell.band === band).map((cell) => `M${LEFT + (cell.likelihood - 1) * CELL} ${TOP + r * CELL}h${CELL}v${CELL}h-${CELL}z`))
            .join('')
          return d ? <Path key={band} d={d} fill={BAND_FILLS[band]} stroke="#ffffff" strokeWidth={1.5} /> : null
        })}
        {heatmap.rows.map((row, r) =>
          row.map((cell) => {
            const x = LEFT + (cell.likelihood - 1) * CELL
            const y = TOP + r * CELL
            return (
              <Fragment key={`${cell.likelihood}-${cell.impact}`}>
                <Text x={x + 2.5} y={y + 7.5} style={{ fontSize: 5.5, fontFamily: FONT }}>
                  {w.t(`bandMark.${cell.band}`)}
                </Text>
                {cell.points.length > 0 ? (
                  <Text x={x + CELL / 2} y={y + CELL / 2 + 4.5} textAnchor="middle" style={{ fontSize: 12, fontFamily: FONT, fontWeight: 'bold' }}>
                    {String(cell.points.length)}
                  </Text>
                ) : null}
              </Fragment>
            )
          }),
        )}
        {SCALE.map((n) => (
          <Fragment key={n}>
            <Text x={LEFT - 6} y={TOP + (5 - n) * CELL + CELL / 2 + 3} textAnchor="end" style={{ fontSize: 7, fontFamily: FONT }}>
              {String(n)}
            </Text>
            <Text x={LEFT + (n - 1) * CELL + CELL / 2} y={TOP + GRID + 10} textAnchor="middle" style={{ fontSize: 7, fontFamily: FONT }}>
              {String(n)}
            </Text>
          </Fragment>
        ))}
        <Text x={LEFT + GRID / 2} y={TOP + GRID + 24} textAnchor="middle" style={{ fontSize: 7.5, fontFamily: FONT, fontWeight: 'bold' }}>
          {w.t('screening.likelihood')}
        </Text>
        <Text
          x={8}
          y={TOP + GRID / 2}
          textAnchor="middle"
          transform={`rotate(-90, 8, ${TOP + GRID / 2})`}
          style={{ fontSize: 7.5, fontFamily: FONT, fontWeight: 'bold' }}
        >
          {w.t('screening.impact')}
        </Text>
      </Svg>
      <Text style={[styles.muted, { fontSize: 8 }]}>{describeGrid(heatmap, w)}</Text>
    </View>
  )
}

/** The grid in words, for a reader who cannot see it: how many criteria in each band, worst first. */
function describeGrid(heatmap: Heatmap, w: Words): string {
  if (heatmap.total === 0) return w.t('screening.gridEmpty')
  const counts = RISK_BANDS.map((band) => ({
    band,
    count: heatmap.rows.flat().filter((c) => c.band === band).reduce((n, c) => n + c.points.length, 0),
  }))
    .filter((c) => c.count > 0)
    .reverse()
    .map((c) => w.t('screening.bandCount', { count: c.count, band: bandLabel(c.band, w).toLocaleLowerCase(w.locale) }))
  return w.t('screening.grid', { count: heatmap.total, counts: counts.join(', ') })
}

/** What the fills and marks mean, once for the grids beside it (they share one set of bands). */
export function HeatmapLegend({ bands, w }: { bands: Heatmap['bands']; w: Words }) {
  const ranges = bandRanges(bands)
  return (
    <View style={styles.legend}>
      {RISK_BANDS.map((band) => (
        <View key={band} style={styles.legendItem}>
          <Text style={[styles.swatch, { backgroundColor: BAND_FILLS[band] }]}>{w.t(`bandMark.${band}`)}</Text>
          <Text>{w.t('screening.legend', { band: bandLabel(band, w), range: ranges[band] })}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * The verification link as a QR code: one vector path, crisp at any zoom.
 * Each run of dark modules in a row is one rectangle, and a rectangle
 * continues down while the rows below repeat the same run, so the path has
 * a few hundred rectangles rather than one square per module.
 */
export function QrCode({ value, size }: { value: string; size: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const quiet = 2
  const dark = (x: number, y: number) => x < n && y < n && Boolean(modules.get(y, x))
  const runsOf = (y: number) => {
    const runs: [start: number, end: number][] = []
    for (let x = 0; x < n; x++) {
      if (!dark(x, y)) continue
      const start = x
      while (dark(x + 1, y)) x++
      runs.push([start, x + 1])
    }
    return runs
  }
  const rows = Array.from({ length: n }, (_, y) => runsOf(y).map(([a, b]) => `${a}-${b}`))
  let d = ''
  rows.forEach((runs, y) => {
    for (const run of runs) {
      // Drawn already, as part of the rectangle that began in the row above.
      if (y > 0 && rows[y - 1]!.includes(run)) continue
      let height = 1
      while (y + height < n && rows[y + height]!.includes(run)) height++
      const [a, b] = run.split('-').map(Number) as [number, number]
      d += `M${a + quiet} ${y + quiet}h${b - a}v${height}h-${b - a}z`
    }
  })
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${n + quiet * 2} ${n + quiet * 2}`}>
      <Rect x={0} y={0} width={n + quiet * 2} height={n + quiet * 2} fill="#ffffff" />
      <Path d={d} fill={INK} />
    </Svg>
  )
}
