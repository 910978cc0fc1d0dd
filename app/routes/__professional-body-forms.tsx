import { getFormProps, getInputProps, getTextareaProps } from '@conform-to/react'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { type RecommendationItem } from '~/components/consultation'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { useIntentForm } from '~/utils/use-intent-form'
import {
  LIMITS,
  PbAnswerSchema,
  PbCloseSchema,
  PbRequestSchema,
  PbResponseSchema,
} from '~/workflow/consultation/forms'

import { type loader } from './proposals.$id.consultation.professional-body'

function PapersInput({ label, errors }: { label: string; errors?: string[] }) {
  const { papersHint: hint } = useLoaderData<typeof loader>()
  return (
    <Field id="papers" label={label} hint={hint} errors={errors}>
      <input
        type="file"
        id="papers"
        name="papers"
        multiple
        accept=".pdf,.docx,.odt,application/pdf"
        {...describedBy('papers', { hint: true, errors })}
      />
    </Field>
  )
}

export function RequestForm({
  version,
  today,
  bodyName,
}: {
  version: number
  today: string
  bodyName: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useIntentForm(PbRequestSchema, {
    id: 'pb-request',
    intent: 'pb.request',
    defaultValue: { sentOn: today },
  })
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <h3>Record the request for {bodyName}’s opinion</h3>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.request" />
      <input type="hidden" name="version" value={version} />
      <Field id={fields.sentOn.id} label="Date sent" errors={fields.sentOn.errors}>
        <input
          {...getInputProps(fields.sentOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.sentOn.id, { errors: fields.sentOn.errors })}
        />
      </Field>
      <Field
        id={fields.contact.id}
        label="Sent to"
        hint="The person or team at the professional body."
        errors={fields.contact.errors}
      >
        <input
          {...getInputProps(fields.contact, { type: 'text' })}
          maxLength={LIMITS.short}
          {...describedBy(fields.contact.id, { hint: true, errors: fields.contact.errors })}
        />
      </Field>
      <Field id={fields.shared.id} label="What was shared with them" errors={fields.shared.errors}>
        <textarea
          {...getTextareaProps(fields.shared)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.shared.id, { errors: fields.shared.errors })}
        />
      </Field>
      <PapersInput label="Papers sent" errors={form.allErrors.papers} />
      <Field id={fields.deadline.id} label="Response due by" errors={fields.deadline.errors}>
        <input
          {...getInputProps(fields.deadline, { type: 'date' })}
          min={today}
          {...describedBy(fields.deadline.id, { errors: fields.deadline.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Record the request
      </button>
    </Form>
  )
}

export function ResponseForm({
  version,
  today,
  bodyName,
}: {
  version: number
  today: string
  bodyName: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useIntentForm(PbResponseSchema, {
    id: 'pb-respond',
    intent: 'pb.respond',
    defaultValue: { receivedOn: today, recommendations: [] },
  })
  const recommendations = fields.recommendations.getFieldList()
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <h3>Record {bodyName}’s response</h3>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.respond" />
      <input type="hidden" name="version" value={version} />
      <Field id={fields.receivedOn.id} label="Date received" errors={fields.receivedOn.errors}>
        <input
          {...getInputProps(fields.receivedOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.receivedOn.id, { errors: fields.receivedOn.errors })}
        />
      </Field>
      <Field id={fields.summary.id} label="Summary of the response" errors={fields.summary.errors}>
        <textarea
          {...getTextareaProps(fields.summary)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.summary.id, { errors: fields.summary.errors })}
        />
      </Field>
      <PapersInput label="Their letter" errors={form.allErrors.papers} />
      <fieldset className="field">
        <legend>Recommendations</legend>
        <p className="hint">
          Record each recommendation on its own; each will need an answer. Leave none if they made
          none.
        </p>
        <ErrorList
          id={`${fields.recommendations.id}-error`}
          errors={fields.recommendations.errors}
        />
        {recommendations.map((item, index) => (
          <div key={item.key} className="list-item">
            <Field id={item.id} label={`Recommendation ${index + 1}`} errors={item.errors}>
              <textarea
                {...getTextareaProps(item)}
                rows={3}
                maxLength={LIMITS.recommendation}
                {...describedBy(item.id, { errors: item.errors })}
              />
            </Field>
            <button
              {...form.remove.getButtonProps({ name: fields.recommendations.name, index })}
              className="secondary"
            >
              Remove recommendation {index + 1}
            </button>
          </div>
        ))}
        <button
          {...form.insert.getButtonProps({ name: fields.recommendations.name, defaultValue: '' })}
          className="secondary"
        >
          Add a recommendation
        </button>
      </fieldset>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Record the response
      </button>
    </Form>
  )
}

export function AnswerForm({ r }: { r: RecommendationItem }) {
  const navigation = useNavigation()
  const [form, fields] = useIntentForm(PbAnswerSchema, {
    id: `answer-${r.id}`,
    intent: 'pb.answer',
    match: (reply) => reply.recommendationId === r.id,
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.answer" />
      <input type="hidden" name="recommendationId" value={r.id} />
      <fieldset
        className="field"
        aria-describedby={fields.answer.errors?.length ? `${fields.answer.id}-error` : undefined}
      >
        <legend>Does the service accept recommendation {r.position}?</legend>
        <ErrorList id={`${fields.answer.id}-error`} errors={fields.answer.errors} />
        <div className="choice">
          <input
            {...getInputProps(fields.answer, { type: 'radio', value: 'accepted' })}
            id={`${r.id}-accepted`}
          />
          <label htmlFor={`${r.id}-accepted`}>
            Accepted: it becomes a condition of the decision
          </label>
        </div>
        <div className="choice">
          <input
            {...getInputProps(fields.answer, { type: 'radio', value: 'not_accepted' })}
            id={`${r.id}-not-accepted`}
          />
          <label htmlFor={`${r.id}-not-accepted`}>Not accepted</label>
        </div>
      </fieldset>
      <Field
        id={fields.rationale.id}
        label="Why not (required if not accepted)"
        errors={fields.rationale.errors}
      >
        <textarea
          {...getTextareaProps(fields.rationale)}
          rows={3}
          maxLength={LIMITS.response}
          {...describedBy(fields.rationale.id, { errors: fields.rationale.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Record the answer to recommendation {r.position}
      </button>
    </Form>
  )
}

export function CloseForm({ version }: { version: number }) {
  const [form, fields] = useIntentForm(PbCloseSchema, {
    id: 'pb-close',
    intent: 'pb.closeWithoutResponse',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>Close without a response</h3>
      <p>The deadline has passed. The record will say plainly that no response was received.</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.closeWithoutResponse" />
      <input type="hidden" name="version" value={version} />
      <Field
        id={fields.note.id}
        label="Note for the record"
        hint="For example, the reminders sent."
        errors={fields.note.errors}
      >
        <textarea
          {...getTextareaProps(fields.note)}
          maxLength={LIMITS.reason}
          {...describedBy(fields.note.id, { hint: true, errors: fields.note.errors })}
        />
      </Field>
      <button type="submit" className="warning">
        Close without a response
      </button>
    </Form>
  )
}
