import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { type AnonymityPolicy } from '#machines/anonymity'

export type AnonymityInfo = AnonymityPolicy & { eligible: number; smallGroup: boolean }

/** The release hour as the 24-hour clock reads it in both languages. */
export function releaseHour(h: number) {
  return `${String(h).padStart(2, '0')}:00`
}

/** What happens to anonymous contributions here: the release, and the small-group rule when it applies. */
export function AnonymityNotice({ info, audience }: { info: AnonymityInfo; audience: 'staff' | 'chief' }) {
  const { t } = useTranslation('consultation')
  return (
    <div className={info.smallGroup ? 'notice warning' : 'notice'} role="note" aria-label={t('anonymity.label')}>
      {info.smallGroup ? (
        <p>
          <Trans
            t={t}
            i18nKey="anonymity.smallGroup"
            count={info.eligible}
            values={{ minimum: info.minimumGroupSize }}
            components={{ strong: <strong /> }}
          />{' '}
          {audience === 'staff' ? t('anonymity.staffWarning') : t('anonymity.chiefWarning')}{' '}
          {info.hold === 'until_several'
            ? t('anonymity.heldUntilSeveral', { several: info.several })
            : t('anonymity.heldUntilGroup', { minimum: info.minimumGroupSize })}
        </p>
      ) : null}
      <p>
        {t('anonymity.release', { hour: releaseHour(info.releaseHour) })}{' '}
        <Link to="/anonymity">{t('anonymity.link')}</Link>.
      </p>
    </div>
  )
}
