import { type TFunction } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/utils/calendar'
import { type IndicatorDirection, type Rag } from '#machines/vocabulary/monitoring'
import { formatNumber as formatNumberIn } from '~/utils/format'
import { type Locale } from '~/utils/locale'
import { percentChange } from '~/utils/thresholds'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary, type VocabularyLabel } from '~/utils/vocabulary'
import { DataTable } from '~/components/data-table'

export type ChartPoint = { slot: number; reviewedOn: string; value: number; status: Rag }

export type ChartIndicator = {
  name: string
  unit: string
  baseline: number
  direction: IndicatorDirection
  threshold: string
  thresholdLine: number
  points: ChartPoint[]
}

const WIDTH = 640
const HEIGHT = 260
const PAD = { left: 72, right: 124, top: 16, bottom: 40 }

/** Each status has its own marker shape as well as colour, and its name in the table. */
function Marker({ x, y, status }: { x: number; y: number; status: Rag }) {
  if (status === 'red')
    return <rect className="marker red" x={x - 6} y={y - 6} width={12} height={12} />
  if (status === 'amber')
    return (
      <polygon
        className="marker amber"
        points={`${x},${y - 7} ${x + 7},${y + 6} ${x - 7},${y + 6}`}
      />
    )
  return <circle className="marker green" cx={x} cy={y} r={6} />
}

/** What the chart shows, in words, for people who cannot see it. */
export function chartDescription(
  i: ChartIndicator,
  t: TFunction<'monitoring'>,
  label: VocabularyLabel,
  locale: Locale,
): string {
  const n = (v: number) => formatNumberIn(locale, v)
  const head = t('chart.description', {
    baseline: n(i.baseline),
    unit: i.unit,
    line: n(i.thresholdLine),
    threshold: i.threshold,
  })
  if (i.points.length === 0) return `${head} ${t('chart.noReviews')}`
  const last = i.points.at(-1)!
  const latest = t('chart.latest', {
    count: i.points.length,
    value: n(last.value),
    date: formatDate(last.reviewedOn, locale),
    status: label('rag', last.status).toLowerCase(),
  })
  return `${head} ${latest}`
}

/**
 * An indicator's value at each review against its baseline and threshold: an
 * SVG image with a title and description, and the same data as a table.
 */
export function IndicatorChart({ indicator: i }: { indicator: ChartIndicator }) {
  const id = useId()
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  const locale = useLocale()
  const formatNumber = (v: number) => formatNumberIn(locale, v)
  const values = [i.baseline, i.thresholdLine, ...i.points.map((p) => p.value)]
  const spread = Math.max(...values) - Math.min(...values) || Math.abs(i.baseline) || 1
  const min = Math.min(...values) - spread * 0.15
  const max = Math.max(...values) + spread * 0.15
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const y = (v: number) => PAD.top + ((max - v) / (max - min)) * plotH
  const x = (n: number) =>
    PAD.left + (i.points.length <= 1 ? plotW / 2 : (n * plotW) / (i.points.length - 1))
  const ticks = [max, (max + min) / 2, min].map((v) => Number(v.toPrecision(3)))
  return (
    <figure className="indicator-chart">
      <figcaption>
        <strong>{i.name}</strong> <span className="muted">({i.unit})</span>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        <title id={`${id}-title`}>{t('chart.title', { name: i.name })}</title>
        <desc id={`${id}-desc`}>{chartDescription(i, t, label, locale)}</desc>
        <g className="chart-axis">
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} />
          <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} />
          {ticks.map((tick) => (
            <text key={tick} x={PAD.left - 8} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick)}
            </text>
          ))}
        </g>
        <line
          className="chart-baseline"
          x1={PAD.left}
          x2={PAD.left + plotW}
          y1={y(i.baseline)}
          y2={y(i.baseline)}
        />
        <text className="chart-line-label" x={PAD.left + plotW + 6} y={y(i.baseline) + 4}>
          {t('chart.baseline')}
        </text>
        <line
          className="chart-threshold"
          x1={PAD.left}
          x2={PAD.left + plotW}
          y1={y(i.thresholdLine)}
          y2={y(i.thresholdLine)}
        />
        <text className="chart-line-label" x={PAD.left + plotW + 6} y={y(i.thresholdLine) + 4}>
          {t('chart.threshold')}
        </text>
        {i.points.length > 1 ? (
          <polyline
            className="chart-series"
            points={i.points.map((p, n) => `${x(n)},${y(p.value)}`).join(' ')}
          />
        ) : null}
        {i.points.map((p, n) => (
          <g key={p.slot}>
            <Marker x={x(n)} y={y(p.value)} status={p.status} />
            <text className="chart-x-label" x={x(n)} y={PAD.top + plotH + 24} textAnchor="middle">
              {t('chart.review', { slot: p.slot })}
            </text>
          </g>
        ))}
        {i.points.length === 0 ? (
          <text
            className="chart-empty"
            x={PAD.left + plotW / 2}
            y={PAD.top + plotH / 2}
            textAnchor="middle"
          >
            {t('chart.noReviewsShort')}
          </text>
        ) : null}
      </svg>
      <p className="chart-legend muted">{t('chart.legend')}</p>
      <DataTable
        caption={t('chart.caption', {
          name: i.name,
          baseline: formatNumber(i.baseline),
          threshold: i.threshold,
        })}
        className="chart-data"
      >
        <thead>
          <tr>
            <th scope="col">{t('chart.reviewHeading')}</th>
            <th scope="col">{t('chart.date')}</th>
            <th scope="col">{t('chart.value')}</th>
            <th scope="col">{t('chart.change')}</th>
            <th scope="col">{t('chart.status')}</th>
          </tr>
        </thead>
        <tbody>
          {i.points.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('chart.noReviews')}</td>
            </tr>
          ) : (
            i.points.map((p) => {
              const pct = percentChange(i.baseline, p.value)
              return (
                <tr key={p.slot}>
                  <th scope="row">{t('chart.review', { slot: p.slot })}</th>
                  <td>{formatDate(p.reviewedOn, locale)}</td>
                  <td>{formatNumber(p.value)}</td>
                  <td>
                    {formatNumber(p.value - i.baseline)}
                    {pct === null ? '' : ` (${pct > 0 ? '+' : ''}${formatNumber(pct)}%)`}
                  </td>
                  <td>
                    <RagTag status={p.status} />
                  </td>
                </tr>
              )
            })
          )}
        </tbody>
      </DataTable>
    </figure>
  )
}

/** A status as a word on a coloured tag: the word carries the meaning, the colour only repeats it. */
export function RagTag({ status }: { status: Rag }) {
  const label = useVocabulary()
  return <span className={`tag ${status}`}>{label('rag', status)}</span>
}
