import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: 'That request could not be understood', body: 'Check what you entered and try again.' },
  403: { title: 'You do not have permission to see this', body: 'Ask your service’s administrator if you think you should.' },
  404: { title: 'Page not found', body: 'The page or record does not exist, or is not part of your library service.' },
  409: { title: 'Someone else changed this', body: 'Reload the page to see the latest version, then try again.' },
  413: { title: 'That is too large', body: 'Send something smaller and try again.' },
  429: { title: 'Too many attempts', body: 'Wait a few minutes and try again.' },
  503: {
    title: 'Probity is briefly unavailable',
    body: 'It cannot reach its database just now. Try again in a minute; if you were saving something, check afterwards whether it was saved.',
  },
}

/** One error page for every route. It shows a plain message and never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = MESSAGES[status]
  // Our own messages ("That person is not part of your library service.") are
  // shown; Remix's internal ones ("Error: No route matches URL …") are not.
  const own = isRouteErrorResponse(error) && !(error as { internal?: boolean }).internal
  const detail = own && typeof error.data === 'string' && status < 500 ? error.data : null
  const title = known?.title ?? 'Something went wrong'
  return (
    <div role="alert">
      <h1>{title}</h1>
      <p>{detail ?? known?.body ?? 'The error has been logged. Try again in a moment.'}</p>
      <p className="muted">Error {status}</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </div>
  )
}
