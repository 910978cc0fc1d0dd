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
  heatmapTitle,
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
  wordsFor,
  type Fact,
  type Words,
} from '~/pdf/sections'
import { recordLocales } from '~/pdf/record-languages'
import { languageTag } from '~/utils/locale'
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

function Conditions({ conditions, none, w }: { conditions: Condition[]; none: string; w: Words }) {
  if (!conditions.length) return <p>{none}</p>
  return (
    <Table
      caption={w.t('decision.conditions')}
      columns={[
        ['number', w.t('column.number')],
        ['text', w.t('column.condition')],
        ['source', w.t('column.origin')],
      ]}
      rows={conditionRows(conditions, w)}
    />
  )
}

function Monitoring({ plan, outcome, w }: { plan: MonitoringPlan | null; outcome?: Outcome; w: Words }) {
  const monitoring = monitoringSection(plan, outcome, w)
  return (
    <>
      <p>{monitoring.statement}</p>
      {monitoring.indicators.length ? (
        <Table
          caption={w.t('summary.indicators')}
          columns={[
            ['name', w.t('column.indicator')],
            ['baseline', w.t('column.baseline')],
            ['direction', w.t('column.direction')],
            ['threshold', w.t('column.threshold')],
          ]}
          rows={monitoring.indicators}
        />
      ) : null}
    </>
  )
}

function Signatories({ number, signatories, w }: { number: number; signatories: DecisionRecordData['signatories']; w: Words }) {
  return (
    <section aria-labelledby={id('record-signatories', w)}>
      <h2 id={id('record-signatories', w)}>{w.t('signatories', { number })}</h2>
      <Table
        caption={w.t('summary.signatories')}
        columns={[
          ['name', w.t('column.name')],
          ['role', w.t('column.role')],
          ['signedAt', w.t('column.signed')],
        ]}
        rows={signatoryRows(signatories, w)}
      />
    </section>
  )
}

function Verification({ number, d, w }: { number: number; d: Pick<DecisionRecordData, 'record' | 'audit' | 'organisation'>; w: Words }) {
  return (
    <section aria-labelledby={id('record-verifying', w)}>
      <h2 id={id('record-verifying', w)}>{w.t('verification.title', { number })}</h2>
      <p>{w.t('verification.chain')}</p>
      <Facts facts={auditFacts(d.audit, w)} />
      <p>
        {w.t('verification.checkAt')} <a href={d.record.verifyUrl}>{d.record.verifyUrl}</a>
      </p>
      <p>{w.t('html.signedPdf', { organisation: d.organisation.name })}</p>
    </section>
  )
}

/** Ids stay as they were for English; a Welsh part's ids end in its language, so both parts can share a page. */
const id = (base: string, w: Words) => (w.locale === 'en' ? base : `${base}-${w.locale}`)

