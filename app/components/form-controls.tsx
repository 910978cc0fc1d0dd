import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react'
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { describedBy, ErrorList, Field } from './forms'

/**
 * Labelled controls for Conform fields: the hint and errors sit next to the
 * control and are tied to it for screen readers; groups are fieldsets with a
 * legend. Field metadata is typed loosely here because one control serves
 * fields of many shapes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyField = FieldMetadata<any, any, any>

/** `lang` marks a control meant for text in another language than the page's (a Welsh title on an English page). */
type Common = { field: AnyField; label: ReactNode; hint?: ReactNode; lang?: string }

export function TextField({ field, label, hint, lang, type = 'text' }: Common & { type?: 'text' | 'date' }) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      <input {...getInputProps(field, { type })} lang={lang} {...describedBy(field.id, { hint: !!hint, errors: field.errors })} />
    </Field>
  )
}

export function TextAreaField({ field, label, hint, lang, rows }: Common & { rows?: number }) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      <textarea {...getTextareaProps(field)} rows={rows} lang={lang} {...describedBy(field.id, { hint: !!hint, errors: field.errors })} />
    </Field>
  )
}

export function SelectField({ field, label, hint, options }: Common & { options: { value: string; label: string }[] }) {
  const { t } = useTranslation('common')
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      <select {...getSelectProps(field)} {...describedBy(field.id, { hint: !!hint, errors: field.errors })}>
        <option value="">{t('form.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/** Radios or checkboxes as one group, its errors reported on the group. */
export function ChoiceGroup({
  field,
  legend,
  hint,
  type,
  options,
  inline = false,
}: {
  field: AnyField
  legend: ReactNode
  hint?: ReactNode
  type: 'radio' | 'checkbox'
  options: { value: string; label: string }[]
  inline?: boolean
}) {
  const hintId = `${field.id}-hint`
  const errorId = `${field.id}-error`
  const described = [hint ? hintId : null, field.errors?.length ? errorId : null].filter(Boolean).join(' ')
  const labels = new Map(options.map((o) => [o.value, o.label]))
  return (
    <fieldset className={inline ? 'field choices inline' : 'field choices'} aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <ErrorList id={errorId} errors={field.errors} />
      {getCollectionProps(field, { type, options: options.map((o) => o.value) }).map(({ key, ...props }) => (
        <div key={key} className="choice">
          <input {...props} aria-invalid={undefined} aria-describedby={undefined} />
          <label htmlFor={props.id}>{labels.get(props.value)}</label>
        </div>
      ))}
    </fieldset>
  )
}
