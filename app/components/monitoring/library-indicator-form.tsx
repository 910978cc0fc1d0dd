import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'
import { DIRECTION_LABELS, INDICATOR_DIRECTIONS, INDICATOR_MEASURES, MEASURE_LABELS, THRESHOLD_KIND_LABELS, THRESHOLD_KINDS } from '#machines/vocabulary/monitoring'

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

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }))

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
  const [form, fields] = useForm({
    id: 'library-indicator',
    lastResult,
    constraint: getZodConstraint(LibraryIndicatorSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LibraryIndicatorSchema }),
    shouldRevalidate: 'onBlur',
    defaultValue: defaultValue ? { ...defaultValue, retired: defaultValue.retired ? 'on' : undefined } : { measure: 'manual' },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      <TextField field={fields.name} label="Name" hint="For example “Visits at affected branches”." />
      <TextField field={fields.unit} label="Unit" hint="For example “visits a month” or “complaints a quarter”." />
      <TextAreaField field={fields.description} label="What it measures and where the figure comes from (optional)" rows={3} />
      <ChoiceGroup field={fields.direction} legend="Which way is better?" type="radio" options={options(INDICATOR_DIRECTIONS, DIRECTION_LABELS)} />
      <SelectField
        field={fields.thresholdKind}
        label="Threshold measured as"
        hint="How far the value may move the wrong way from its baseline before the partnership is reassessed."
        options={options(THRESHOLD_KINDS, THRESHOLD_KIND_LABELS)}
      />
      <Field id={fields.thresholdValue.id} label="Usual threshold" hint="A percentage or an amount, as chosen above; each plan may change it." errors={fields.thresholdValue.errors}>
        <input
          {...getInputProps(fields.thresholdValue, { type: 'number' })}
          step="any"
          min="0"
          className="narrow"
          {...describedBy(fields.thresholdValue.id, { hint: true, errors: fields.thresholdValue.errors })}
        />
      </Field>
      <ChoiceGroup field={fields.measure} legend="Where the value comes from" type="radio" options={options(INDICATOR_MEASURES, MEASURE_LABELS)} />
      {editing ? (
        <div className="choice">
          <input {...getInputProps(fields.retired, { type: 'checkbox' })} />
          <label htmlFor={fields.retired.id}>Retired: keep it for the plans that use it, but do not offer it again</label>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {submitLabel}
        </button>
        <Link to="/admin/indicators">Cancel</Link>
      </div>
    </Form>
  )
}
