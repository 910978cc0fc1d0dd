import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { getUser, safeRedirectTarget } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { SignInSchema } from '~/utils/sign-in-schema'
import { signIn } from '~/utils/sign-in.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Sign in')

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await formDataOf(request)
  const submission = parseWithZod(formData, { schema: SignInSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const result = await signIn(request, submission.value, context.clientAddress ?? 'unknown')
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ['password'] }), {
      status: result.status,
    })
  }
  throw redirect(safeRedirectTarget(formData.get('redirectTo')), {
    headers: { 'Set-Cookie': result.cookie },
  })
}

export default function Login() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sign-in',
    lastResult,
    constraint: getZodConstraint(SignInSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>Sign in</h1>
      <div role="status">
        {searchParams.get('password') === 'chosen' ? (
          <p className="notice success">Password set. Sign in with it now.</p>
        ) : searchParams.get('password') === 'reset' ? (
          <p className="notice success">
            Password changed. You have been signed out everywhere; sign in with the new one.
          </p>
        ) : null}
      </div>
      <p className="muted">Use the e-mail address your library service registered for you.</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <Field id={fields.email.id} label="E-mail address" errors={fields.email.errors}>
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="username"
            {...describedBy(fields.email.id, { errors: fields.email.errors })}
          />
        </Field>
        <Field id={fields.password.id} label="Password" errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="current-password"
            {...describedBy(fields.password.id, { errors: fields.password.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Sign in
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </>
  )
}
