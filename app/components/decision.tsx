import { Link } from '@remix-run/react'
import type { BlockingOverride } from '#db/schema/decisions'
import { type ProfessionalBodyConsultation, type StaffConsultation, type UnionConsultation } from '~/pdf/record-data'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type MonitoringPlan } from '#machines/vocabulary/monitoring'
import { conditionRows, formatDateTime, monitoringSection, professionalBodySection, staffSection, unionStatement } from '~/pdf/sections'
import { outcomeLabel } from '#machines/vocabulary/labels'
import { DataTable } from '~/components/data-table'

/**
 * The decision page's read-only parts, worded by app/pdf/sections.ts so that
 * the page says what the signed record will print.
 */

export function ConsultationSummary({
  bodyName,
  professionalBody,
  staff,
  union,
}: {
  bodyName: string
  professionalBody: ProfessionalBodyConsultation
  staff: StaffConsultation
  union: UnionConsultation
}) {
  const pb = professionalBodySection(professionalBody, bodyName)
  const s = staffSection(staff)
  return (
    <section aria-labelledby="consultation-summary-heading">
      <h2 id="consultation-summary-heading">What consultation found</h2>
      <h3>{bodyName}</h3>
      {pb.requestStatement ? <p>{pb.requestStatement}</p> : null}
      <p>{pb.statement}</p>
      {pb.note ? <p className="prewrap">{pb.note}</p> : null}
      {pb.recommendations.length ? (
        <DataTable caption="Recommendations and the service’s answers">
          <thead>
            <tr>
              <th scope="col">Recommendation</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {pb.recommendations.map((r) => (
              <tr key={r.number}>
                <th scope="row" className="prewrap">
                  {r.number}. {r.text}
                </th>
                <td>
                  {r.answer}
                  {r.rationale ? `: ${r.rationale}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <h3>Staff</h3>
      <p>{s.statement}</p>
      {staff.concerns.length ? (
        <>
          <DataTable caption="Concerns by category">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Concerns</th>
                <th scope="col">Endorsements</th>
              </tr>
            </thead>
            <tbody>
              {s.counts
                .filter((c) => c.concerns > 0)
                .map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.category}</th>
                    <td>{c.concerns}</td>
                    <td>{c.endorsements}</td>
                  </tr>
                ))}
            </tbody>
          </DataTable>
          <ol>
            {s.concerns.map((c) => (
              <li key={c.number}>
                <p>
                  <strong>{c.category}</strong>, raised by {c.author} on {c.raisedOn} ({c.endorsements})
                </p>
                <p className="prewrap">{c.text}</p>
                <p className="concern-response">{c.response}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>Trade union</h3>
      <p className="prewrap">{unionStatement(union)}</p>
    </section>
  )
}

export type RecordedContent = {
  outcome: Outcome
  rationale: string
  conditions: Condition[]
  overrides: BlockingOverride[]
  dissent: string[]
  monitoring: MonitoringPlan | null
}

/** A recorded decision, as it will be signed. */
export function RecordedDecision({ d }: { d: RecordedContent }) {
  const monitoring = monitoringSection(d.monitoring, d.outcome)
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>Outcome</dt>
          <dd>
            <strong>{outcomeLabel(d.outcome)}</strong>
          </dd>
        </div>
        <div>
          <dt>Rationale</dt>
          <dd className="prewrap">{d.rationale}</dd>
        </div>
      </dl>
      {d.conditions.length ? (
        <DataTable caption="Conditions">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Condition</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {conditionRows(d.conditions).map((c) => (
              <tr key={c.number}>
                <td>{c.number}</td>
                <td className="prewrap">{c.text}</td>
                <td>{c.source}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {d.overrides.length ? (
        <>
          <h4>Blocking issues overridden</h4>
          <ul className="blocking">
            {d.overrides.map((o) => (
              <li key={o.key}>
                <strong>{o.issue}</strong>: <span className="prewrap">{o.rationale}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.dissent.length ? (
        <>
          <h4>Dissent and minority views</h4>
          <ul>
            {d.dissent.map((text) => (
              <li key={text} className="prewrap">
                {text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Monitoring</h4>
      <p>{monitoring.statement}</p>
      {monitoring.indicators.length ? (
        <DataTable caption="Indicators">
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Baseline</th>
              <th scope="col">Direction</th>
              <th scope="col">Threshold</th>
            </tr>
          </thead>
          <tbody>
            {monitoring.indicators.map((i) => (
              <tr key={i.name}>
                <th scope="row">{i.name}</th>
                <td>{i.baseline}</td>
                <td>{i.direction}</td>
                <td>{i.threshold}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  )
}

export type Signature = { name: string; role: string; signedAt: Date }

export function SignatureList({ signatures, required }: { signatures: Signature[]; required?: number }) {
  return (
    <>
      {signatures.length ? (
        <ul>
          {signatures.map((s) => (
            <li key={s.name + s.signedAt.toISOString()}>
              Signed by {s.name}, {s.role}, {formatDateTime(s.signedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nobody has signed it yet.</p>
      )}
      {required && signatures.length < required ? (
        <p>
          {signatures.length} of {required} signatures. The signed record is produced when the last signatory signs.
        </p>
      ) : null}
    </>
  )
}

export type RecordLink = { id: string; reference: string; sha256: string; signedAt: Date }

/** Where to get a signed record and how anyone can check it. */
export function RecordLinks({ proposalId, record }: { proposalId: string; record: RecordLink }) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Signed record</dt>
        <dd>
          <a href={`/proposals/${proposalId}/decision/records/${record.id}`} download={`${record.reference}.pdf`}>
            Download record {record.reference} (PDF)
          </a>
        </dd>
      </div>
      <div>
        <dt>Signed</dt>
        <dd>{formatDateTime(record.signedAt)}</dd>
      </div>
      <div>
        <dt>SHA-256</dt>
        <dd className="hash">{record.sha256}</dd>
      </div>
      <div>
        <dt>Verify</dt>
        <dd>
          <Link to={`/verify/${record.id}`}>Check record {record.reference} on the verification page</Link>
        </dd>
      </div>
    </dl>
  )
}
