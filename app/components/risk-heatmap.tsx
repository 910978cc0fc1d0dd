import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useVocabulary } from '~/utils/vocabulary'
import { occupiedCells, SCALE, type Heatmap } from '~/utils/risk-heatmap'
import { bandRanges, RISK_BANDS } from '#machines/vocabulary/risk'
import { DataTable } from '~/components/data-table'

const CELL = 56
const LEFT = 56
const TOP = 8
const BOTTOM = 52
const WIDTH = LEFT + CELL * 5 + 8
const HEIGHT = TOP + CELL * 5 + BOTTOM

/**
 * A 5×5 risk grid with a text alternative: the SVG is one image with a title
 * and description for screen readers, and the table beneath lists every
 * occupied cell and what sits in it.
 */
export function RiskHeatmap({
  heatmap,
  title,
}: {
  heatmap: Heatmap
  title: string
}) {
  const id = useId()
  const { t, i18n } = useTranslation('screening')
  const { t: words } = useTranslation('record')
  const label = useVocabulary()
  const cells = occupiedCells(heatmap)
  // The grid in words, as the signed record words it: how many criteria in each band, worst first.
  const counts = RISK_BANDS.map((band) => ({
    band,
    count: heatmap.rows.flat().filter((c) => c.band === band).reduce((n, c) => n + c.points.length, 0),
  }))
    .filter((c) => c.count > 0)
    .reverse()
    .map((c) => words('screening.bandCount', { count: c.count, band: label('riskBand', c.band).toLocaleLowerCase(i18n.language) }))
  const description =
    heatmap.total === 0 ? words('screening.gridEmpty') : words('screening.grid', { count: heatmap.total, counts: counts.join(', ') })
  const ranges = bandRanges(heatmap.bands)
  return (
    <figure className="risk-heatmap">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {heatmap.rows.map((row, r) =>
          row.map((cell) => {
            const x = LEFT + (cell.likelihood - 1) * CELL
            const y = TOP + r * CELL
            return (
              <g key={`${cell.likelihood}-${cell.impact}`} className={`heatmap-cell band-${cell.band}`}>
                <rect x={x} y={y} width={CELL} height={CELL} />
                <text x={x + 4} y={y + 13} className="heatmap-mark">
                  {label('bandMark', cell.band)}
                </text>
                {cell.points.length > 0 ? (
                  <text x={x + CELL / 2} y={y + CELL / 2 + 8} textAnchor="middle" className="heatmap-count">
                    {cell.points.length}
                  </text>
                ) : null}
              </g>
            )
          }),
        )}
        {SCALE.map((n) => (
          <g key={n} className="heatmap-axis">
            <text x={LEFT - 8} y={TOP + (5 - n) * CELL + CELL / 2 + 5} textAnchor="end">
              {n}
            </text>
            <text x={LEFT + (n - 1) * CELL + CELL / 2} y={TOP + 5 * CELL + 18} textAnchor="middle">
              {n}
            </text>
          </g>
        ))}
        <text x={LEFT + (5 * CELL) / 2} y={HEIGHT - 8} textAnchor="middle" className="heatmap-axis-title">
          {t('heatmap.likelihood')}
        </text>
        <text
          x={14}
          y={TOP + (5 * CELL) / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${TOP + (5 * CELL) / 2})`}
          className="heatmap-axis-title"
        >
          {t('heatmap.impact')}
        </text>
      </svg>
      <ul className="heatmap-legend">
        {RISK_BANDS.map((band) => (
          <li key={band}>
            <span className={`heatmap-swatch band-${band}`} aria-hidden="true">
              {label('bandMark', band)}
            </span>{' '}
            {t('heatmap.legend', { band: label('riskBand', band), range: ranges[band] })}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('heatmap.asTable', { title })}</summary>
        {cells.length === 0 ? (
          <p>{description}</p>
        ) : (
          <DataTable caption={title}>
            <thead>
              <tr>
                <th scope="col">{t('heatmap.likelihood')}</th>
                <th scope="col">{t('heatmap.impact')}</th>
                <th scope="col">{t('heatmap.score')}</th>
                <th scope="col">{t('heatmap.band')}</th>
                <th scope="col">{t('heatmap.placed')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell) => (
                <tr key={`${cell.likelihood}-${cell.impact}`}>
                  <td>{cell.likelihood}</td>
                  <td>{cell.impact}</td>
                  <td>{cell.score}</td>
                  <td>{label('riskBand', cell.band)}</td>
                  <td>{cell.points.map((p) => p.label).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </details>
    </figure>
  )
}
