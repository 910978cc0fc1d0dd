import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { stageLabel } from '#machines/vocabulary/labels'
import { Trans, useTranslation } from 'react-i18next'
import { useCategoryLabel, useEndorsementText, usePageLocale } from '~/components/consultation'
import { fixedT } from '~/utils/i18n'
import { vm } from '~/utils/validation-message'
import { formatDate } from '~/utils/calendar'
import { lookUpHeldReceipt, lookUpReceipt } from '~/workflow/consultation/concerns.server'
import { ReceiptLookupSchema } from '~/workflow/consultation/forms'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(fixedT(metaLocale(matches), 'consultation')('receipt.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

/**
 * Posted, never in the address: a receipt code must not reach browser history,
 * server logs or a Referer header. Nothing about a lookup is recorded.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await formDataOf(request), { schema: ReceiptLookupSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), concern: null, held: null }, { status: 400 })
  const db = await getDb()
  const concern = await lookUpReceipt(db, user.organisationId, submission.value.code)
  const held = concern ? null : await lookUpHeldReceipt(db, user.organisationId, submission.value.code)
  if (held) return { result: submission.reply(), concern: null, held }
  if (!concern) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { code: [vm('consultation.receiptNotFound')] },
        }),
        concern: null,
        held: null,
      },
      { status: 404 },
    )
  }
  return { result: submission.reply(), concern, held: null }
}

export default function ReceiptLookup() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'receipt',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ReceiptLookupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReceiptLookupSchema }),
  })
  const concern = actionData?.concern
  const held = actionData?.held
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const categoryLabel = useCategoryLabel()
  const endorsementText = useEndorsementText()
  return (
    <>
      <h1>{t('receipt.title')}</h1>
      <p>{t('receipt.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field
          id={fields.code.id}
          label={t('receipt.code')}
          hint={t('receipt.codeHint')}
          errors={fields.code.errors}
        >
          <input
            {...getInputProps(fields.code, { type: 'text' })}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            {...describedBy(fields.code.id, { hint: true, errors: fields.code.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('receipt.submit')}
        </button>
      </Form>
      {held ? (
        <section aria-labelledby="held-heading" className="panel" role="status">
          <h2 id="held-heading">{t('receipt.heading', { title: held.proposal.title })}</h2>
          <p className="muted">
            {held.proposal.reference} · {held.category ? categoryLabel(held.category) : null} ·{' '}
            {t('receipt.written', { date: formatDate(held.heldOn, locale) })} · {t('receipt.waiting')}
          </p>
          <p className="prewrap">{held.text}</p>
          <p>
            <Trans t={t} i18nKey="receipt.held" components={{ release: <Link to="/anonymity" /> }} />
          </p>
        </section>
      ) : null}
      {concern ? (
        <section aria-labelledby="found-heading" className="panel" role="status">
          <h2 id="found-heading">{t('receipt.heading', { title: concern.proposal.title })}</h2>
          <p className="muted">
            {concern.proposal.reference} · {stageLabel(concern.proposal.stage)} · {categoryLabel(concern.category)} ·{' '}
            {t('receipt.raised', { date: formatDate(concern.raisedOn, locale) })} ·{' '}
            {endorsementText({ endorsements: concern.endorsements, endorsers: [] })}
          </p>
          <p className="prewrap">{concern.text}</p>
          {concern.hiddenReason !== null ? (
            <p className="notice warning">{t('receipt.hidden', { reason: concern.hiddenReason })}</p>
          ) : null}
          {concern.response !== null ? (
            <>
              <h3>
                {concern.respondedOn
                  ? t('concern.responseOn', { date: formatDate(concern.respondedOn, locale) })
                  : t('concern.response')}
              </h3>
              <p className="prewrap">{concern.response}</p>
              {concern.responseCondition ? (
                <p>
                  <strong>{t('concern.conditionLabel')}</strong> {concern.responseCondition}
                </p>
              ) : null}
            </>
          ) : concern.hiddenReason === null ? (
            <p>{t('receipt.noResponse')}</p>
          ) : null}
          <p>
            <Link to={`/proposals/${concern.proposal.id}/consultation`}>{t('receipt.goToConsultation')}</Link>
          </p>
        </section>
      ) : null}
    </>
  )
}
