import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requireAdministeredPerson } from '~/identity/administered-person.server'
import { exportPersonData, type PersonExport } from '~/identity/export-person-data.server'
import type en from '~/locales/en/admin'
import { notFound } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'

/** The sections of the export the page lists, in its order; each is named by the 'admin' catalogue (data.sections). */
const SECTIONS = [
  'account',
  'sessions',
  'accountLinks',
  'singleSignOnInProgress',
  'notifications',
  'emails',
  'proposalsProposed',
  'chosenAsReviewer',
  'attachmentsUploaded',
  'rubricVersions',
  'indicatorsCreated',
  'screeningParts',
  'scores',
  'privacyAnswers',
  'professionalBody',
  'recommendationsAnswered',
  'staffConsultationsOpened',
  'unionResponsesRecorded',
  'namedConcerns',
  'concernsAnswered',
  'namedEndorsements',
  'decisionsRecorded',
  'signatures',
  'monitoringResponsibleFor',
  'reassessmentsRecorded',
  'reassessmentSignatures',
  'monitoringReviews',
  'incidents',
  'auditEntries',
  'serviceAuditEntries',
] as const satisfies readonly (keyof PersonExport & keyof (typeof en)['data']['sections'])[]

type FieldName = keyof (typeof en)['data']['fields']

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(data ? t('data.title', { name: data.exported.account.name }) : undefined, t('people.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  const locale = await localeFor(request, admin)
  const exported = await exportPersonData(db, admin.organisation, person.id, new Date(), locale)
  if (!exported) notFound(fixedT(locale, 'admin')('person.notFound'))
  return { exported }
}

/** "createdAt" → "Created at": a field name the catalogue does not know yet, as a reader sees it. */
function fieldLabel(key: string) {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function valueText(value: unknown, t: TFunction<'admin'>): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? t('data.yes') : t('data.no')
  if (Array.isArray(value)) return value.map((v) => valueText(v, t)).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function Facts({ row, references }: { row: Record<string, unknown>; references: Map<string, string> }) {
  const { t } = useTranslation('admin')
  return (
    <dl className="facts">
      {Object.entries(row).map(([key, value]) => (
        <div key={key}>
          <dt>{t(`data.fields.${key}` as `data.fields.${FieldName}`, { defaultValue: fieldLabel(key) })}</dt>
          <dd>{key === 'proposalId' ? (references.get(String(value)) ?? String(value)) : valueText(value, t)}</dd>
        </div>
      ))}
    </dl>
  )
}

export default function PersonData() {
  const { exported } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const references = new Map(exported.proposals.map((p) => [p.id, `${p.reference}: ${p.title}`]))
  return (
    <>
      <p>
        <Link to={`/admin/users/${exported.account.id}`}>{t('data.back')}</Link>
      </p>
      <h1>{t('data.title', { name: exported.account.name })}</h1>
      <p>{t('data.intro', { organisation: exported.organisation, at: exported.exportedAt.replace('T', ' ').slice(0, 16) })}</p>
      <p>
        <a href={`/admin/users/${exported.account.id}/data.json`} download>
          {t('data.download')}
        </a>
      </p>

      {/* The file states these in English; the page says the same in the reader's language. */}
      <section aria-labelledby="export-anonymous">
        <h2 id="export-anonymous">{t('data.anonymousHeading')}</h2>
        <p>{t('data.anonymousStatement')}</p>
      </section>
      <section aria-labelledby="export-signed">
        <h2 id="export-signed">{t('data.signedHeading')}</h2>
        <p>{t('data.signedStatement')}</p>
      </section>

      {SECTIONS.map((key) => {
        const value = exported[key] as Record<string, unknown> | Record<string, unknown>[]
        const rows = Array.isArray(value) ? value : [value]
        return (
          <section key={key} aria-labelledby={`export-${key}`}>
            <h2 id={`export-${key}`}>{t(`data.sections.${key}`)}</h2>
            {rows.length === 0 ? (
              <p>{t('data.none')}</p>
            ) : (
              <ol>
                {rows.map((row, i) => (
                  <li key={i}>
                    <Facts row={row} references={references} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        )
      })}

      <section aria-labelledby="export-proposals">
        <h2 id="export-proposals">{t('data.proposalsHeading')}</h2>
        {exported.proposals.length === 0 ? (
          <p>{t('data.none')}</p>
        ) : (
          <ul>
            {exported.proposals.map((p) => (
              <li key={p.id}>
                {p.reference}: {p.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
