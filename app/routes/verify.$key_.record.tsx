import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { RecordPage } from '~/components/record-page'
import { RECORD_SCHEMA_PATH, recordContentFromJson } from '~/pdf/record-json'
import { requireStoredRecordData } from '~/signing/stored-record-data.server'
import { appContext } from '~/utils/app-context.server'
import { Trans, useTranslation } from 'react-i18next'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'verify')
  const reference = data?.json.record.reference
  return pageTitle(data ? t(data.json.kind === 'decision' ? 'accessible.decisionTitle' : 'accessible.addendumTitle', { reference }) : t('stored.notFoundTitle'), t('section'))
}

/**
 * A signed record as an accessible web page (the address printed in the
 * record), drawn from the data signed into the stored file. Public, like
 * the record's verify page.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { database } = await appContext()
  const { id, ...stored } = await requireStoredRecordData(database.db, params.key)
  return { id, name: stored.embedded.name, json: stored.embedded.json }
}

export default function AccessibleRecord() {
  const { id, name, json } = useLoaderData<typeof loader>()
  const { t } = useTranslation('verify')
  return (
    <>
      <p>
        <Trans
          t={t}
          i18nKey="accessible.intro"
          values={{ reference: json.record.reference, name }}
          components={{ check: <Link to={`/verify/${id}`} />, download: <a href={`/verify/${id}/record.json`} download />, schema: <a href={RECORD_SCHEMA_PATH} /> }}
        />
      </p>
      <RecordPage content={recordContentFromJson(json)} />
    </>
  )
}
