/**
 * The 5×5 likelihood × impact risk grid, shared by the screening pages (SVG
 * in the browser) and the signed PDF record (react-pdf's Svg), so that both
 * always place and colour a criterion the same way.
 */
import { bandFor, DEFAULT_RISK_BANDS, riskScore, type RiskBand, type RiskBandThresholds } from '#machines/vocabulary/risk'

export const SCALE = [1, 2, 3, 4, 5] as const

export type HeatmapPoint = { id: string; label: string; likelihood: number; impact: number }

export type HeatmapCell = {
  likelihood: number
  impact: number
  score: number
  band: RiskBand
  /** The points placed in this cell, in the order given. */
  points: HeatmapPoint[]
}

export type Heatmap = {
  /** Impact 5 (top) down to 1, each row likelihood 1 to 5, as the grid is drawn. */
  rows: HeatmapCell[][]
  bands: RiskBandThresholds
  total: number
}

/**
 * Medians of an even number of reviewers can fall between cells; a half
 * rounds up so that a criterion is never drawn as less risky than scored.
 */
export function toCell(value: number): number {
  return Math.min(5, Math.max(1, Math.floor(value + 0.5)))
}

export function buildHeatmap(points: HeatmapPoint[], bands: RiskBandThresholds = DEFAULT_RISK_BANDS): Heatmap {
  const rows = [...SCALE].reverse().map((impact) =>
    SCALE.map((likelihood) => {
      const score = riskScore(likelihood, impact)
      return { likelihood, impact, score, band: bandFor(score, bands), points: [] as HeatmapPoint[] }
    }),
  )
  for (const point of points) {
    const row = rows[5 - toCell(point.impact)]!
    row[toCell(point.likelihood) - 1]!.points.push(point)
  }
  return { rows, bands, total: points.length }
}

/** The occupied cells, highest score first: the text alternative to the grid. */
export function occupiedCells(heatmap: Heatmap): HeatmapCell[] {
  return heatmap.rows
    .flat()
    .filter((c) => c.points.length > 0)
    .sort((a, b) => b.score - a.score || b.impact - a.impact)
}
