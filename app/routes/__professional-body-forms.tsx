import { getFormProps, getInputProps, getTextareaProps } from '@conform-to/react'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { type RecommendationItem } from '~/components/consultation'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { useIntentForm } from '~/utils/use-intent-form'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(PbRequestSchema, {
    id: 'pb-request',
    intent: 'pb.request',
    defaultValue: { sentOn: today },
  })
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <h3>{t('pb.requestFormHeading', { body: bodyName })}</h3>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.request" />
      <input type="hidden" name="version" value={version} />
      <Field id={fields.sentOn.id} label={t('pb.sentOn')} errors={fields.sentOn.errors}>
        <input
          {...getInputProps(fields.sentOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.sentOn.id, { errors: fields.sentOn.errors })}
        />
      </Field>
      <Field
        id={fields.contact.id}
        label={t('pb.contact')}
        hint={t('pb.contactHint')}
        errors={fields.contact.errors}
      >
        <input
          {...getInputProps(fields.contact, { type: 'text' })}
          maxLength={LIMITS.short}
          {...describedBy(fields.contact.id, { hint: true, errors: fields.contact.errors })}
        />
      </Field>
      <Field id={fields.shared.id} label={t('pb.sharedField')} errors={fields.shared.errors}>
        <textarea
          {...getTextareaProps(fields.shared)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.shared.id, { errors: fields.shared.errors })}
        />
      </Field>
      <PapersInput label={t('pb.papersSent')} errors={form.allErrors.papers} />
      <Field id={fields.deadline.id} label={t('pb.deadline')} errors={fields.deadline.errors}>
        <input
          {...getInputProps(fields.deadline, { type: 'date' })}
          min={today}
          {...describedBy(fields.deadline.id, { errors: fields.deadline.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('pb.requestSubmit')}
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
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(PbResponseSchema, {
    id: 'pb-respond',
    intent: 'pb.respond',
    defaultValue: { receivedOn: today, recommendations: [] },
  })
  const recommendations = fields.recommendations.getFieldList()
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <h3>{t('pb.responseFormHeading', { body: bodyName })}</h3>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.respond" />
      <input type="hidden" name="version" value={version} />
      <Field id={fields.receivedOn.id} label={t('pb.receivedOn')} errors={fields.receivedOn.errors}>
        <input
          {...getInputProps(fields.receivedOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.receivedOn.id, { errors: fields.receivedOn.errors })}
        />
      </Field>
      <Field id={fields.summary.id} label={t('pb.responseSummary')} errors={fields.summary.errors}>
        <textarea
          {...getTextareaProps(fields.summary)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.summary.id, { errors: fields.summary.errors })}
        />
      </Field>
      <PapersInput label={t('pb.theirLetter')} errors={form.allErrors.papers} />
      <fieldset className="field">
        <legend>{t('pb.recommendations')}</legend>
        <p className="hint">{t('pb.recommendationsHint')}</p>
        <ErrorList
          id={`${fields.recommendations.id}-error`}
          errors={fields.recommendations.errors}
        />
        {recommendations.map((item, index) => (
          <div key={item.key} className="list-item">
            <Field id={item.id} label={t('pb.recommendation', { number: index + 1 })} errors={item.errors}>
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
              {t('pb.removeRecommendation', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          {...form.insert.getButtonProps({ name: fields.recommendations.name, defaultValue: '' })}
          className="secondary"
        >
          {t('pb.addRecommendation')}
        </button>
      </fieldset>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('pb.responseSubmit')}
      </button>
    </Form>
  )
}

export function AnswerForm({ r }: { r: RecommendationItem }) {
  const navigation = useNavigation()
  const { t } = useTranslation('consultation')
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
        <legend>{t('pb.accept', { number: r.position })}</legend>
        <ErrorList id={`${fields.answer.id}-error`} errors={fields.answer.errors} />
        <div className="choice">
          <input
            {...getInputProps(fields.answer, { type: 'radio', value: 'accepted' })}
            id={`${r.id}-accepted`}
          />
          <label htmlFor={`${r.id}-accepted`}>{t('pb.accepted')}</label>
        </div>
        <div className="choice">
          <input
            {...getInputProps(fields.answer, { type: 'radio', value: 'not_accepted' })}
            id={`${r.id}-not-accepted`}
          />
          <label htmlFor={`${r.id}-not-accepted`}>{t('pb.notAccepted')}</label>
        </div>
      </fieldset>
      <Field
        id={fields.rationale.id}
        label={t('pb.rationale')}
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
        {t('pb.answerSubmit', { number: r.position })}
      </button>
    </Form>
  )
}

export function CloseForm({ version }: { version: number }) {
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(PbCloseSchema, {
    id: 'pb-close',
    intent: 'pb.closeWithoutResponse',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{t('pb.closeHeading')}</h3>
      <p>{t('pb.closeIntro')}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="pb.closeWithoutResponse" />
      <input type="hidden" name="version" value={version} />
      <Field
        id={fields.note.id}
        label={t('pb.note')}
        hint={t('pb.noteHint')}
        errors={fields.note.errors}
      >
        <textarea
          {...getTextareaProps(fields.note)}
          maxLength={LIMITS.reason}
          {...describedBy(fields.note.id, { hint: true, errors: fields.note.errors })}
        />
      </Field>
      <button type="submit" className="warning">
        {t('pb.closeSubmit')}
      </button>
    </Form>
  )
}
