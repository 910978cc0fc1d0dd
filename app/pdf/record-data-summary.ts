import { type RecordContent } from './record-json'
import { addendumCoverFacts, coverFacts, plural, type Fact } from './sections'

/**
 * What the verify page says about the data a signed file carries: the
 * record's cover, worded by the same functions as the PDF's, and how much of
 * each part the data holds.
 */
export function recordDataFacts(content: RecordContent): Fact[] {
  if (content.kind === 'addendum') {
    const a = content.data
    return [
      ...addendumCoverFacts(a),
      ['Indicator readings', String(a.review.readings.length)],
      ['Conditions checked', String(a.review.conditions.length)],
      ['Conditions added', String(a.newConditions.length)],
      ['Signatories', a.signatories.map((s) => s.name).join('; ') || 'None'],
      ['Audit chain head', `entry ${a.audit.seq}, ${a.audit.hash}`],
    ]
  }
  const d = content.data
  const overridden = d.privacy.blockingIssues.filter((b) => b.override).length
  const recommendations = d.professionalBody.response.received ? d.professionalBody.response.recommendations.length : 0
  return [
    ...coverFacts(d),
    ['Criteria scored', `${d.screening.criteria.length} (rubric version ${d.screening.rubricVersion})`],
    ['Blocking issues', `${d.privacy.blockingIssues.length}, ${overridden} overridden`],
    ['Professional body recommendations', String(recommendations)],
    ['Staff concerns', plural(d.staff.concerns.length, 'concern')],
    ['Conditions', String(d.decision.conditions.length)],
    ['Monitoring indicators', String(d.decision.monitoring?.indicators.length ?? 0)],
    ['Signatories', d.signatories.map((s) => s.name).join('; ') || 'None'],
    ['Audit chain head', `entry ${d.audit.seq}, ${d.audit.hash}`],
  ]
}
