import { byMedian, criterionRows, heatmapPoints, heatmapTitle, plural, privacyRows, reviewRows, scoreColumnTitle } from '~/pdf/sections'
import { type ScreeningProfile } from '~/workflow/screening/aggregate'
import { type ScreeningResult, type PrivacyResult } from '~/pdf/record-data'
import { buildHeatmap } from '~/utils/risk-heatmap'
import { RISK_BAND_LABELS } from '#machines/vocabulary/labels'
import { bandFor, RISK_BANDS, riskScore } from '#machines/vocabulary/risk'
import { RiskHeatmap } from './risk-heatmap'
import { DataTable } from '~/components/data-table'

type Props = {
  result: ScreeningResult & { privacy: PrivacyResult; profile: ScreeningProfile; submittedReviews: number }
}

function ProfileSummary({ result }: Props) {
  const { profile } = result
  const counts = [...RISK_BANDS]
    .reverse()
    .filter((b) => profile.inherent[b] > 0)
    .map((b) => `${profile.inherent[b]} ${RISK_BAND_LABELS[b].toLowerCase()}`)
  return (
    <ul>
      <li>
        {plural(result.submittedReviews, 'reviewer')} scored {plural(result.criteria.length, 'criterion', 'criteria')} with
        rubric version {result.rubricVersion}.
      </li>
      {byMedian(result) ? (
        <li>
          Highest median risk: <strong>{profile.highest ? RISK_BAND_LABELS[profile.highest] : 'none'}</strong>
          {counts.length ? ` (${counts.join(', ')})` : ''}.
        </li>
      ) : (
        <li>
          Fewer than three reviewers: each reviewer’s score is shown, not a median. Highest score a reviewer gave:{' '}
          <strong>{highestGiven(result)}</strong>.
        </li>
      )}
      <li>
        {profile.disagreements
          ? `Reviewers disagree (two or more bands apart) on ${plural(profile.disagreements, 'criterion', 'criteria')}.`
          : 'Reviewers do not disagree by two bands or more on any criterion.'}
      </li>
      <li>
        {profile.blockingIssues
          ? `${plural(profile.blockingIssues, 'blocking privacy issue')}: carried to the decision.`
          : 'No blocking privacy issues.'}
      </li>
    </ul>
  )
}

function highestGiven(result: Props['result']): string {
  const scores = result.criteria.flatMap((c) => c.reviews.map((r) => riskScore(r.likelihood, r.impact)))
  if (scores.length === 0) return 'none'
  const top = Math.max(...scores)
  return `${top}, ${RISK_BAND_LABELS[bandFor(top, result.bands)].toLowerCase()}`
}

/** The aggregated screening: profile, heatmaps, the criteria, privacy checklist and each review. */
export function ScreeningResults({ result }: Props) {
  const rows = criterionRows(result)
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Screening results</h2>
      <ProfileSummary result={result} />
      <div className="grid-2">
        <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(result, 'median'), result.bands)} title={heatmapTitle(result, 'median')} />
        <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(result, 'residual'), result.bands)} title={heatmapTitle(result, 'residual')} />
      </div>
      <DataTable caption={`Criteria: ${byMedian(result) ? 'median score' : 'each reviewer’s score'}, range and disagreement`}>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Principles</th>
            <th scope="col">{scoreColumnTitle(result)}</th>
            <th scope="col">Range</th>
            <th scope="col">Disagreement</th>
            <th scope="col">Residual</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={result.criteria[n]!.id} className={result.criteria[n]!.disagreement ? 'flagged' : undefined}>
              <th scope="row">{r.name}</th>
              <td>{r.principles}</td>
              <td>{r.median}</td>
              <td>{r.range}</td>
              <td>{result.criteria[n]!.disagreement ? <strong>⚑ {r.disagreement}</strong> : r.disagreement}</td>
              <td>{r.residual}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>Blocking issues</h3>
      {result.privacy.blockingIssues.length === 0 ? (
        <p>None: no reviewer answered “no” to a required privacy item.</p>
      ) : (
        <ul className="blocking">
          {result.privacy.blockingIssues.map((b) => (
            <li key={b.issue}>
              <strong>Blocking:</strong> {b.issue}
            </li>
          ))}
        </ul>
      )}
      <DataTable caption="Privacy checklist for partners and vendors">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answer</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {privacyRows(result.privacy).map((p) => (
            <tr key={p.question}>
              <th scope="row">{p.question}</th>
              <td>{p.answer}</td>
              <td className="pre-line">{p.evidence}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>Each reviewer’s scores</h3>
      {reviewRows(result).map((c) => (
        <details key={c.criterion}>
          <summary>{c.criterion}</summary>
          <DataTable caption={<>Reviews of {c.criterion}</>} captionHidden>
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Likelihood × impact</th>
                <th scope="col">Rationale</th>
                <th scope="col">Mitigations</th>
                <th scope="col">Residual</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr key={r.reviewer}>
                  <th scope="row">{r.reviewer}</th>
                  <td>{r.inherent}</td>
                  <td>{r.rationale}</td>
                  <td>{r.mitigations}</td>
                  <td>{r.residual}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </details>
      ))}
      {result.recusals.length ? (
        <>
          <h3>Recusals</h3>
          <ul>
            {result.recusals.map((r) => (
              <li key={r.reviewer + r.reason}>
                {r.reviewer}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
