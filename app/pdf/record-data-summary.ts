import { type RecordContent } from './record-json'
import { addendumCoverFacts, coverFacts, wordsFor, type Fact } from './sections'
import { fixedT, type Locale } from '~/utils/i18n'

/**
 * What the verify page says about the data a signed file carries: the
 * record's cover, worded by the same functions as the PDF's, and how much of
 * each part the data holds.
 */
export function recordDataFacts(content: RecordContent, locale: Locale = 'en'): Fact[] {
  const w = wordsFor(locale)
  const t = fixedT(locale, 'verify')
  const count = (n: number) => String(n)
  if (content.kind === 'addendum') {
    const a = content.data
    return [
      ...addendumCoverFacts(a, w),
      [t('facts.indicatorReadings'), count(a.review.readings.length)],
      [t('facts.conditionsChecked'), count(a.review.conditions.length)],
      [t('facts.conditionsAdded'), count(a.newConditions.length)],
      [t('facts.signatories'), a.signatories.map((s) => s.name).join('; ') || t('facts.none')],
      [t('facts.auditHead'), t('facts.auditHeadValue', { seq: a.audit.seq, hash: a.audit.hash })],
    ]
  }
  const d = content.data
  const overridden = d.privacy.blockingIssues.filter((b) => b.override).length
  const recommendations = d.professionalBody.response.received ? d.professionalBody.response.recommendations.length : 0
  return [
    ...coverFacts(d, w),
    [t('facts.criteriaScored'), t('facts.criteriaScoredValue', { count: d.screening.criteria.length, version: d.screening.rubricVersion })],
    [t('facts.blockingIssues'), t('facts.blockingIssuesValue', { count: d.privacy.blockingIssues.length, overridden })],
    [t('facts.recommendations'), count(recommendations)],
    [t('facts.staffConcerns'), t('facts.staffConcernsValue', { count: d.staff.concerns.length })],
    [t('facts.conditions'), count(d.decision.conditions.length)],
    [t('facts.indicators'), count(d.decision.monitoring?.indicators.length ?? 0)],
    [t('facts.signatories'), d.signatories.map((s) => s.name).join('; ') || t('facts.none')],
    [t('facts.auditHead'), t('facts.auditHeadValue', { seq: d.audit.seq, hash: d.audit.hash })],
  ]
}
