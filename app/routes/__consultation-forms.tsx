import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { CONCERN_CATEGORIES } from '#machines/vocabulary/consultation'
import { CATEGORY_LABELS, LIMITS, RaiseConcernSchema } from '~/workflow/consultation/forms'

import { AnonymityNotice, type AnonymityInfo } from '~/components/anonymity-notice'
import { type action } from './proposals.$id.consultation._index'

export function RaiseConcernForm({ anonymity }: { anonymity: AnonymityInfo }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'raise-concern',
    lastResult: actionData?.intent === 'concern.raise' ? actionData.result : undefined,
    constraint: getZodConstraint(RaiseConcernSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RaiseConcernSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack panel">
      <h4>Raise a concern</h4>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="concern.raise" />
      <AnonymityNotice info={anonymity} audience="staff" />
      <Field
        id={fields.category.id}
        label="What is your concern about?"
        errors={fields.category.errors}
      >
        <select
          {...getSelectProps(fields.category)}
          {...describedBy(fields.category.id, { errors: fields.category.errors })}
        >
          <option value="">Choose a category</option>
          {CONCERN_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={fields.text.id}
        label="Your concern"
        hint={`Plain text, up to ${LIMITS.concern.toLocaleString('en-GB')} characters.`}
        errors={fields.text.errors}
      >
        <textarea
          {...getTextareaProps(fields.text)}
          maxLength={LIMITS.concern}
          rows={6}
          {...describedBy(fields.text.id, { hint: true, errors: fields.text.errors })}
        />
      </Field>
      <fieldset
        className="field"
        aria-describedby={
          fields.identity.errors?.length ? `${fields.identity.id}-error` : undefined
        }
      >
        <legend>Give your name?</legend>
        <ErrorList id={`${fields.identity.id}-error`} errors={fields.identity.errors} />
        <div className="choice">
          <input
            {...getInputProps(fields.identity, { type: 'radio', value: 'named' })}
            id="identity-named"
          />
          <label htmlFor="identity-named">
            With my name: everyone in the service sees who raised it
          </label>
        </div>
        <div className="choice">
          <input
            {...getInputProps(fields.identity, { type: 'radio', value: 'anonymous' })}
            id="identity-anonymous"
          />
          <label htmlFor="identity-anonymous">
            Anonymously: Probity keeps no record of who you are or the time of day, releases it with
            the next batch, and gives you a receipt code to find it again
          </label>
        </div>
      </fieldset>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Raise concern
      </button>
    </Form>
  )
}

export function Receipt({ code }: { code: string }) {
  return (
    <div role="status" className="notice success">
      <h4>Your anonymous concern is recorded</h4>
      <p>It is held and released with the next batch of anonymous contributions.</p>
      <p>
        Your receipt code: <strong className="receipt-code">{code}</strong>
      </p>
      <p>
        Copy or write it down now: it is shown only this once and nobody can find it again for you.
        With it you can <Link to="/concerns/receipt">look up your concern and its response</Link> at
        any time.
      </p>
    </div>
  )
}
