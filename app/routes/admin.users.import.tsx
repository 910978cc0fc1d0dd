import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { FormErrors } from '~/components/forms'
import { importPeople, previewImport, type ImportRow } from '~/identity/import-people.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/identity/people-csv-limits'
import { readPeopleCsv, tooLargeMessage } from '~/identity/people-csv.server'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { readForm, uploadsOf } from '~/utils/multipart.server'
import { ROLES } from '#machines/vocabulary/roles'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(t('import.pageTitle'), t('people.title'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

type Answer =
  | { step: 'refused'; message: string }
  | { step: 'preview'; csv: string; rows: ImportRow[]; counts: Record<ImportRow['status'], number> }
  | { step: 'done'; invited: number; members: number }

const answer = (value: Answer, status = 200) => data(value, { status })

/**
 * Upload: the file is read and every row checked, nothing saved. Confirm: the
 * same text comes back from the preview's form, is checked again, and only a
 * preview without problems invites anyone.
 */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  const t = fixedT(locale, 'admin')
  const read = await readForm(request, { locale, maxFiles: 1, maxFileBytes: MAX_IMPORT_BYTES, tooLarge: tooLargeMessage(locale) })
  if (!read.ok) return answer({ step: 'refused', message: read.message }, read.status)
  const confirming = read.form.get('intent') === 'confirm'
  let bytes: Uint8Array
  if (confirming) {
    const csv = read.form.get('csv')
    if (typeof csv !== 'string') return answer({ step: 'refused', message: t('import.uploadAgain') }, 400)
    bytes = new TextEncoder().encode(csv)
  } else {
    const [file] = await uploadsOf(read.form, 'file')
    if (!file) return answer({ step: 'refused', message: t('import.chooseFile') }, 400)
    bytes = file.bytes
  }
  const reading = readPeopleCsv(bytes, locale)
  if (!reading.ok) return answer({ step: 'refused', message: reading.message }, 400)
  const { config, database } = await appContext()
  const rows = await previewImport(database.db, admin.organisationId, reading.rows, locale)
  const counts = { new: 0, member: 0, problem: 0 }
  for (const r of rows) counts[r.status]++
  if (!confirming || counts.problem > 0) {
    const csv = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')
    return answer({ step: 'preview', csv, rows, counts }, counts.problem > 0 ? 400 : 200)
  }
  const { invited } = await importPeople(database.db, admin.organisation, rows, invitationSettings(config))
  return answer({ step: 'done', invited, members: counts.member })
}

function Preview({ preview }: { preview: Extract<Answer, { step: 'preview' }> }) {
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const label = useVocabulary()
  const { counts, rows } = preview
  const problems = rows.filter((r) => r.status === 'problem')
  return (
    <section aria-labelledby="preview-heading" className="panel">
      <h2 id="preview-heading">{t('import.previewHeading')}</h2>
      <p>{t('import.counts', { new: counts.new, member: counts.member, problem: counts.problem })}</p>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert">
          <p className="field-error">{t('import.problems', { count: problems.length })}</p>
          <ul>
            {problems.slice(0, 20).map((r) => (
              <li key={r.row}>{t('import.problemRow', { row: r.row, problems: r.problems.join(' ') })}</li>
            ))}
          </ul>
        </div>
      ) : counts.new > 0 ? (
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="csv" value={preview.csv} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('import.invite', { count: counts.new })}
          </button>
        </Form>
      ) : (
        <p>{t('import.allMembers')}</p>
      )}
      <div className="table-scroll" role="region" aria-label={t('import.rows')} tabIndex={0}>
        <table>
          <caption>{t('import.rows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.email')}</th>
              <th scope="col">{t('import.roles')}</th>
              <th scope="col">{t('import.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.problems.length ? r.rolesText : r.roles.map((role) => label('role', role)).join(', ')}</td>
                <td>
                  {r.status === 'problem' ? (
                    <span className="field-error">{r.problems.join(' ')}</span>
                  ) : (
                    t(`import.status.${r.status}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export default function ImportPeople() {
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const locale = useLocale()
  const label = useVocabulary()
  return (
    <>
      <p>
        <Link to="/admin/users">{t('import.back')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      <p>
        <Trans
          t={t}
          i18nKey="import.intro"
          values={{ roles: ROLES.map((role) => label('role', role)).join(', '), max: formatNumber(locale, MAX_IMPORT_ROWS) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <div role="status">
        {result?.step === 'done' ? (
          <p className="notice success">
            {result.invited === 0 ? t('import.nobodyNew') : t('import.invited', { count: result.invited })}{' '}
            {result.members > 0 ? t('import.members', { count: result.members }) : ''}
          </p>
        ) : null}
      </div>
      <Form method="post" encType="multipart/form-data" className="stack">
        {result?.step === 'refused' ? <FormErrors errors={[result.message]} /> : null}
        <div className="field">
          <label htmlFor="people-file">{t('import.file')}</label>
          <input
            id="people-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={result?.step === 'refused' ? true : undefined}
          />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('import.check')}
        </button>
      </Form>
      {result?.step === 'preview' ? <Preview preview={result} /> : null}
    </>
  )
}
