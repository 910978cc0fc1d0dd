import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { requestPasswordReset } from '~/identity/request-password-reset.server'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { ForgotPasswordSchema } from '~/utils/people-schema'

export const meta: MetaFunction = () => pageTitle('Forgot your password?')

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await formDataOf(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: null }, { status: 400 })
  const { config, database, secret } = await appContext()
  const answer = await requestPasswordReset(
    { db: database.db, secret, mail: mailSettings(config) },
    submission.value.email,
    context.clientAddress ?? 'unknown',
  )
  if (!answer.ok) {
    return data({ result: submission.reply({ formErrors: [answer.message] }), sent: null }, { status: 429 })
  }
  // The same answer for every address: it must not tell who has an account.
  return { result: submission.reply({ resetForm: true }), sent: answer.message }
}

export default function ForgotPassword() {
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
      <h1>Forgot your password?</h1>
      <div role="status">{actionData?.sent ? <p className="notice success">{actionData.sent}</p> : null}</div>
      <p>Enter the e-mail address you sign in with. We will e-mail you a link to choose a new password.</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.email.id} label="E-mail address" errors={fields.email.errors}>
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="username"
            {...describedBy(fields.email.id, { errors: fields.email.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Send me a link
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  )
}
