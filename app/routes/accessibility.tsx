import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { getUser, isOperator } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'public')('accessibility.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return { service: user && !isOperator(user) ? user.organisation.name : null }
}

// What a user can do, and what is not accessible, in the order the statement lists them.
const CAN = ['narrow', 'keyboard', 'screenReader', 'targets'] as const
const GAPS = ['records', 'papers'] as const

export default function Accessibility() {
  const { service } = useLoaderData<typeof loader>()
  const { t } = useTranslation('public')
  return (
    <>
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.intro')}</p>
      <ul>
        {CAN.map((c) => (
          <li key={c}>{t(`accessibility.can.${c}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.statusHeading')}</h2>
      <p>{t('accessibility.status')}</p>

      <h2>{t('accessibility.gapsHeading')}</h2>
      <ul>
        {GAPS.map((g) => (
          <li key={g}>{t(`accessibility.gaps.${g}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.testingHeading')}</h2>
      <p>{t('accessibility.testing')}</p>

      <h2>{t('accessibility.reportHeading')}</h2>
      <p>{service ? t('accessibility.reportTo', { service }) : t('accessibility.reportGeneric')}</p>

      <h2>{t('accessibility.enforcementHeading')}</h2>
      <p>
        <Trans t={t} i18nKey="accessibility.enforcement" components={{ eass: <a href="https://www.equalityadvisoryservice.com/" /> }} />
      </p>
      <p>
        <Trans t={t} i18nKey="accessibility.northernIreland" components={{ ecni: <a href="https://www.equalityni.org/Home" /> }} />
      </p>

      <p>
        <Trans t={t} i18nKey="accessibility.verify" components={{ verify: <Link to="/verify" /> }} />
      </p>
      <p>
        <Trans t={t} i18nKey="accessibility.privacy" components={{ privacy: <Link to="/privacy" /> }} />
      </p>
      <p>{t('accessibility.prepared')}</p>
    </>
  )
}
