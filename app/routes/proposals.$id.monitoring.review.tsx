import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { pageTitle } from '~/utils/meta'
import { formatNumber } from '~/utils/thresholds'
import { addDays } from '~/utils/review-schedule'
import { formatDate, serviceDate } from '~/utils/calendar'
import { refusalReply } from '~/workflow/refusal'
import { ReviewSchema } from '~/workflow/monitoring/forms'
import { loadPlan } from '~/workflow/monitoring/plan.server'
import { canRecordReview, recordReview, reviewForm } from '~/workflow/monitoring/reviews.server'
import { CONDITION_STATUS_LABELS, CONDITION_STATUSES, MEASURE_LABELS } from '#machines/vocabulary/monitoring'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Record a review', 'Monitoring')

const NOT_ALLOWED = 'Reviews are recorded by the chief librarian while a partnership is monitored.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const loaded = await loadPlan(db, proposal.id)
  if (!loaded || !canRecordReview(snapshot, user)) throw new Response(NOT_ALLOWED, { status: 403 })
  return { proposalId: proposal.id, version: proposal.version, today: serviceDate(new Date()), form: await reviewForm(db, loaded) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: ReviewSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { version, ...values } = submission.value
  const result = await recordReview(db, {
    user,
    proposalId: proposal.id,
    values,
    expectedVersion: version,
    today: serviceDate(new Date()),
  })
  if (!result.ok) {
    const reply = 'fieldErrors' in result && result.fieldErrors ? { fieldErrors: result.fieldErrors } : refusalReply(result)
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
  return (
    <>
      <h2>Record review {review.slot}</h2>
      <p>
        Due {formatDate(review.dueOn)}. It covers {formatDate(review.period.from)} to {formatDate(periodEnd)}. A value
        beyond its threshold, or a condition not met at this review and the one before, sends the partnership back for
        reassessment as soon as you save.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input {...getInputProps(fields.version, { type: 'hidden' })} />
        <Field id={fields.reviewedOn.id} label="Date of the review" errors={fields.reviewedOn.errors}>
          <input
            {...getInputProps(fields.reviewedOn, { type: 'date' })}
            max={today}
            {...describedBy(fields.reviewedOn.id, { errors: fields.reviewedOn.errors })}
          />
        </Field>

        <fieldset className="field">
          <legend>Indicators</legend>
          {review.indicators.map((i) => {
            const n = typed.findIndex((t) => t.id === i.id)
            const reading = n >= 0 ? readings[n] : undefined
            const r = reading?.getFieldset()
            const hint = `Baseline ${formatNumber(i.baseline)} ${i.unit}; reassessment after ${i.threshold}.`
            if (!r) {
              return (
                <div key={i.id} className="field">
                  <p className="label">{i.name}</p>
                  <p>
                    <strong>{formatNumber(i.counted ?? 0)}</strong> {i.unit}: {MEASURE_LABELS[i.measure].toLowerCase()}. {hint}
                  </p>
                </div>
              )
            }
            return (
              <Field key={i.id} id={r.value.id} label={`${i.name} (${i.unit})`} hint={hint} errors={r.value.errors}>
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

        {review.conditions.length ? <h3>Conditions</h3> : null}
        {review.conditions.map((k, n) => {
          const check = checks[n]!.getFieldset()
          const errorId = `${check.status.id}-error`
          return (
            <fieldset key={k.id} className="field choices" aria-describedby={check.status.errors?.length ? errorId : undefined}>
              <legend>{k.text}</legend>
              {k.previous ? <span className="hint">At the last review: {CONDITION_STATUS_LABELS[k.previous]}.</span> : null}
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
                    <label htmlFor={id}>{CONDITION_STATUS_LABELS[status]}</label>
                  </div>
                )
              })}
              <Field id={check.note.id} label="Note (optional)" errors={check.note.errors}>
                <input {...getInputProps(check.note, { type: 'text' })} {...describedBy(check.note.id, { errors: check.note.errors })} />
              </Field>
            </fieldset>
          )
        })}

        <Field
          id={fields.narrative.id}
          label="What the review found"
          hint="Who took part, what the figures show and anything users or staff have said."
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
            Save review {review.slot}
          </button>
          <Link to={`/proposals/${proposalId}/monitoring`}>Cancel</Link>
        </div>
      </Form>
    </>
  )
}
