import { Link } from '@remix-run/react'
import type { BlockingOverride } from '#db/schema/decisions'
import { type ProfessionalBodyConsultation, type StaffConsultation, type UnionConsultation } from '~/pdf/record-data'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type MonitoringPlan } from '#machines/vocabulary/monitoring'
import { conditionRows, monitoringSection, professionalBodySection, staffSection, unionStatement } from '~/pdf/sections'
import { formatDateTime } from '~/utils/calendar'
import { useTranslation } from 'react-i18next'
import { usePageLocale } from '~/components/consultation'
import { DataTable } from '~/components/data-table'
import { type Role } from '#machines/vocabulary/roles'
import { useVocabulary } from '~/utils/vocabulary'
import { wordsFor } from '~/pdf/sections'

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
  const { t } = useTranslation('decision')
  const w = wordsFor(usePageLocale())
  const pb = professionalBodySection(professionalBody, bodyName, w)
  const s = staffSection(staff, w)
  return (
    <section aria-labelledby="consultation-summary-heading">
      <h2 id="consultation-summary-heading">{t('summary.heading')}</h2>
      <h3>{bodyName}</h3>
      {pb.requestStatement ? <p>{pb.requestStatement}</p> : null}
      <p>{pb.statement}</p>
      {pb.note ? <p className="prewrap">{pb.note}</p> : null}
      {pb.recommendations.length ? (
        <DataTable caption={t('summary.recommendationsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('summary.recommendation')}</th>
              <th scope="col">{t('summary.answer')}</th>
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
      <h3>{t('summary.staff')}</h3>
      <p>{s.statement}</p>
      {staff.concerns.length ? (
        <>
          <DataTable caption={t('summary.byCategoryCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('summary.category')}</th>
                <th scope="col">{t('summary.concerns')}</th>
                <th scope="col">{t('summary.endorsements')}</th>
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
                  <strong>{c.category}</strong>
                  {t('summary.raisedBy', { author: c.author, date: c.raisedOn, endorsements: c.endorsements })}
                </p>
                <p className="prewrap">{c.text}</p>
                <p className="concern-response">{c.response}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>{t('summary.union')}</h3>
      <p className="prewrap">{unionStatement(union, w)}</p>
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
  const { t } = useTranslation('decision')
  const w = wordsFor(usePageLocale())
  const monitoring = monitoringSection(d.monitoring, d.outcome, w)
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t('recorded.outcome')}</dt>
          <dd>
            <strong>{t(`outcomeStated.${d.outcome}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('recorded.rationale')}</dt>
          <dd className="prewrap">{d.rationale}</dd>
        </div>
      </dl>
      {d.conditions.length ? (
        <DataTable caption={t('recorded.conditions')}>
          <thead>
            <tr>
              <th scope="col">{t('recorded.number')}</th>
              <th scope="col">{t('recorded.condition')}</th>
              <th scope="col">{t('recorded.source')}</th>
            </tr>
          </thead>
          <tbody>
            {conditionRows(d.conditions, w).map((c) => (
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
          <h4>{t('recorded.overrides')}</h4>
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
          <h4>{t('recorded.dissent')}</h4>
          <ul>
            {d.dissent.map((text) => (
              <li key={text} className="prewrap">
                {text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('recorded.monitoring')}</h4>
      <p>{monitoring.statement}</p>
      {monitoring.indicators.length ? (
        <DataTable caption={t('recorded.indicators')}>
          <thead>
            <tr>
              <th scope="col">{t('recorded.indicator')}</th>
              <th scope="col">{t('recorded.baseline')}</th>
              <th scope="col">{t('recorded.direction')}</th>
              <th scope="col">{t('recorded.threshold')}</th>
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

/** `role` is the role signed as (a value of machines/vocabulary/roles), named here in the reader's language. */
export type Signature = { name: string; role: string; signedAt: Date }

export function SignatureList({ signatures, required }: { signatures: Signature[]; required?: number }) {
  const { t } = useTranslation('decision')
  const locale = usePageLocale()
  const label = useVocabulary()
  return (
    <>
      {signatures.length ? (
        <ul>
          {signatures.map((s) => (
            <li key={s.name + s.signedAt.toISOString()}>
              {t('signatures.signedBy', { name: s.name, role: label('role', s.role as Role), date: formatDateTime(s.signedAt, locale) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('signatures.none')}</p>
      )}
      {required && signatures.length < required ? (
        <p>{t('signatures.progress', { signed: signatures.length, required })}</p>
      ) : null}
    </>
  )
}

export type RecordLink = { id: string; reference: string; sha256: string; signedAt: Date }

/** Where to get a signed record and how anyone can check it. */
export function RecordLinks({ proposalId, record }: { proposalId: string; record: RecordLink }) {
  const { t } = useTranslation('decision')
  const locale = usePageLocale()
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('record.signedRecord')}</dt>
        <dd>
          <a href={`/proposals/${proposalId}/decision/records/${record.id}`} download={`${record.reference}.pdf`}>
            {t('record.download', { reference: record.reference })}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('record.signed')}</dt>
        <dd>{formatDateTime(record.signedAt, locale)}</dd>
      </div>
      <div>
        <dt>{t('record.sha256')}</dt>
        <dd className="hash">{record.sha256}</dd>
      </div>
      <div>
        <dt>{t('record.verify')}</dt>
        <dd>
          <Link to={`/verify/${record.id}`}>{t('record.check', { reference: record.reference })}</Link>
        </dd>
      </div>
    </dl>
  )
}
