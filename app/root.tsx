import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
  type MetaFunction,
} from '@remix-run/react'
import { type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useRef, type ReactNode } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary'
import { SiteMenu } from './components/site-menu'
import { navigationFor } from './utils/navigation'
import { useNonce } from './utils/nonce-provider'
import { useFocusOnNavigation } from './utils/use-focus-on-navigation'
import { getUser, isOperator } from './utils/auth.server'
import { getDb } from './utils/app-context.server'
import { countUnread } from '#db/notifications.server'
import appStyles from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = ({ error }) => [
  { title: error ? 'Error – Probity' : 'Probity' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return {
    user: user
      ? {
          name: user.name,
          roles: user.roles,
          operator: isOperator(user),
          organisationName: user.organisation.name,
          publicRegister: user.organisation.settings.publicRegister ? user.organisation.slug : null,
          unreadNotifications: await countUnread(await getDb(), user.id),
        }
      : null,
  }
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Header() {
  const data = useRouteLoaderData<typeof loader>('root')
  const user = data?.user
  return (
    <header className="site-header">
      <Link to="/" className="service">
        Probity{user ? ` · ${user.organisationName}` : ''}
      </Link>
      {user ? (
        <SiteMenu unread={user.unreadNotifications}>
          <nav aria-label="Main">
            <ul>
              {navigationFor(user.roles, user.operator).map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <span>
              Signed in as <strong>{user.name}</strong>
            </span>
            <Link to="/notifications">
              Notifications
              {user.unreadNotifications > 0 ? (
                <span className="count">
                  {' '}
                  {user.unreadNotifications}
                  <span className="visually-hidden"> unread</span>
                </span>
              ) : null}
            </Link>
            <Link to="/account/password">Change password</Link>
            <Form method="post" action="/logout">
              <button type="submit" className="link">
                Sign out
              </button>
            </Form>
          </div>
        </SiteMenu>
      ) : (
        <Link to="/login">Sign in</Link>
      )}
    </header>
  )
}

/** On every page: the public's way to the registers and to checking a record. */
function Footer() {
  const data = useRouteLoaderData<typeof loader>('root')
  const own = data?.user?.publicRegister
  return (
    <footer className="site-footer">
      <nav aria-label="Public information">
        <ul>
          {own ? (
            <li>
              <Link to={`/public/${own}/register`}>Our public register of decisions</Link>
            </li>
          ) : null}
          <li>
            <Link to="/public">Public registers</Link>
          </li>
          <li>
            <Link to="/verify">Verify a signed record</Link>
          </li>
        </ul>
      </nav>
    </footer>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  return <Document>{children}</Document>
}

export default function App() {
  useLoaderData<typeof loader>()
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <Footer />
    </>
  )
}

export function ErrorBoundary() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <GeneralErrorBoundary />
      </main>
      <Footer />
    </>
  )
}
