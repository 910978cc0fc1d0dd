import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RiskHeatmap } from '~/components/risk-heatmap'
import { buildHeatmap } from '~/utils/risk-heatmap'

const map = buildHeatmap([
  { id: 'trust', label: 'Public trust', likelihood: 4, impact: 5 },
  { id: 'privacy', label: 'Privacy', likelihood: 4, impact: 5 },
  { id: 'staff', label: 'Staff welfare', likelihood: 2, impact: 2 },
])

describe('RiskHeatmap component', () => {
  const html = renderToStaticMarkup(<RiskHeatmap heatmap={map} title="Inherent risk" />)

  it('is one image named by its title and described in words', () => {
    const svg = /<svg[^>]*>/.exec(html)![0]
    expect(svg).toContain('role="img"')
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ')
    expect(html).toContain(`<title id="${titleId}">Inherent risk</title>`)
    expect(html).toMatch(new RegExp(`<desc id="${descId}">3 criteria on a 5 by 5 grid[^<]*2 very high, 1 low\\.</desc>`))
  })

  it('marks every cell’s band with a letter, not colour alone, and shows counts', () => {
    expect(html.match(/class="heatmap-mark"/g)).toHaveLength(25)
    expect(html).toMatch(/class="heatmap-cell band-very_high"><rect[^>]*><\/rect><text[^>]*>VH<\/text><text[^>]*>2<\/text>/)
  })

  it('gives a table alternative with a header for each column and every occupied cell', () => {
    expect(html).toMatch(/<caption id="[^"]+">Inherent risk<\/caption>/)
    expect(html.match(/<th scope="col">/g)).toHaveLength(5)
    expect(html).toContain('<td>Public trust; Privacy</td>')
    expect(html).toContain('<td>Staff welfare</td>')
    expect(html).toContain('Very high (score 16–25)')
  })
})
