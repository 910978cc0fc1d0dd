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
import { refusalReply } from '~/workflow/refusal'
import { canEscalate, escalate } from '~/workflow/monitoring/escalation.server'
import { EscalateSchema } from '~/workflow/monitoring/forms'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'monitoring')
  return pageTitle(t('escalate.title'), t('page.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, proposal, snapshot } = await requireProposal(request, params)
  if (!canEscalate(snapshot, user)) {
    throw new Response(
      fixedT(await localeFor(request, user), 'monitoring')('escalate.notAllowed'),
      { status: 403 },
    )
  }
  return { proposalId: proposal.id, version: proposal.version }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: EscalateSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), await localeFor(request, user)), { status: 400 })
  const result = await escalate(db, {
    user,
    proposalId: proposal.id,
    reason: submission.value.reason,
    expectedVersion: submission.value.version,
  })
  if (!result.ok) return data(submission.reply(refusalReply(result)), { status: result.status })
  throw redirect(`/proposals/${proposal.id}/monitoring/reassessment`)
}

export default function Escalate() {
  const { proposalId, version } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'escalate',
    lastResult,
    constraint: getZodConstraint(EscalateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EscalateSchema }),
    shouldRevalidate: 'onBlur',
    defaultValue: { version: String(version) },
  })
  const { t } = useTranslation('monitoring')
  return (
    <>
      <h2>{t('escalate.title')}</h2>
      <p>{t('escalate.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input {...getInputProps(fields.version, { type: 'hidden' })} />
        <Field id={fields.reason.id} label={t('escalate.reason')} errors={fields.reason.errors}>
          <textarea
            {...getTextareaProps(fields.reason)}
            rows={5}
            maxLength={2000}
            {...describedBy(fields.reason.id, { errors: fields.reason.errors })}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="warning" disabled={navigation.state === 'submitting'}>
            {t('escalate.title')}
          </button>
          <Link to={`/proposals/${proposalId}/monitoring`}>{t('escalate.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}
