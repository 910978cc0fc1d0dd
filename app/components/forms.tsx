import { type ReactNode } from 'react'

export type FieldErrors = string[] | undefined

/** Errors sit next to their field and are tied to it for screen readers. */
export function ErrorList({ id, errors }: { id: string; errors: FieldErrors }) {
  if (!errors?.length) return null
  return (
    <div id={id}>
      {errors.map((e) => (
        <p key={e} className="field-error">
          <span className="visually-hidden">Error: </span>
          {e}
        </p>
      ))}
    </div>
  )
}

export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  errors?: FieldErrors
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorList id={`${id}-error`} errors={errors} />
      {children}
    </div>
  )
}

/** The aria attributes that link an input to its hint and errors. */
export function describedBy(id: string, opts: { hint?: boolean; errors?: FieldErrors }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.errors?.length ? `${id}-error` : null].filter(Boolean)
  return {
    'aria-invalid': opts.errors?.length ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  }
}

export function FormErrors({ errors }: { errors: FieldErrors }) {
  if (!errors?.length) return null
  return (
    <div className="error-summary" role="alert">
      {errors.map((e) => (
        <p key={e} className="field-error">
          {e}
        </p>
      ))}
    </div>
  )
}
