import { getFormProps, getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { z } from 'zod'
import { ConcernCard } from '~/components/consultation'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { notFound } from '~/utils/auth.server'
import { isUuid } from '~/utils/ids'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useTranslation } from 'react-i18next'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { useIntentForm, type IntentReply } from '~/utils/use-intent-form'
import { hideConcern, respondToConcern } from '~/workflow/consultation/concerns.server'
import { HideSchema, LIMITS, RespondSchema } from '~/workflow/consultation/forms'
import { getConsultationView } from '~/workflow/consultation/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'consultation')
  return pageTitle(data ? t('concernPage.title', { number: data.number }) : t('concernPage.titleUnknown'), t('page.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  if (!isUuid(params.concernId)) notFound(fixedT(await getLocale(request), 'common')('notFound.concern'))
  const { secret } = await appContext()
  const view = await getConsultationView(db, {
    proposal,
    snapshot,
    user,
    secret,
    bodyName: user.organisation.settings.professionalBodyName,
  })
  const index = view.concerns.findIndex((c) => c.id === params.concernId)
  if (index < 0) notFound(fixedT(await getLocale(request), 'common')('notFound.concern'))
  // Answering and hiding are the proposer's; everyone reads concerns on the consultation page.
  if (!view.isProposer)
    throw redirect(`/proposals/${proposal.id}/consultation#concern-${params.concernId}`)
  return { proposalId: proposal.id, concern: view.concerns[index]!, number: index + 1 }
}

const ConcernActionSchema = z.discriminatedUnion('intent', [RespondSchema, HideSchema])
type Reply = IntentReply

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const formData = await formDataOf(request)
  // The concern is the one in the address, whatever the form says.
  formData.set('concernId', params.concernId ?? '')
  const submission = parseWithZod(formData, { schema: ConcernActionSchema })
  if (submission.status !== 'success') {
    return data<Reply>(
      { intent: String(formData.get('intent') ?? ''), result: submission.reply() },
      { status: 400 },
    )
  }
  const v = submission.value
  const base = { user, proposalId: proposal.id, concernId: v.concernId, locale: await getLocale(request) }
  const result =
    v.intent === 'concern.respond'
      ? await respondToConcern(db, { ...base, response: v.response, condition: v.condition })
      : await hideConcern(db, { ...base, reason: v.reason })
  if (!result.ok)
    return data<Reply>(
      { intent: v.intent, result: submission.reply({ formErrors: [result.message] }) },
      { status: result.status },
    )
  throw redirect(`/proposals/${proposal.id}/consultation#concern-${v.concernId}`)
}

// The action takes the concern from the address; the hidden concernId is there
// for the shared schema, which checks the form in the browser before it is sent.
function RespondForm({ concernId, number }: { concernId: string; number: number }) {
  const navigation = useNavigation()
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(RespondSchema, {
    id: 'respond',
    intent: 'concern.respond',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack panel">
      <h3>{t('concernPage.respondHeading')}</h3>
      <p>{t('concernPage.respondIntro')}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="concern.respond" />
      <input type="hidden" name="concernId" value={concernId} />
      <Field
        id={fields.response.id}
        label={t('concernPage.response', { number })}
        errors={fields.response.errors}
      >
        <textarea
          {...getTextareaProps(fields.response)}
          rows={6}
          maxLength={LIMITS.response}
          {...describedBy(fields.response.id, { errors: fields.response.errors })}
        />
      </Field>
      <Field
        id={fields.condition.id}
        label={t('concernPage.condition')}
        hint={t('concernPage.conditionHint')}
        errors={fields.condition.errors}
      >
        <textarea
          {...getTextareaProps(fields.condition)}
          rows={2}
          maxLength={LIMITS.recommendation}
          {...describedBy(fields.condition.id, { hint: true, errors: fields.condition.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('concernPage.respondSubmit')}
      </button>
    </Form>
  )
}

function HideForm({ concernId }: { concernId: string }) {
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(HideSchema, {
    id: 'hide',
    intent: 'concern.hide',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{t('concernPage.hideHeading')}</h3>
      <p>{t('concernPage.hideIntro')}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="concern.hide" />
      <input type="hidden" name="concernId" value={concernId} />
      <Field id={fields.reason.id} label={t('concernPage.reason')} errors={fields.reason.errors}>
        <textarea
          {...getTextareaProps(fields.reason)}
          rows={3}
          maxLength={LIMITS.reason}
          {...describedBy(fields.reason.id, { errors: fields.reason.errors })}
        />
      </Field>
      <button type="submit" className="warning">
        {t('concernPage.hideSubmit')}
      </button>
    </Form>
  )
}

export default function ConcernPage() {
  const { proposalId, concern, number } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultation')
  return (
    <>
      <p>
        <Link to={`/proposals/${proposalId}/consultation#concerns`}>{t('concernPage.back')}</Link>
      </p>
      <h2>{t('concernPage.title', { number })}</h2>
      <ConcernCard concern={concern} number={number} headingLevel={3} />
      {concern.can.respond ? <RespondForm concernId={concern.id} number={number} /> : null}
      {concern.can.hide ? <HideForm concernId={concern.id} /> : null}
    </>
  )
}
