import { useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The header's menu. On a narrow screen it folds behind a "Menu" button; it is
 * a <details> element, so the button reports whether it is expanded and works
 * before (or without) JavaScript. On a wide screen the stylesheet shows the
 * contents and hides the button. With JavaScript, it closes again after a link
 * is followed (the header stays across pages) and on Escape.
 */
export function SiteMenu({ unread, children }: { unread: number; children: ReactNode }) {
  const { t } = useTranslation('common')
  const menu = useRef<HTMLDetailsElement>(null)
  const { pathname } = useLocation()
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [pathname])
  return (
    <details
      className="site-menu"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !menu.current?.open) return
        menu.current.open = false
        menu.current.querySelector('summary')?.focus()
      }}
    >
      <summary>
        {t('header.menu')}
        {unread > 0 ? (
          <span className="count">
            {' '}
            ({unread}
            <span className="visually-hidden"> {t('header.unread')}</span>)
          </span>
        ) : null}
      </summary>
      <div className="site-menu-content">{children}</div>
    </details>
  )
}
