import { Fragment } from 'react'
import { DataTable } from '~/components/data-table'
import { RiskHeatmap } from '~/components/risk-heatmap'
import { type AddendumData, type DecisionRecordData } from '~/pdf/record-data'
import { type RecordContent } from '~/pdf/record-json'
import {
  addendumCoverFacts,
  auditFacts,
  blockingIssueRows,
  conditionCheckRows,
  conditionRows,
  coverFacts,
  criterionRows,
  decisionFacts,
  formatDateTime,
  heatmapPoints,
  monitoringSection,
  privacyRows,
  professionalBodySection,
  proposalFacts,
  readingRows,
  reassessmentOutcomeLabel,
  reviewFacts,
  reviewRows,
  signatoryRows,
  staffSection,
  unionStatement,
  type Fact,
} from '~/pdf/sections'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type MonitoringPlan } from '#machines/vocabulary/monitoring'
import { buildHeatmap } from '~/utils/risk-heatmap'

/**
 * A signed record as an accessible web page: the same sections, wording and
 * tables as the PDF, worded by the same functions from the data signed into
 * the file, in semantic HTML (headings, lists of facts, tables with headers,
 * heatmaps with text alternatives). react-pdf cannot tag a PDF (ADR 024).
 */

function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="record-facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

type Column<Row> = [key: keyof Row & string, title: string]

