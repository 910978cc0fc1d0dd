import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { requestPasswordReset } from '~/identity/request-password-reset.server'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { formDataOf } from '~/utils/multipart.server'
import { ForgotPasswordSchema } from '~/utils/people-schema'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'auth')('forgot.title'))

export async function action({ request, context }: ActionFunctionArgs) {
  // Signed out: the visitor's language, with no database read.
  const locale = await localeFor(request, undefined)
  const t = fixedT(locale, 'auth')
  const submission = parseWithZod(await formDataOf(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return data({ result: translateReply(submission.reply(), locale), sent: null }, { status: 400 })
  const { config, database, secret } = await appContext()
  const answer = await requestPasswordReset(
    { db: database.db, secret, mail: mailSettings(config) },
    submission.value.email,
    context.clientAddress ?? 'unknown',
  )
  if (!answer.ok) {
    return data({ result: submission.reply({ formErrors: [t(answer.message)] }), sent: null }, { status: 429 })
  }
  // The same answer for every address: it must not tell who has an account.
  return { result: submission.reply({ resetForm: true }), sent: t(answer.message) }
}

export default function ForgotPassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ForgotPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('forgot.title')}</h1>
      <div role="status">{actionData?.sent ? <p className="notice success">{actionData.sent}</p> : null}</div>
      <p>{t('forgot.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.email.id} label={t('forgot.email')} errors={fields.email.errors}>
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="username"
            {...describedBy(fields.email.id, { errors: fields.email.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('forgot.submit')}
        </button>
      </Form>
      <p>
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </>
  )
}
