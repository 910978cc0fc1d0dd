import { useId, type ReactNode } from 'react'

/**
 * A data table that scrolls sideways inside its own region when it is wider
 * than the screen, so the page itself never does (WCAG 1.4.10 at 320 px).
 * The region is named by the table's caption and takes keyboard focus, so it
 * can be scrolled with the arrow keys too. Give it the table's thead/tbody.
 */
export function DataTable({
  caption,
  captionHidden = false,
  className,
  children,
}: {
  caption: ReactNode
  /** For a table under a heading that already says what it is: the caption stays for screen readers. */
  captionHidden?: boolean
  className?: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <div className="table-region" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className}>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  )
}
