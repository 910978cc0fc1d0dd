import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatNumber } from '~/utils/format'
import { addDays } from '~/utils/review-schedule'
import { formatDate, serviceDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { refusalReply } from '~/workflow/refusal'
import { ReviewSchema } from '~/workflow/monitoring/forms'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { canRecordReview, recordReview, reviewForm } from '~/workflow/monitoring/reviews.server'
import { CONDITION_STATUSES } from '#machines/vocabulary/monitoring'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'monitoring')
  return pageTitle(t('review.title'), t('page.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const loaded = await loadPlan(db, proposal.id)
  const locale = await localeFor(request, user)
  if (!loaded || !canRecordReview(snapshot, user)) {
    throw new Response(fixedT(locale, 'monitoring')('review.notAllowed'), {
      status: 403,
    })
  }
  return {
    proposalId: proposal.id,
    version: proposal.version,
    today: serviceDate(new Date()),
    form: await reviewForm(db, loaded, locale),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const locale = await localeFor(request, user)
  const submission = parseWithZod(await formDataOf(request, locale), { schema: ReviewSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const { version, ...values } = submission.value
  const result = await recordReview(db, {
    locale,
    user,
    proposalId: proposal.id,
    values,
    expectedVersion: version,
    today: serviceDate(new Date()),
  })
  if (!result.ok) {
    const reply =
      'fieldErrors' in result && result.fieldErrors
        ? { fieldErrors: result.fieldErrors }
        : refusalReply(result)
    return data(submission.reply(reply), { status: result.status })
  }
  throw redirect(`/proposals/${proposal.id}/monitoring`)
}

export default function RecordReview() {
  const { proposalId, version, today, form: review } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const typed = review.indicators.filter((i) => i.counted === null)
  const [form, fields] = useForm({
    id: 'review',
    lastResult,
    constraint: getZodConstraint(ReviewSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    shouldRevalidate: 'onBlur',
    defaultValue: {
      version: String(version),
      reviewedOn: today,
      readings: typed.map((i) => ({ indicatorId: i.id, value: '' })),
      checks: review.conditions.map((k) => ({ conditionId: k.id, note: '' })),
    },
  })
  const readings = fields.readings.getFieldList()
  const checks = fields.checks.getFieldList()
  const periodEnd = addDays(review.period.to, -1)
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  const locale = useLocale()
  return (
    <>
      <h2>{t('review.heading', { slot: review.slot })}</h2>
      <p>
        {t('review.intro', {
          due: formatDate(review.dueOn, locale),
          from: formatDate(review.period.from, locale),
          to: formatDate(periodEnd, locale),
        })}
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input {...getInputProps(fields.version, { type: 'hidden' })} />
        <Field id={fields.reviewedOn.id} label={t('review.date')} errors={fields.reviewedOn.errors}>
          <input
            {...getInputProps(fields.reviewedOn, { type: 'date' })}
            max={today}
            {...describedBy(fields.reviewedOn.id, { errors: fields.reviewedOn.errors })}
          />
        </Field>

        <fieldset className="field">
          <legend>{t('review.indicators')}</legend>
          {review.indicators.map((i) => {
            const n = typed.findIndex((t) => t.id === i.id)
            const reading = n >= 0 ? readings[n] : undefined
            const r = reading?.getFieldset()
            const hint = t('review.hint', {
              baseline: formatNumber(locale, i.baseline),
              unit: i.unit,
              threshold: i.threshold,
            })
            if (!r) {
              return (
                <div key={i.id} className="field">
                  <p className="label">{i.name}</p>
                  <p>
                    <strong>{formatNumber(locale, i.counted ?? 0)}</strong>{' '}
                    {t('review.counted', {
                      unit: i.unit,
                      measure: label('indicatorMeasure', i.measure).toLowerCase(),
                    })}{' '}
                    {hint}
                  </p>
                </div>
              )
            }
            return (
              <Field
                key={i.id}
                id={r.value.id}
                label={t('review.valueLabel', { name: i.name, unit: i.unit })}
                hint={hint}
                errors={r.value.errors}
              >
                <input {...getInputProps(r.indicatorId, { type: 'hidden' })} />
                <input
                  {...getInputProps(r.value, { type: 'number' })}
                  step="any"
                  className="narrow"
                  {...describedBy(r.value.id, { hint: true, errors: r.value.errors })}
                />
              </Field>
            )
          })}
        </fieldset>

        {review.conditions.length ? <h3>{t('review.conditions')}</h3> : null}
        {review.conditions.map((k, n) => {
          const check = checks[n]!.getFieldset()
          const errorId = `${check.status.id}-error`
          return (
            <fieldset
              key={k.id}
              className="field choices"
              aria-describedby={check.status.errors?.length ? errorId : undefined}
            >
              <legend>{k.text}</legend>
              {k.previous ? (
                <span className="hint">
                  {t('review.previous', { status: label('conditionStatus', k.previous) })}
                </span>
              ) : null}
              <ErrorList id={errorId} errors={check.status.errors} />
              <input {...getInputProps(check.conditionId, { type: 'hidden' })} />
              {CONDITION_STATUSES.map((status) => {
                const id = `${check.status.id}-${status}`
                return (
                  <div key={status} className="choice">
                    <input
                      type="radio"
                      id={id}
                      name={check.status.name}
                      value={status}
                      defaultChecked={check.status.initialValue === status}
                      required
                    />
                    <label htmlFor={id}>{label('conditionStatus', status)}</label>
                  </div>
                )
              })}
              <Field id={check.note.id} label={t('review.note')} errors={check.note.errors}>
                <input
                  {...getInputProps(check.note, { type: 'text' })}
                  {...describedBy(check.note.id, { errors: check.note.errors })}
                />
              </Field>
            </fieldset>
          )
        })}

        <Field
          id={fields.narrative.id}
          label={t('review.narrative')}
          hint={t('review.narrativeHint')}
          errors={fields.narrative.errors}
        >
          <textarea
            {...getTextareaProps(fields.narrative)}
            rows={6}
            {...describedBy(fields.narrative.id, { hint: true, errors: fields.narrative.errors })}
          />
        </Field>
        <div className="actions">
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('review.save', { slot: review.slot })}
          </button>
          <Link to={`/proposals/${proposalId}/monitoring`}>{t('escalate.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
