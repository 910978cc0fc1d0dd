import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translatableMessage } from '~/utils/validation-message'

export type FieldErrors = string[] | undefined

/**
 * A message from a schema or an action made with `vm` is a catalogue key
 * (`validation:signIn.emailRequired`; docs/decisions/030-internationalisation.md),
 * translated here, in one place. A message not yet converted is shown as it is.
 */
function useMessage() {
  const { t, i18n } = useTranslation('common')
  return (message: string) => {
    const found = translatableMessage(message)
    if (!found || !i18n.exists(found.key)) return message
    return (t as (key: string, values?: object) => string)(found.key, found.values)
  }
}

/** Errors sit next to their field and are tied to it for screen readers. */
export function ErrorList({ id, errors }: { id: string; errors: FieldErrors }) {
  const { t } = useTranslation('common')
  const message = useMessage()
  if (!errors?.length) return null
  return (
    <div id={id}>
      {errors.map((e) => (
        <p key={e} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {message(e)}
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
  const message = useMessage()
  if (!errors?.length) return null
  return (
    <div className="error-summary" role="alert">
      {errors.map((e) => (
        <p key={e} className="field-error">
          {message(e)}
        </p>
      ))}
    </div>
  )
}
