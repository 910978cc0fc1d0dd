import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { appContext } from '~/utils/app-context.server'
import { getUser, isOperator } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { describeHolding, HOLDINGS, type RetentionSettings } from '~/utils/retention'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'public')('privacy.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ config }, user] = await Promise.all([appContext(), getUser(request)])
  const settings: RetentionSettings = {
    outboxRetentionDays: config.OUTBOX_RETENTION_DAYS,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    invitationTtlDays: config.INVITATION_TTL_DAYS,
  }
  return { settings, service: user && !isOperator(user) ? user.organisation.name : null }
}

export default function Privacy() {
  const { settings, service } = useLoaderData<typeof loader>()
  const { t } = useTranslation('public')
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>

      <h2>{t('privacy.controllerHeading')}</h2>
      <p>{service ? t('privacy.controllerOf', { service }) : t('privacy.controllerGeneric')}</p>

      <h2>{t('privacy.basisHeading')}</h2>
      <p>{t('privacy.basis')}</p>

      <h2>{t('privacy.heldHeading')}</h2>
      {HOLDINGS.map((h) => {
        const held = describeHolding(t, h, settings)
        return (
          <section key={h.key} aria-labelledby={`held-${h.key}`}>
            <h3 id={`held-${h.key}`}>{held.title}</h3>
            <dl className="facts">
              <dt>{t('privacy.what')}</dt>
              <dd>{held.what}</dd>
              <dt>{t('privacy.about')}</dt>
              <dd>{held.about}</dd>
              {held.why !== null && held.howLong !== null ? (
                <>
                  <dt>{t('privacy.why')}</dt>
                  <dd>{held.why}</dd>
                  <dt>{t('privacy.howLong')}</dt>
                  <dd>{held.howLong}</dd>
                </>
              ) : null}
            </dl>
          </section>
        )
      })}

      <h2>{t('privacy.anonymousHeading')}</h2>
      <p>{t('privacy.anonymous')}</p>

      <h2>{t('privacy.rightsHeading')}</h2>
      <p>{t('privacy.access')}</p>
      <p>{t('privacy.erasure')}</p>
      <p>{t('privacy.signedRecords')}</p>
      <p>
        <Trans t={t} i18nKey="privacy.complaint" components={{ ico: <a href="https://ico.org.uk/make-a-complaint/" /> }} />
      </p>
      <p>
        <Trans t={t} i18nKey="privacy.accessibility" components={{ accessibility: <Link to="/accessibility" /> }} />
      </p>
      <p>{t('privacy.prepared')}</p>
    </>
  )
}
