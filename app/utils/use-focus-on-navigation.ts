import { useLocation } from '@remix-run/react'
import { useEffect, useRef, type RefObject } from 'react'

/**
 * After a client-side navigation to another page, move keyboard focus to the
 * page's main content. Without it, focus stays on the link or button that was
 * used (or falls back to <body>), so a screen reader says nothing about the new
 * page and a keyboard user must tab through the header again (WCAG 2.4.3).
 * The first load is left alone: the browser already starts at the top.
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    target.current?.focus({ preventScroll: true })
  }, [pathname, target])
}
