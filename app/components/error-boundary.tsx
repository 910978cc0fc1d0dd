import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

// The statuses with a message of their own in the 'common' catalogue (error.<status>).
const KNOWN = ['400', '403', '404', '409', '413', '429', '503'] as const
type Known = (typeof KNOWN)[number]
const isKnown = (status: string): status is Known => (KNOWN as readonly string[]).includes(status)

/** One error page for every route. It shows a plain message and never a stack trace. */
export function GeneralErrorBoundary() {
  const { t } = useTranslation('common')
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const code = String(status)
  const known = isKnown(code) ? { title: t(`error.${code}.title`), body: t(`error.${code}.body`) } : undefined
  // Our own messages ("That person is not part of your library service.") are
  // shown; Remix's internal ones ("Error: No route matches URL …") are not.
  const own = isRouteErrorResponse(error) && !(error as { internal?: boolean }).internal
  const detail = own && typeof error.data === 'string' && status < 500 ? error.data : null
  const title = known?.title ?? t('error.fallbackTitle')
  return (
    <div role="alert">
      <h1>{title}</h1>
      <p>{detail ?? known?.body ?? t('error.fallbackBody')}</p>
      <p className="muted">{t('error.status', { status })}</p>
      <p>
        <Link to="/">{t('error.home')}</Link>
      </p>
    </div>
  )
}
