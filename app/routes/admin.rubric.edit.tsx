import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'
import { RubricFormSchema, rubricFormDefaults, type RubricForm } from '~/workflow/screening/rubric-schema'
import { currentRubric, saveRubricVersion } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'rubric')
  return pageTitle(t('edit.title'), t('administration'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const rubric = await currentRubric(await getDb(), admin.organisationId)
  return { version: rubric.version, defaultValue: rubricFormDefaults(rubric.version, rubric.content) }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  const submission = parseWithZod(await formDataOf(request), { schema: RubricFormSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const result = await saveRubricVersion(await getDb(), { organisationId: admin.organisationId, createdBy: admin.id, form: submission.value })
  if (!result.ok) {
    // saveRubricVersion refuses a stale version (409) or a key the rubric never had (400).
    const message = result.status === 409 ? vm('rubric.conflict') : vm('rubric.unexpected')
    return data(translateReply(submission.reply({ formErrors: [message] }), locale), { status: result.status })
  }
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

export default function EditRubric() {
  const { version, defaultValue } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('rubric')
  const bandChoices = [1, 2, 3].map((count) => ({ value: String(count), label: t('edit.bandsApart', { count }) }))
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
        <Link to="/admin/rubric">{t('edit.back')}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <p>{t('edit.intro', { version, next: version + 1 })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name={fields.version.name} value={version} />
        <fieldset className="field">
          <legend>{t('edit.bands')}</legend>
          <span className="hint">{t('edit.bandsHint')}</span>
          <div className="grid-2">
            {number(fields.medium, t('edit.mediumFrom'))}
            {number(fields.high, t('edit.highFrom'))}
            {number(fields.veryHigh, t('edit.veryHighFrom'))}
          </div>
          <SelectField field={fields.disagreementBands} label={t('edit.disagreement')} options={bandChoices} />
        </fieldset>

        <h2>{t('edit.criteria')}</h2>
        <ErrorList id={`${fields.criteria.id}-error`} errors={fields.criteria.errors} />
        {criteria.map((row, i) => {
          const f = (row as unknown as Row).getFieldset()
          const isNew = i === criteria.length - 1 && !defaultValue.criteria[i]?.name
          return (
            <fieldset key={row.key} className="criterion">
              <legend>{isNew ? t('edit.newCriterion') : t('edit.criterion', { n: i + 1 })}</legend>
              {f.key?.initialValue ? <input type="hidden" name={f.key.name} value={String(f.key.initialValue)} /> : null}
              <TextField field={f.name!} label={t('edit.name')} />
              <TextAreaField field={f.description!} label={t('edit.description')} rows={2} />
              <TextAreaField field={f.questions!} label={t('edit.questions')} hint={t('edit.questionsHint')} rows={3} />
              <TextAreaField field={f.principles!} label={t('edit.principles')} hint={t('edit.principlesHint')} rows={3} />
              {isNew ? null : <Checkbox field={f.retire as never} label={t('edit.retireCriterion')} />}
            </fieldset>
          )
        })}

        <h2>{t('edit.privacy')}</h2>
        {items.map((row, i) => {
          const f = (row as unknown as Row).getFieldset()
          const isNew = i === items.length - 1 && !defaultValue.privacyItems[i]?.question
          return (
            <fieldset key={row.key} className="criterion">
              <legend>{isNew ? t('edit.newItem') : t('edit.item', { n: i + 1 })}</legend>
              {f.key?.initialValue ? <input type="hidden" name={f.key.name} value={String(f.key.initialValue)} /> : null}
              <TextField field={f.question!} label={t('edit.question')} />
              <TextField field={f.guidance!} label={t('edit.guidance')} />
              <TextField field={f.problem!} label={t('edit.problem')} />
              <Checkbox field={f.required as never} label={t('edit.required')} />
              {isNew ? null : <Checkbox field={f.retire as never} label={t('edit.retireItem')} />}
            </fieldset>
          )
        })}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('edit.save', { version: version + 1 })}
        </button>
      </Form>
    </>
  )
}
