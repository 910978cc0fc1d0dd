import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { listPublishedRegisters } from '#db/public-register.server'
import { getDb } from '~/utils/app-context.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'public')('registers.title'))

/** The way in for the public: every library service here that publishes its register. */
export async function loader() {
  return { services: await listPublishedRegisters(await getDb()) }
}

export default function PublicRegisters() {
  const { t } = useTranslation('public')
  const { services } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('registers.title')}</h1>
      <p>{t('registers.intro')}</p>
      {services.length === 0 ? (
        <p>{t('registers.none')}</p>
      ) : (
        <ul>
          {services.map((s) => (
            <li key={s.slug}>
              <Link to={`/public/${s.slug}/register`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Trans t={t} i18nKey="registers.verify" components={{ verify: <Link to="/verify" /> }} />
      </p>
    </>
  )
}