function DecisionRecordPage({ d, w, bilingual }: { d: DecisionRecordData; w: Words; bilingual: boolean }) {
  const { t } = w
  const body = d.organisation.professionalBodyName
  const pb = professionalBodySection(d.professionalBody, body, w)
  const staff = staffSection(d.staff, w)
  const blocking = blockingIssueRows(d.privacy, w)
  return (
    <article className="record-page" lang={languageTag(w.locale)}>
      <h1>
        {t('decision.title')} <span className="record-page-subtitle">{d.proposal.title}</span>
      </h1>
      {bilingual ? <p>{t('bilingualNote')}</p> : null}
      <Facts facts={coverFacts(d, w)} />

      <section aria-labelledby={id('record-proposal', w)}>
        <h2 id={id('record-proposal', w)}>{t('decision.proposal')}</h2>
        <Facts facts={proposalFacts(d.proposal, w)} />
      </section>

      <section aria-labelledby={id('record-screening', w)}>
        <h2 id={id('record-screening', w)}>{t('decision.screening')}</h2>
        <p>{t('decision.screeningIntro', { count: d.screening.criteria.length, version: d.screening.rubricVersion })}</p>
        <div className="heatmaps">
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'median', w), d.screening.bands)} title={heatmapTitle(d.screening, 'median', w)} />
          <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(d.screening, 'residual', w), d.screening.bands)} title={heatmapTitle(d.screening, 'residual', w)} />
        </div>
        <h3>{t('decision.resultPerCriterion')}</h3>
        <Table
          caption={t('decision.resultPerCriterion')}
          columns={[
            ['name', t('column.criterion')],
            ['principles', t('column.principles')],
            ['median', t('column.median')],
            ['range', t('column.range')],
            ['disagreement', t('column.disagreement')],
            ['residual', t('column.residual')],
          ]}
          rows={criterionRows(d.screening, w)}
        />
        {d.screening.recusals.length ? (
          <>
            <h3>{t('decision.recusals')}</h3>
            <Table
              caption={t('decision.recusals')}
              columns={[
                ['reviewer', t('column.reviewer')],
                ['reason', t('column.conflict')],
              ]}
              rows={d.screening.recusals}
            />
          </>
        ) : null}
        <h3>{t('decision.reviewerScores')}</h3>
        {reviewRows(d.screening, w).map((c) => (
          <Fragment key={c.criterion}>
            <h4>{c.criterion}</h4>
            <Table
              caption={t('html.reviewerScores', { criterion: c.criterion })}
              columns={[
                ['reviewer', t('column.reviewer')],
                ['inherent', t('column.score')],
                ['rationale', t('column.rationale')],
                ['mitigations', t('column.mitigations')],
                ['residual', t('column.residual')],
              ]}
              rows={c.rows}
            />
          </Fragment>
        ))}
      </section>

      <section aria-labelledby={id('record-privacy', w)}>
        <h2 id={id('record-privacy', w)}>{t('decision.privacy')}</h2>
        <Table
          caption={t('html.privacyChecklist')}
          columns={[
            ['question', t('column.question')],
            ['answer', t('column.answer')],
            ['evidence', t('column.evidence')],
          ]}
          rows={privacyRows(d.privacy, w)}
        />
        {blocking.length ? (
          <Table
            caption={t('html.blockingIssues')}
            columns={[
              ['issue', t('column.blockingIssue')],
              ['resolution', t('column.override')],
            ]}
            rows={blocking}
          />
        ) : (
          <p>{t('decision.noBlockingIssues')}</p>
        )}
      </section>

      <section aria-labelledby={id('record-professional-body', w)}>
        <h2 id={id('record-professional-body', w)}>{t('decision.professionalBody', { body })}</h2>
        {pb.requestStatement ? <p>{pb.requestStatement}</p> : null}
        {pb.request.length ? <Facts facts={pb.request} /> : null}
        <p>{pb.statement}</p>
        {pb.note ? <p>{t('decision.noteRecorded', { note: pb.note })}</p> : null}
        {pb.recommendations.length ? (
          <Table
            caption={t('html.recommendations')}
            columns={[
              ['number', t('column.number')],
              ['text', t('column.recommendation')],
              ['answer', t('column.answer')],
              ['rationale', t('column.notAcceptedReason')],
            ]}
            rows={pb.recommendations}
          />
        ) : null}
      </section>

      <section aria-labelledby={id('record-staff', w)}>
        <h2 id={id('record-staff', w)}>{t('decision.staff')}</h2>
        <Facts facts={staff.facts} />
        <p>{staff.statement}</p>
        <Table
          caption={t('html.concernsByCategory')}
          columns={[
            ['category', t('column.category')],
            ['concerns', t('column.concerns')],
            ['endorsements', t('column.endorsements')],
          ]}
          rows={staff.counts}
        />
        {staff.concerns.length ? (
          <>
            <h3>{t('decision.eachConcern')}</h3>
            <ol className="record-concerns">
              {staff.concerns.map((c) => (
                <li key={c.number}>
                  <p>
                    <strong>{t('decision.concernLine', c)}</strong>
                  </p>
                  <p>{c.text}</p>
                  <p>{c.response}</p>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section aria-labelledby={id('record-union', w)}>
        <h2 id={id('record-union', w)}>{t('decision.union')}</h2>
        <p>{unionStatement(d.union, w)}</p>
      </section>

      <section aria-labelledby={id('record-decision', w)}>
        <h2 id={id('record-decision', w)}>{t('decision.decision')}</h2>
        <Facts facts={decisionFacts(d.decision, w)} />
        <h3>{t('decision.conditions')}</h3>
        <Conditions conditions={d.decision.conditions} none={t('decision.noConditions')} w={w} />
        <h3>{t('decision.dissent')}</h3>
        {d.decision.dissent.length ? d.decision.dissent.map((text, i) => <p key={i}>{text}</p>) : <p>{t('decision.noneRecorded')}</p>}
        <h3>{t('decision.monitoringPlan')}</h3>
        <Monitoring plan={d.decision.monitoring} outcome={d.decision.outcome} w={w} />
      </section>

      <Signatories number={8} signatories={d.signatories} w={w} />
      <Verification number={9} d={d} w={w} />
    </article>
  )
}

function AddendumPage({ a, w, bilingual }: { a: AddendumData; w: Words; bilingual: boolean }) {
  const { t } = w
  return (
    <article className="record-page" lang={languageTag(w.locale)}>
      <h1>
        {t('addendum.title')} <span className="record-page-subtitle">{a.proposal.title}</span>
      </h1>
      {bilingual ? <p>{t('bilingualNote')}</p> : null}
      <Facts facts={addendumCoverFacts(a, w)} />
      <p>{t('addendum.intro', { parent: a.parent.reference })}</p>

      <section aria-labelledby={id('record-review', w)}>
        <h2 id={id('record-review', w)}>{t('addendum.review')}</h2>
        <Facts facts={reviewFacts(a.review, w)} />
        <h3>{t('addendum.indicatorsAtReview')}</h3>
        {a.review.readings.length ? (
          <Table
            caption={t('addendum.indicatorsAtReview')}
            columns={[
              ['name', t('column.indicator')],
              ['baseline', t('column.baseline')],
              ['value', t('column.value')],
              ['change', t('column.change')],
              ['threshold', t('column.threshold')],
              ['breached', t('column.breached')],
            ]}
            rows={readingRows(a.review.readings, w)}
          />
        ) : (
          <p>{t('addendum.noReadings')}</p>
        )}
        <h3>{t('addendum.conditionsChecked')}</h3>
        {a.review.conditions.length ? (
          <Table
            caption={t('addendum.conditionsChecked')}
            columns={[
              ['text', t('column.condition')],
              ['status', t('column.status')],
            ]}
            rows={conditionCheckRows(a.review.conditions, w)}
          />
        ) : (
          <p>{t('addendum.noConditionsChecked')}</p>
        )}
      </section>

      <section aria-labelledby={id('record-outcome', w)}>
        <h2 id={id('record-outcome', w)}>{t('addendum.outcome')}</h2>
        <Facts
          facts={[
            [t('fact.outcome'), reassessmentOutcomeLabel(a.outcome, w)],
            [t('fact.decidedBy'), a.decidedBy],
            [t('fact.decidedOn'), formatDateTime(a.decidedAt, w)],
            [t('fact.rationale'), a.rationale],
          ]}
        />
        <h3>{t('addendum.conditionsAdded')}</h3>
        <Conditions conditions={a.newConditions} none={t('addendum.noConditionsAdded')} w={w} />
        <h3>{t('addendum.monitoringFromNow')}</h3>
        <Monitoring plan={a.monitoring} w={w} />
      </section>

      <Signatories number={3} signatories={a.signatories} w={w} />
      <Verification number={4} d={a} w={w} />
    </article>
  )
}

/**
 * The record in each language it was issued in, as the PDF has them: a
 * bilingual record shows the Welsh part, then the English, each with its own `lang`.
 */
export function RecordPage({ content }: { content: RecordContent }) {
  const locales = recordLocales(content.data.organisation.languages)
  const bilingual = locales.length > 1
  return (
    <>
      {locales.map((locale) =>
        content.kind === 'decision' ? (
          <DecisionRecordPage key={locale} d={content.data} w={wordsFor(locale)} bilingual={bilingual} />
        ) : (
          <AddendumPage key={locale} a={content.data} w={wordsFor(locale)} bilingual={bilingual} />
        ),
      )}
    </>
  )
}
