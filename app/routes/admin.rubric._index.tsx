import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findRubricVersion, listRubricVersions } from '#db/screening.server'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/calendar'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { bandRanges, RISK_BANDS } from '#machines/vocabulary/risk'
import { currentRubric } from '~/workflow/screening/screening.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'rubric')
  return pageTitle(t('view.title'), t('administration'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const db = await getDb()
  const current = await currentRubric(db, admin.organisationId)
  const asked = new URL(request.url).searchParams.get('version')
  const shown = asked === null ? current : await findRubricVersion(db, admin.organisationId, Number.parseInt(asked, 10) || 0)
  if (!shown) notFound(fixedT(await localeFor(request, admin), 'rubric')('view.notFound'))
  const versions = await listRubricVersions(db, admin.organisationId)
  return {
    current: current.version,
    shown: { version: shown.version, createdAt: shown.createdAt.toISOString().slice(0, 10), content: shown.content },
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString().slice(0, 10) })),
  }
}

export default function Rubric() {
  const { current, shown, versions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('rubric')
  const locale = useLocale()
  const label = useVocabulary()
  const ranges = bandRanges(shown.content.bands)
  return (
    <>
      <h1>{t('view.title')}</h1>
      <p>
        {t('view.version', { version: shown.version, date: formatDate(shown.createdAt, locale) })}
        {shown.version === current ? t('view.inForce') : ''}
        {t('view.explain')}
      </p>
      {shown.version === current ? (
        <p>
          <Link className="button" to="edit">
            {t('view.edit')}
          </Link>
        </p>
      ) : (
        <p>
          <Link to=".">{t('view.seeInForce')}</Link>
        </p>
      )}
      <h2>{t('view.scale')}</h2>
      <p>{t('view.scaleIntro', { count: shown.content.disagreementBands })}</p>
      <ul>
        {RISK_BANDS.map((b) => (
          <li key={b}>{t('view.band', { band: label('riskBand', b), range: ranges[b] })}</li>
        ))}
      </ul>
      <h2>{t('view.criteria')}</h2>
      {shown.content.criteria.map((c) => (
        <section key={c.key} aria-labelledby={`criterion-${c.key}`} className="panel">
          <h3 id={`criterion-${c.key}`}>{c.name}</h3>
          <p>{c.description}</p>
          <p className="muted">{t('view.serves', { principles: c.principles.join(t('view.principlesJoin')) })}</p>
          <ul>
            {c.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('view.privacy')}</h2>
      <DataTable caption={t('view.privacyCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('view.question')}</th>
            <th scope="col">{t('view.required')}</th>
            <th scope="col">{t('view.guidance')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.content.privacyItems.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.question}</th>
              <td>{p.required ? t('view.isRequired') : t('view.isOptional')}</td>
              <td>{p.guidance}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('view.versions')}</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            {v.version === shown.version ? (
              <strong aria-current="page">{t('view.versionNumber', { version: v.version })}</strong>
            ) : (
              <Link to={`?version=${v.version}`}>{t('view.versionNumber', { version: v.version })}</Link>
            )}{' '}
            {t('view.versionDate', { date: formatDate(v.createdAt, locale) })}
          </li>
        ))}
      </ul>
    </>
  )
}
