import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { SelectField, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { RubricFormSchema, rubricFormDefaults, type RubricForm } from '~/workflow/screening/rubric-schema'
import { currentRubric, saveRubricVersion } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Edit the screening rubric', 'Administration')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const rubric = await currentRubric(await getDb(), admin.organisationId)
  return { version: rubric.version, defaultValue: rubricFormDefaults(rubric.version, rubric.content) }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: RubricFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await saveRubricVersion(await getDb(), { organisationId: admin.organisationId, createdBy: admin.id, form: submission.value })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect('/admin/rubric')
}

// A row of a list whose shape the schema fixes; typed loosely for the shared controls.
type Row = FieldMetadata<Record<string, unknown>, Record<string, unknown>, string[]>

function Checkbox({ field, label }: { field: FieldMetadata<boolean | undefined, Record<string, unknown>, string[]>; label: string }) {
  return (
    <div className="choice">
      <input {...getInputProps(field, { type: 'checkbox' })} />
      <label htmlFor={field.id}>{label}</label>
    </div>
  )
}

const BAND_CHOICES = [1, 2, 3].map((n) => ({ value: String(n), label: `${n} band${n === 1 ? '' : 's'} apart` }))

export default function EditRubric() {
  const { version, defaultValue } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm<RubricForm>({
    id: 'rubric',
    lastResult,
    defaultValue,
    constraint: getZodConstraint(RubricFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RubricFormSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  const criteria = fields.criteria.getFieldList()
  const items = fields.privacyItems.getFieldList()
  const number = (field: typeof fields.medium, label: string) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <input {...getInputProps(field, { type: 'number' })} className="narrow" {...describedBy(field.id, { errors: field.errors })} />
    </Field>
  )
  return (
    <>
      <p>
        <Link to="/admin/rubric">Back to the rubric</Link>
      </p>
      <h1>Edit the screening rubric</h1>
      <p>
        You are editing version {version}. Saving creates version {version + 1}; proposals already submitted keep the
        version they were screened with. Retiring a criterion removes it from new screenings only.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name={fields.version.name} value={version} />
        <fieldset className="field">
          <legend>Bands</legend>
          <span className="hint">The lowest score (likelihood × impact, 1–25) of each band; below medium is low.</span>
          <div className="grid-2">
            {number(fields.medium, 'Medium from')}
            {number(fields.high, 'High from')}
            {number(fields.veryHigh, 'Very high from')}
          </div>
          <SelectField field={fields.disagreementBands} label="Flag reviewers as disagreeing when they are" options={BAND_CHOICES} />
        </fieldset>

        <h2>Criteria</h2>
        <ErrorList id={`${fields.criteria.id}-error`} errors={fields.criteria.errors} />
        {criteria.map((row, i) => {
          const f = (row as unknown as Row).getFieldset()
          const isNew = i === criteria.length - 1 && !defaultValue.criteria[i]?.name
          return (
            <fieldset key={row.key} className="criterion">
              <legend>{isNew ? 'Add a criterion (leave blank to add none)' : `Criterion ${i + 1}`}</legend>
              {f.key?.initialValue ? <input type="hidden" name={f.key.name} value={String(f.key.initialValue)} /> : null}
              <TextField field={f.name!} label="Name" />
              <TextAreaField field={f.description!} label="What it covers" rows={2} />
              <TextAreaField field={f.questions!} label="Guiding questions" hint="One per line." rows={3} />
              <TextAreaField field={f.principles!} label="Principles it serves" hint="One per line, e.g. “CILIP: impartiality”." rows={3} />
              {isNew ? null : <Checkbox field={f.retire as never} label="Retire this criterion" />}
            </fieldset>
          )
        })}

        <h2>Privacy checklist</h2>
        {items.map((row, i) => {
          const f = (row as unknown as Row).getFieldset()
          const isNew = i === items.length - 1 && !defaultValue.privacyItems[i]?.question
          return (
            <fieldset key={row.key} className="criterion">
              <legend>{isNew ? 'Add an item (leave blank to add none)' : `Item ${i + 1}`}</legend>
              {f.key?.initialValue ? <input type="hidden" name={f.key.name} value={String(f.key.initialValue)} /> : null}
              <TextField field={f.question!} label="Question" />
              <TextField field={f.guidance!} label="Guidance for reviewers" />
              <TextField field={f.problem!} label="The problem when it is not met (shown as the blocking issue)" />
              <Checkbox field={f.required as never} label="Required: a “no” is a blocking issue" />
              {isNew ? null : <Checkbox field={f.retire as never} label="Retire this item" />}
            </fieldset>
          )
        })}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Save as version {version + 1}
        </button>
      </Form>
    </>
  )
}