function Table<Row extends Record<string, string | number>>({ caption, columns, rows }: { caption: string; columns: Column<Row>[]; rows: Row[] }) {
  return (
    <DataTable caption={caption} captionHidden>
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
            {columns.map(([key], c) =>
              c === 0 ? (
                <th key={key} scope="row">
                  {String(row[key])}
                </th>
              ) : (
                <td key={key}>{String(row[key])}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  )
}

function Conditions({ conditions, none }: { conditions: Condition[]; none: string }) {
  if (!conditions.length) return <p>{none}</p>
  return (
    <Table
      caption="Conditions"
      columns={[
        ['number', 'No.'],
        ['text', 'Condition'],
        ['source', 'Origin'],
      ]}
      rows={conditionRows(conditions)}
    />
  )
}

function Monitoring({ plan, outcome }: { plan: MonitoringPlan | null; outcome?: Outcome }) {
  const monitoring = monitoringSection(plan, outcome)
  return (
    <>
      <p>{monitoring.statement}</p>
      {monitoring.indicators.length ? (
        <Table
          caption="Monitoring indicators"
          columns={[
            ['name', 'Indicator'],
            ['baseline', 'Baseline'],
            ['direction', 'Direction'],
            ['threshold', 'Threshold'],
          ]}
          rows={monitoring.indicators}
        />
      ) : null}
    </>
  )
}

function Signatories({ number, signatories }: { number: number; signatories: DecisionRecordData['signatories'] }) {
  return (
    <section aria-labelledby="record-signatories">
      <h2 id="record-signatories">{number}. Signatories</h2>
      <Table
        caption="Signatories"
        columns={[
          ['name', 'Name'],
          ['role', 'Role'],
          ['signedAt', 'Signed'],
        ]}
        rows={signatoryRows(signatories)}
      />
    </section>
  )
}

function Verification({ number, d }: { number: number; d: Pick<DecisionRecordData, 'record' | 'audit' | 'organisation'> }) {
  return (
    <section aria-labelledby="record-verifying">
      <h2 id="record-verifying">{number}. Verifying this record</h2>
      <p>
        When this record was signed, the proposal’s audit trail stood at the entry below. Each entry holds the hash of the
        one before, so the trail cannot be changed without it showing.
      </p>
      <Facts facts={auditFacts(d.audit)} />
      <p>
        Check this record at: <a href={d.record.verifyUrl}>{d.record.verifyUrl}</a>
      </p>
      <p>
        The signed PDF carries a digital signature by {d.organisation.name}; this page shows the data signed into that
        file.
      </p>
    </section>
  )
}

function DecisionRecordPage({ d }: { d: DecisionRecordData }) {
  const body = d.organisation.professionalBodyName
  const pb = professionalBodySection(d.professionalBody, body)
  const staff = staffSection(d.staff)
  const blocking = blockingIssueRows(d.privacy)
  return (
    <article className="record-page" lang="en-GB">
      <h1>
        Decision record <span className="record-page-subtitle">{d.proposal.title}</span>
      </h1>
      <Facts facts={coverFacts(d)} />

      <section aria-labelledby="record-proposal">
        <h2 id="record-proposal">1. The proposal</h2>
        <Facts facts={proposalFacts(d.proposal)} />
      </section>

      <section aria-labelledby="record-screening">
        <h2 id="record-screening">2. Ethics screening</h2>
        <p>
          {d.screening.criteria.length} criteria were scored independently by each reviewer (rubric version{' '}
          {d.screening.rubricVersion}). Score = likelihood × impact, each from 1 to 5.
        </p>
        <div className="heatmaps">
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'median'), d.screening.bands)} title="Inherent risk (median of reviewers)" />
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'residual'), d.screening.bands)} title="Residual risk after mitigations" />
        </div>
        <h3>Result per criterion</h3>
        <Table
          caption="Result per criterion"
          columns={[
            ['name', 'Criterion'],
            ['principles', 'Principles served'],
            ['median', 'Median'],
            ['range', 'Range'],
            ['disagreement', 'Reviewers disagree'],
            ['residual', 'Residual'],
          ]}
          rows={criterionRows(d.screening)}
        />
        {d.screening.recusals.length ? (
          <>
            <h3>Recusals</h3>
            <Table
              caption="Recusals"
              columns={[
                ['reviewer', 'Reviewer'],
                ['reason', 'Conflict declared'],
              ]}
              rows={d.screening.recusals}
            />
          </>
        ) : null}
        <h3>Reviewers’ scores, rationales and mitigations</h3>
        {reviewRows(d.screening).map((c) => (
          <Fragment key={c.criterion}>
            <h4>{c.criterion}</h4>
            <Table
              caption={`Reviewers’ scores: ${c.criterion}`}
              columns={[
                ['reviewer', 'Reviewer'],
                ['inherent', 'Score'],
                ['rationale', 'Rationale'],
                ['mitigations', 'Mitigations'],
                ['residual', 'Residual'],
              ]}
              rows={c.rows}
            />
          </Fragment>
        ))}
      </section>

      <section aria-labelledby="record-privacy">
        <h2 id="record-privacy">3. Privacy checklist and blocking issues</h2>
        <Table
          caption="Privacy checklist"
          columns={[
            ['question', 'Question'],
            ['answer', 'Answer'],
            ['evidence', 'Evidence'],
          ]}
          rows={privacyRows(d.privacy)}
        />
        {blocking.length ? (
          <Table
            caption="Blocking issues"
            columns={[
              ['issue', 'Blocking issue'],
              ['resolution', 'Override'],
            ]}
            rows={blocking}
          />
        ) : (
          <p>No blocking issues were found.</p>
        )}
      </section>

      <section aria-labelledby="record-professional-body">
        <h2 id="record-professional-body">4. Consultation with {body}</h2>
        {pb.requestStatement ? <p>{pb.requestStatement}</p> : null}
        {pb.request.length ? <Facts facts={pb.request} /> : null}
        <p>{pb.statement}</p>
        {pb.note ? <p>Note recorded: {pb.note}</p> : null}
        {pb.recommendations.length ? (
          <Table
            caption="Recommendations"
            columns={[
              ['number', 'No.'],
              ['text', 'Recommendation'],
              ['answer', 'Answer'],
              ['rationale', 'Reason if not accepted'],
            ]}
            rows={pb.recommendations}
          />
        ) : null}
      </section>

      <section aria-labelledby="record-staff">
        <h2 id="record-staff">5. Staff consultation</h2>
        <Facts facts={staff.facts} />
        <p>{staff.statement}</p>
        <Table
          caption="Concerns by category"
          columns={[
            ['category', 'Category'],
            ['concerns', 'Concerns'],
            ['endorsements', 'Endorsements'],
          ]}
          rows={staff.counts}
        />
        {staff.concerns.length ? (
          <>
            <h3>Each concern and its response</h3>
            <ol className="record-concerns">
              {staff.concerns.map((c) => (
                <li key={c.number}>
                  <p>
                    <strong>
                      Concern {c.number} · {c.category} · {c.author} · {c.raisedOn} · {c.endorsements}
                    </strong>
                  </p>
                  <p>{c.text}</p>
                  <p>{c.response}</p>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section aria-labelledby="record-union">
        <h2 id="record-union">6. Trade union consultation</h2>
        <p>{unionStatement(d.union)}</p>
      </section>

      <section aria-labelledby="record-decision">
        <h2 id="record-decision">7. The decision</h2>
        <Facts facts={decisionFacts(d.decision)} />
        <h3>Conditions</h3>
        <Conditions conditions={d.decision.conditions} none="No conditions." />
        <h3>Dissent and minority views</h3>
        {d.decision.dissent.length ? d.decision.dissent.map((text, i) => <p key={i}>{text}</p>) : <p>None recorded.</p>}
        <h3>Monitoring plan</h3>
        <Monitoring plan={d.decision.monitoring} outcome={d.decision.outcome} />
      </section>

      <Signatories number={8} signatories={d.signatories} />
      <Verification number={9} d={d} />
    </article>
  )
}

function AddendumPage({ a }: { a: AddendumData }) {
  return (
    <article className="record-page" lang="en-GB">
      <h1>
        Decision record addendum <span className="record-page-subtitle">{a.proposal.title}</span>
      </h1>
      <Facts facts={addendumCoverFacts(a)} />
      <p>
        This addendum records a reassessment of the partnership. The original record {a.parent.reference} is unchanged;
        the SHA-256 above identifies the exact file this addendum adds to.
      </p>

      <section aria-labelledby="record-review">
        <h2 id="record-review">1. The review that triggered reassessment</h2>
        <Facts facts={reviewFacts(a.review)} />
        <h3>Indicators at that review</h3>
        {a.review.readings.length ? (
          <Table
            caption="Indicators at that review"
            columns={[
              ['name', 'Indicator'],
              ['baseline', 'Baseline'],
              ['value', 'Value'],
              ['change', 'Change'],
              ['threshold', 'Threshold'],
              ['breached', 'Breached'],
            ]}
            rows={readingRows(a.review.readings)}
          />
        ) : (
          <p>No indicator values were recorded.</p>
        )}
        <h3>Conditions checked</h3>
        {a.review.conditions.length ? (
          <Table
            caption="Conditions checked"
            columns={[
              ['text', 'Condition'],
              ['status', 'Status'],
            ]}
            rows={conditionCheckRows(a.review.conditions)}
          />
        ) : (
          <p>No conditions were checked.</p>
        )}
      </section>

      <section aria-labelledby="record-outcome">
        <h2 id="record-outcome">2. The outcome of reassessment</h2>
        <Facts
          facts={[
            ['Outcome', reassessmentOutcomeLabel(a.outcome)],
            ['Decided by', a.decidedBy],
            ['Decided on', formatDateTime(a.decidedAt)],
            ['Rationale', a.rationale],
          ]}
        />
        <h3>Conditions added</h3>
        <Conditions conditions={a.newConditions} none="No conditions were added." />
        <h3>Monitoring from now on</h3>
        <Monitoring plan={a.monitoring} />
      </section>

      <Signatories number={3} signatories={a.signatories} />
      <Verification number={4} d={a} />
    </article>
  )
}

export function RecordPage({ content }: { content: RecordContent }) {
  return content.kind === 'decision' ? <DecisionRecordPage d={content.data} /> : <AddendumPage a={content.data} />
}
