import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useVocabulary } from '~/utils/vocabulary'
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_MEASURES,
  THRESHOLD_KINDS,
} from '#machines/vocabulary/monitoring'

export type LibraryIndicatorDefaults = {
  name: string
  unit: string
  description: string
  direction: string
  thresholdKind: string
  thresholdValue: string
  measure: string
  retired: boolean
}

/** One indicator of the library: what it measures, which way is better and how far it may move. */
export function LibraryIndicatorForm({
  lastResult,
  defaultValue,
  submitLabel,
  editing,
}: {
  lastResult?: SubmissionResult<string[]>
  defaultValue?: LibraryIndicatorDefaults
  submitLabel: string
  editing: boolean
}) {
  const navigation = useNavigation()
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  const [form, fields] = useForm({
    id: 'library-indicator',
    lastResult,
    constraint: getZodConstraint(LibraryIndicatorSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LibraryIndicatorSchema }),
    shouldRevalidate: 'onBlur',
    defaultValue: defaultValue
      ? { ...defaultValue, retired: defaultValue.retired ? 'on' : undefined }
      : { measure: 'manual' },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      <TextField
        field={fields.name}
        label={t('indicatorForm.name')}
        hint={t('indicatorForm.nameHint')}
      />
      <TextField
        field={fields.unit}
        label={t('indicatorForm.unit')}
        hint={t('indicatorForm.unitHint')}
      />
      <TextAreaField field={fields.description} label={t('indicatorForm.description')} rows={3} />
      <ChoiceGroup
        field={fields.direction}
        legend={t('indicatorForm.direction')}
        type="radio"
        options={INDICATOR_DIRECTIONS.map((value) => ({
          value,
          label: label('indicatorDirection', value),
        }))}
      />
      <SelectField
        field={fields.thresholdKind}
        label={t('indicatorForm.thresholdKind')}
        hint={t('indicatorForm.thresholdKindHint')}
        options={THRESHOLD_KINDS.map((value) => ({ value, label: label('thresholdKind', value) }))}
      />
      <Field
        id={fields.thresholdValue.id}
        label={t('indicatorForm.thresholdValue')}
        hint={t('indicatorForm.thresholdValueHint')}
        errors={fields.thresholdValue.errors}
      >
        <input
          {...getInputProps(fields.thresholdValue, { type: 'number' })}
          step="any"
          min="0"
          className="narrow"
          {...describedBy(fields.thresholdValue.id, {
            hint: true,
            errors: fields.thresholdValue.errors,
          })}
        />
      </Field>
      <ChoiceGroup
        field={fields.measure}
        legend={t('indicatorForm.measure')}
        type="radio"
        options={INDICATOR_MEASURES.map((value) => ({
          value,
          label: label('indicatorMeasure', value),
        }))}
      />
      {editing ? (
        <div className="choice">
          <input {...getInputProps(fields.retired, { type: 'checkbox' })} />
          <label htmlFor={fields.retired.id}>{t('indicatorForm.retired')}</label>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {submitLabel}
        </button>
        <Link to="/admin/indicators">{t('indicatorForm.cancel')}</Link>
      </div>
    </Form>
  )
}
