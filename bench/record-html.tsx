import QRCode from 'qrcode'
import { renderToStaticMarkup } from 'react-dom/server'
import { RiskHeatmap } from '~/components/risk-heatmap'
import { type DecisionRecordData } from '~/pdf/record-data'
import {
  auditFacts,
  blockingIssueRows,
  conditionRows,
  coverFacts,
  criterionRows,
  decisionFacts,
  heatmapPoints,
  monitoringSection,
  privacyRows,
  professionalBodySection,
  proposalFacts,
  reviewRows,
  signatoryRows,
  staffSection,
  unionStatement,
  type Fact,
} from '~/pdf/sections'
import { buildHeatmap } from '~/utils/risk-heatmap'

/**
 * The same record as an HTML page, for the benchmark's comparison with
 * Chromium's page.pdf(): the same sections, wording and tables, the web
 * heatmap component, and the QR code as inline SVG.
 */

const CSS = `
@page { size: A4; margin: 20mm 16mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.35; color: #0b0c0c; }
h1 { font-size: 22pt; color: #1d3f6e; margin: 0 0 4pt; } h2 { font-size: 14pt; color: #1d3f6e; break-after: avoid; }
h3 { font-size: 11pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; } tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 0.75pt solid #b1b4b6; }
th { background: #f3f2f1; } .hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.heatmaps { display: flex; gap: 16pt; } .risk-heatmap svg { width: 220px; height: auto; }
.band-low rect { fill: #cce2d8; } .band-medium rect { fill: #fff2c2; } .band-high rect { fill: #fcd6a4; } .band-very_high rect { fill: #f4b5ab; }
.heatmap-cell rect { stroke: #fff; stroke-width: 2; } details { display: none; }
.risk-heatmap + .risk-heatmap .heatmap-legend { display: none; }
`

function Facts({ facts }: { facts: Fact[] }) {
  return (
    <table>
      <tbody>
        {facts.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Table<Row extends Record<string, string | number>>({ columns, rows }: { columns: [keyof Row & string, string][]; rows: Row[] }) {
  return (
    <table>
      <thead>
        <tr>
          {columns.map(([key, title]) => (
            <th key={key} scope="col">
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map(([key]) => (
              <td key={key}>{String(row[key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RecordPage({ d, qr }: { d: DecisionRecordData; qr: string }) {
  const body = d.organisation.professionalBodyName
  const pb = professionalBodySection(d.professionalBody, body)
  const staff = staffSection(d.staff)
  const monitoring = monitoringSection(d.decision.monitoring, d.decision.outcome)
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <title>{`Decision record ${d.record.reference}`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <h1>Decision record</h1>
        <p>{d.proposal.title}</p>
        <Facts facts={coverFacts(d)} />
        <h2>1. The proposal</h2>
        <Facts facts={proposalFacts(d.proposal)} />
        <h2>2. Ethics screening</h2>
        <div className="heatmaps">
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'median'), d.screening.bands)} title="Inherent risk" />
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'residual'), d.screening.bands)} title="Residual risk" />
        </div>
        <Table
          columns={[['name', 'Criterion'], ['principles', 'Principles'], ['median', 'Median'], ['range', 'Range'], ['disagreement', 'Disagree'], ['residual', 'Residual']]}
          rows={criterionRows(d.screening)}
        />
        {reviewRows(d.screening).map((c) => (
          <section key={c.criterion}>
            <h3>{c.criterion}</h3>
            <Table
              columns={[['reviewer', 'Reviewer'], ['inherent', 'Score'], ['rationale', 'Rationale'], ['mitigations', 'Mitigations'], ['residual', 'Residual']]}
              rows={c.rows}
            />
          </section>
        ))}
        <h2>3. Privacy checklist and blocking issues</h2>
        <Table columns={[['question', 'Question'], ['answer', 'Answer'], ['evidence', 'Evidence']]} rows={privacyRows(d.privacy)} />
        <Table columns={[['issue', 'Blocking issue'], ['resolution', 'Override']]} rows={blockingIssueRows(d.privacy)} />
        <h2>4. Consultation with {body}</h2>
        <Facts facts={pb.request} />
        <p>{pb.statement}</p>
        <Table columns={[['number', 'No.'], ['text', 'Recommendation'], ['answer', 'Answer'], ['rationale', 'Reason']]} rows={pb.recommendations} />
        <h2>5. Staff consultation</h2>
        <Facts facts={staff.facts} />
        <p>{staff.statement}</p>
        <Table columns={[['category', 'Category'], ['concerns', 'Concerns'], ['endorsements', 'Endorsements']]} rows={staff.counts} />
        {staff.concerns.map((c) => (
          <div key={c.number}>
            <p>
              <strong>
                Concern {c.number} · {c.category} · {c.author} · {c.raisedOn} · {c.endorsements}
              </strong>
              <br />
              {c.text}
              <br />
              {c.response}
            </p>
          </div>
        ))}
        <h2>6. Trade union consultation</h2>
        <p>{unionStatement(d.union)}</p>
        <h2>7. The decision</h2>
        <Facts facts={decisionFacts(d.decision)} />
        <Table columns={[['number', 'No.'], ['text', 'Condition'], ['source', 'Origin']]} rows={conditionRows(d.decision.conditions)} />
        <p>{monitoring.statement}</p>
        <Table columns={[['name', 'Indicator'], ['baseline', 'Baseline'], ['direction', 'Direction'], ['threshold', 'Threshold']]} rows={monitoring.indicators} />
        <h2>8. Signatories</h2>
        <Table columns={[['name', 'Name'], ['role', 'Role'], ['signedAt', 'Signed']]} rows={signatoryRows(d.signatories)} />
        <h2>9. Verifying this record</h2>
        <Facts facts={auditFacts(d.audit)} />
        <div dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="hash">{d.record.verifyUrl}</p>
      </body>
    </html>
  )
}

export async function recordHtml(d: DecisionRecordData): Promise<string> {
  const qr = await QRCode.toString(d.record.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', width: 110 })
  return `<!doctype html>${renderToStaticMarkup(<RecordPage d={d} qr={qr} />)}`
}
