import { describe, expect, it } from 'vitest'
import { buildHeatmap, occupiedCells, toCell } from '~/utils/risk-heatmap'
import { bandFor, bandRanges, DEFAULT_RISK_BANDS, riskScore, validBands } from '#machines/vocabulary/risk'

describe('risk banding', () => {
  it('bands scores with the defaults: low 1–4, medium 5–9, high 10–15, very high 16–25', () => {
    const bands = [1, 4, 5, 9, 10, 15, 16, 25].map((s) => bandFor(s))
    expect(bands).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'very_high', 'very_high'])
  })

  it('takes other bands as a parameter', () => {
    const strict = { medium: 3, high: 6, veryHigh: 12 }
    expect(bandFor(riskScore(2, 2), strict)).toBe('medium')
    expect(bandFor(riskScore(3, 4), strict)).toBe('very_high')
    expect(bandRanges(strict)).toEqual({ low: '1–2', medium: '3–5', high: '6–11', very_high: '12–25' })
  })

  it('accepts only rising thresholds within the 1–25 scale', () => {
    expect(validBands(DEFAULT_RISK_BANDS)).toBe(true)
    expect(validBands({ medium: 10, high: 5, veryHigh: 16 })).toBe(false)
    expect(validBands({ medium: 5, high: 10, veryHigh: 26 })).toBe(false)
    expect(validBands({ medium: 1, high: 10, veryHigh: 16 })).toBe(false)
  })
})

describe('heatmap model', () => {
  it('draws impact 5 at the top and likelihood 1 at the left, each cell banded by its score', () => {
    const map = buildHeatmap([])
    expect(map.rows).toHaveLength(5)
    expect(map.rows[0]!.map((c) => [c.likelihood, c.impact])).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]])
    expect(map.rows[4]![0]).toMatchObject({ likelihood: 1, impact: 1, score: 1, band: 'low' })
    expect(map.rows[0]![4]).toMatchObject({ score: 25, band: 'very_high' })
    expect(map.rows[2]![2]).toMatchObject({ likelihood: 3, impact: 3, score: 9, band: 'medium' })
  })

  it('places each point in its cell and counts them', () => {
    const map = buildHeatmap([
      { id: 'a', label: 'Trust', likelihood: 4, impact: 5 },
      { id: 'b', label: 'Privacy', likelihood: 4, impact: 5 },
      { id: 'c', label: 'Staff', likelihood: 1, impact: 2 },
    ])
    const cell = map.rows[0]![3]!
    expect(cell.points.map((p) => p.label)).toEqual(['Trust', 'Privacy'])
    expect(map.rows[3]![0]!.points).toHaveLength(1)
    expect(map.total).toBe(3)
    expect(occupiedCells(map).map((c) => c.score)).toEqual([20, 2])
  })

  it('rounds a median between cells up, never drawing a risk lower than scored, and keeps it on the grid', () => {
    expect([toCell(2.5), toCell(2.49), toCell(0), toCell(7)]).toEqual([3, 2, 1, 5])
    const map = buildHeatmap([{ id: 'a', label: 'Trust', likelihood: 3.5, impact: 4.5 }])
    expect(occupiedCells(map)[0]).toMatchObject({ likelihood: 4, impact: 5 })
  })

  it('uses the bands it is given for every cell', () => {
    const map = buildHeatmap([], { medium: 2, high: 3, veryHigh: 4 })
    expect(map.rows[4]![1]!.band).toBe('medium')
    expect(map.rows[4]![3]!.band).toBe('very_high')
  })
})
