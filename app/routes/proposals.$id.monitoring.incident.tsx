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
import { describedBy, Field, FormErrors } from '~/components/forms'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { metaLocale, pageTitle } from '~/utils/meta'
import { serviceDate } from '~/utils/calendar'
import { refusalReply } from '~/workflow/refusal'
import { IncidentSchema, LIMITS } from '~/workflow/monitoring/forms'
import { canRecordIncident, recordIncident } from '~/workflow/monitoring/incidents.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'monitoring')
  return pageTitle(t('incident.title'), t('page.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, proposal, snapshot } = await requireProposal(request, params)
  if (!canRecordIncident(snapshot, user)) {
    throw new Response(
      fixedT(await localeFor(request, user), 'monitoring')('incident.notAllowed'),
      { status: 403 },
    )
  }
  return { proposalId: proposal.id, today: serviceDate(new Date()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: IncidentSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), await localeFor(request, user)), { status: 400 })
  const result = await recordIncident(db, {
    user,
    proposalId: proposal.id,
    values: submission.value,
    today: serviceDate(new Date()),
  })
  if (!result.ok) return data(submission.reply(refusalReply(result)), { status: result.status })
  throw redirect(`/proposals/${proposal.id}/monitoring#incidents-heading`)
}

export default function RecordIncident() {
  const { proposalId, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'incident',
    lastResult,
    constraint: getZodConstraint(IncidentSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IncidentSchema }),
    shouldRevalidate: 'onBlur',
    defaultValue: { occurredOn: today },
  })
  const { t } = useTranslation('monitoring')
  return (
    <>
      <h2>{t('incident.title')}</h2>
      <p>{t('incident.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field
          id={fields.occurredOn.id}
          label={t('incident.date')}
          errors={fields.occurredOn.errors}
        >
          <input
            {...getInputProps(fields.occurredOn, { type: 'date' })}
            max={today}
            {...describedBy(fields.occurredOn.id, { errors: fields.occurredOn.errors })}
          />
        </Field>
        <Field
          id={fields.occurredTime.id}
          label={t('incident.time')}
          hint={t('incident.timeHint')}
          errors={fields.occurredTime.errors}
        >
          <input
            {...getInputProps(fields.occurredTime, { type: 'text' })}
            className="narrow"
            inputMode="numeric"
            autoComplete="off"
            {...describedBy(fields.occurredTime.id, {
              hint: true,
              errors: fields.occurredTime.errors,
            })}
          />
        </Field>
        <Field
          id={fields.location.id}
          label={t('incident.location')}
          hint={t('incident.locationHint')}
          errors={fields.location.errors}
        >
          <input
            {...getInputProps(fields.location, { type: 'text' })}
            maxLength={LIMITS.short}
            {...describedBy(fields.location.id, { hint: true, errors: fields.location.errors })}
          />
        </Field>
        <Field
          id={fields.description.id}
          label={t('incident.description')}
          errors={fields.description.errors}
        >
          <textarea
            {...getTextareaProps(fields.description)}
            rows={5}
            maxLength={LIMITS.text}
            {...describedBy(fields.description.id, { errors: fields.description.errors })}
          />
        </Field>
        <Field
          id={fields.rolesInvolved.id}
          label={t('incident.roles')}
          hint={t('incident.rolesHint')}
          errors={fields.rolesInvolved.errors}
        >
          <textarea
            {...getTextareaProps(fields.rolesInvolved)}
            rows={3}
            {...describedBy(fields.rolesInvolved.id, {
              hint: true,
              errors: fields.rolesInvolved.errors,
            })}
          />
        </Field>
        <Field
          id={fields.actionTaken.id}
          label={t('incident.actionTaken')}
          errors={fields.actionTaken.errors}
        >
          <textarea
            {...getTextareaProps(fields.actionTaken)}
            rows={4}
            maxLength={LIMITS.text}
            {...describedBy(fields.actionTaken.id, { errors: fields.actionTaken.errors })}
          />
        </Field>
        <div className="actions">
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('incident.submit')}
          </button>
          <Link to={`/proposals/${proposalId}/monitoring`}>{t('escalate.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
