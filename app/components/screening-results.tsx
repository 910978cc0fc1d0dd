import { type TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import { usePageLocale } from '~/components/consultation'
import { byMedian, criterionRows, wordsFor, heatmapPoints, heatmapTitle, privacyRows, reviewRows, scoreColumnTitle } from '~/pdf/sections'
import { type ScreeningProfile } from '~/workflow/screening/aggregate'
import { type ScreeningResult, type PrivacyResult } from '~/pdf/record-data'
import { buildHeatmap } from '~/utils/risk-heatmap'
import { useVocabulary, type VocabularyLabel } from '~/utils/vocabulary'
import { bandFor, RISK_BANDS, riskScore } from '#machines/vocabulary/risk'
import { RiskHeatmap } from './risk-heatmap'
import { DataTable } from '~/components/data-table'

type Props = {
  result: ScreeningResult & { privacy: PrivacyResult; profile: ScreeningProfile; submittedReviews: number }
}

function ProfileSummary({ result }: Props) {
  const { t } = useTranslation('screening')
  const label = useVocabulary()
  const { profile } = result
  const counts = [...RISK_BANDS]
    .reverse()
    .filter((b) => profile.inherent[b] > 0)
    .map((b) => t('results.bandCount', { count: profile.inherent[b], band: label('riskBand', b).toLowerCase() }))
  return (
    <ul>
      <li>
        {t('results.scored', {
          reviewers: t('results.reviewers', { count: result.submittedReviews }),
          criteria: t('results.criteria', { count: result.criteria.length }),
          version: result.rubricVersion,
        })}
      </li>
      {byMedian(result) ? (
        <li>
          <Trans
            t={t}
            i18nKey="results.highestMedian"
            values={{
              band: profile.highest ? label('riskBand', profile.highest) : t('results.none'),
              counts: counts.length ? ` (${counts.join(', ')})` : '',
            }}
            components={{ strong: <strong /> }}
          />
        </li>
      ) : (
        <li>
          <Trans t={t} i18nKey="results.fewReviewers" values={{ highest: highestGiven(result, t, label) }} components={{ strong: <strong /> }} />
        </li>
      )}
      <li>{profile.disagreements ? t('results.disagree', { count: profile.disagreements }) : t('results.agree')}</li>
      <li>{profile.blockingIssues ? t('results.blockingCount', { count: profile.blockingIssues }) : t('results.noBlocking')}</li>
    </ul>
  )
}

function highestGiven(result: Props['result'], t: TFunction<'screening'>, label: VocabularyLabel): string {
  const scores = result.criteria.flatMap((c) => c.reviews.map((r) => riskScore(r.likelihood, r.impact)))
  if (scores.length === 0) return t('results.none')
  const top = Math.max(...scores)
  return t('results.highest', { score: top, band: label('riskBand', bandFor(top, result.bands)).toLowerCase() })
}

/** The aggregated screening: profile, heatmaps, the criteria, privacy checklist and each review. */
export function ScreeningResults({ result }: Props) {
  const w = wordsFor(usePageLocale())
  const rows = criterionRows(result, w)
  const { t } = useTranslation('screening')
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <ProfileSummary result={result} />
      <div className="grid-2">
        <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(result, 'median', w), result.bands)} title={heatmapTitle(result, 'median', w)} />
        <RiskHeatmap heatmap={buildHeatmap(heatmapPoints(result, 'residual', w), result.bands)} title={heatmapTitle(result, 'residual', w)} />
      </div>
      <DataTable caption={byMedian(result) ? t('results.criteriaCaptionMedian') : t('results.criteriaCaptionEach')}>
        <thead>
          <tr>
            <th scope="col">{t('results.criterion')}</th>
            <th scope="col">{t('results.principles')}</th>
            <th scope="col">{scoreColumnTitle(result, w)}</th>
            <th scope="col">{t('results.range')}</th>
            <th scope="col">{t('results.disagreement')}</th>
            <th scope="col">{t('results.residual')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={result.criteria[n]!.id} className={result.criteria[n]!.disagreement ? 'flagged' : undefined}>
              <th scope="row">{r.name}</th>
              <td>{r.principles}</td>
              <td>{r.median}</td>
              <td>{r.range}</td>
              <td>{result.criteria[n]!.disagreement ? <strong>{'⚑ '}{r.disagreement}</strong> : r.disagreement}</td>
              <td>{r.residual}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>{t('results.blockingHeading')}</h3>
      {result.privacy.blockingIssues.length === 0 ? (
        <p>{t('results.noneBlocking')}</p>
      ) : (
        <ul className="blocking">
          {result.privacy.blockingIssues.map((b) => (
            <li key={b.issue}>
              <strong>{t('results.blocking')}</strong> {b.issue}
            </li>
          ))}
        </ul>
      )}
      <DataTable caption={t('results.privacyCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('results.question')}</th>
            <th scope="col">{t('results.answer')}</th>
            <th scope="col">{t('results.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {privacyRows(result.privacy, w).map((p) => (
            <tr key={p.question}>
              <th scope="row">{p.question}</th>
              <td>{p.answer}</td>
              <td className="pre-line">{p.evidence}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>{t('results.eachReviewer')}</h3>
      {reviewRows(result, w).map((c) => (
        <details key={c.criterion}>
          <summary>{c.criterion}</summary>
          <DataTable caption={t('results.reviewsOf', { criterion: c.criterion })} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('results.reviewer')}</th>
                <th scope="col">{t('results.likelihoodImpact')}</th>
                <th scope="col">{t('results.rationale')}</th>
                <th scope="col">{t('results.mitigations')}</th>
                <th scope="col">{t('results.residual')}</th>
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
          <h3>{t('results.recusals')}</h3>
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
