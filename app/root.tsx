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
import { I18nextProvider, Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from './components/error-boundary'
import { LanguageSwitch } from './components/language-switch'
import { SiteMenu } from './components/site-menu'
import { navigationFor } from './utils/navigation'
import { useNonce } from './utils/nonce-provider'
import { useFocusOnNavigation } from './utils/use-focus-on-navigation'
import { getUser, isOperator } from './utils/auth.server'
import { getDb } from './utils/app-context.server'
import { fixedT, i18nFor } from './utils/i18n'
import { localeFor, offeredLanguages } from './utils/i18n.server'
import { DEFAULT_LOCALE, languageTag } from './utils/locale'
import { metaLocale } from './utils/meta'
import { countUnread } from '#db/notifications.server'
import appStyles from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = ({ error, matches }) => {
  const t = fixedT(metaLocale(matches), 'common')
  return [{ title: error ? t('title.error') : t('service') }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return {
    locale: await localeFor(request, user),
    // The switch shows only where there is a choice; signed out, always.
    languageChoice: offeredLanguages(user?.organisation.settings).length > 1,
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
  const locale = useRouteLoaderData<typeof loader>('root')?.locale ?? DEFAULT_LOCALE
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <Page lang={languageTag(locale)} nonce={nonce}>
        {children}
      </Page>
    </I18nextProvider>
  )
}

function Page({ lang, nonce, children }: { lang: string; nonce: string | undefined; children: ReactNode }) {
  const { t } = useTranslation('common')
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Header() {
  const { t } = useTranslation('common')
  const data = useRouteLoaderData<typeof loader>('root')
  const user = data?.user
  return (
    <header className="site-header">
      <Link to="/" className="service">
        {t('service')}
        {user ? ` · ${user.organisationName}` : ''}
      </Link>
      {data?.languageChoice ? <LanguageSwitch current={data.locale} /> : null}
      {user ? (
        <SiteMenu unread={user.unreadNotifications}>
          <nav aria-label={t('header.mainNavigation')}>
            <ul>
              {navigationFor(user.roles, user.operator).map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{t(`nav.${item.label}`)}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <span>
              <Trans t={t} i18nKey="header.signedInAs" values={{ name: user.name }} components={{ strong: <strong /> }} />
            </span>
            <Link to="/notifications">
              {t('header.notifications')}
              {user.unreadNotifications > 0 ? (
                <span className="count">
                  {' '}
                  {user.unreadNotifications}
                  <span className="visually-hidden"> {t('header.unread')}</span>
                </span>
              ) : null}
            </Link>
            <Link to="/account/password">{t('header.changePassword')}</Link>
            <Form method="post" action="/logout">
              <button type="submit" className="link">
                {t('header.signOut')}
              </button>
            </Form>
          </div>
        </SiteMenu>
      ) : (
        <Link to="/login">{t('header.signIn')}</Link>
      )}
    </header>
  )
}

/** On every page: the public's way to the registers and to checking a record. */
function Footer() {
  const { t } = useTranslation('common')
  const data = useRouteLoaderData<typeof loader>('root')
  const own = data?.user?.publicRegister
  return (
    <footer className="site-footer">
      <nav aria-label={t('footer.publicInformation')}>
        <ul>
          {own ? (
            <li>
              <Link to={`/public/${own}/register`}>{t('footer.ownRegister')}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/public">{t('footer.publicRegisters')}</Link>
          </li>
          <li>
            <Link to="/verify">{t('footer.verify')}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t('footer.accessibility')}</Link>
          </li>
          <li>
            <Link to="/privacy">{t('footer.privacy')}</Link>
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
