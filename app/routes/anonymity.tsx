import { Link, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_ANONYMITY_POLICY } from '#machines/anonymity'
import { releaseHour } from '~/components/anonymity-notice'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(fixedT(metaLocale(matches), 'consultation')('anonymityPage.title'))

// Public, so that a member of staff can read it before signing in, on any device.
export default function Anonymity() {
  const { t } = useTranslation('consultation')
  const d = DEFAULT_ANONYMITY_POLICY
  return (
    <article className="stack prose">
      <h1>{t('anonymityPage.title')}</h1>
      <p>{t('anonymityPage.intro')}</p>

      <h2>{t('anonymityPage.storedHeading')}</h2>
      <ul>
        <li>{t('anonymityPage.stored1')}</li>
        <li>{t('anonymityPage.stored2')}</li>
        <li>{t('anonymityPage.stored3')}</li>
      </ul>

      <h2>{t('anonymityPage.notStoredHeading')}</h2>
      <ul>
        <li>{t('anonymityPage.notStored1')}</li>
        <li>{t('anonymityPage.notStored2')}</li>
        <li>{t('anonymityPage.notStored3')}</li>
      </ul>

      <h2>{t('anonymityPage.releaseHeading')}</h2>
      <p>{t('anonymityPage.release', { hour: releaseHour(d.releaseHour) })}</p>

      <h2>{t('anonymityPage.smallHeading')}</h2>
      <p>{t('anonymityPage.small', { minimum: d.minimumGroupSize, several: d.several })}</p>

      <h2>{t('anonymityPage.seeHeading')}</h2>
      <ul>
        <li>{t('anonymityPage.see1')}</li>
        <li>{t('anonymityPage.see2')}</li>
        <li>{t('anonymityPage.see3')}</li>
      </ul>

      <h2>{t('anonymityPage.cannotHeading')}</h2>
      <ul>
        <li>{t('anonymityPage.cannot1')}</li>
        <li>{t('anonymityPage.cannot2')}</li>
        <li>{t('anonymityPage.cannot3')}</li>
        <li>{t('anonymityPage.cannot4')}</li>
      </ul>
      <p>
        <Link to="/concerns/receipt">{t('anonymityPage.lookUp')}</Link>
      </p>
    </article>
  )
}
