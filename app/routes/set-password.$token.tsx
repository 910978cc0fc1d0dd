import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { inspectAccountLink, setPasswordWithLink, type LinkState } from '~/identity/set-password-with-link.server'
import { getDb } from '~/utils/app-context.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { MIN_PASSWORD_LENGTH, SetPasswordSchema } from '~/utils/people-schema'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.state === 'valid' ? 'Choose your password' : 'This link does not work')

const REASONS = {
  expired: 'This link has expired.',
  used: 'This link has already been used: each link works once.',
  unknown: 'This link is not one Probity sent, or it was replaced by a newer one.',
} as const

// Spent, expired and forged links read the same to a visitor but for the reason, and answer 410 or 404.
function unusable(link: Exclude<LinkState, { state: 'valid' }>) {
  return data({ ...link, message: REASONS[link.state] }, { status: link.state === 'unknown' ? 404 : 410 })
}

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await inspectAccountLink(await getDb(), params.token ?? '')
  if (link.state !== 'valid') return unusable(link)
  return link
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb()
  const token = params.token ?? ''
  const link = await inspectAccountLink(db, token)
  if (link.state !== 'valid') return unusable(link)
  const submission = parseWithZod(await formDataOf(request), { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  if (!(await setPasswordWithLink(db, token, submission.value.password))) {
    return unusable({ state: 'used', purpose: link.purpose })
  }
  throw redirect(`/login?password=${link.purpose === 'invitation' ? 'chosen' : 'reset'}`)
}

function Unusable({ link }: { link: Exclude<LinkState, { state: 'valid' }> }) {
  const reason = REASONS[link.state]
  return (
    <>
      <h1>This link does not work</h1>
      <p>{reason}</p>
      {link.purpose === 'invitation' ? (
        <p>Ask your library service’s administrator to send you a new invitation.</p>
      ) : null}
      <p>
        If you already have a password, <Link to="/forgot-password">ask for a new link to reset it</Link>{' '}
        or <Link to="/login">sign in</Link>.
      </p>
    </>
  )
}

export default function SetPassword() {
  const link = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const lastResult = actionData && 'result' in actionData ? actionData.result : undefined
  const [form, fields] = useForm({
    id: 'set-password',
    lastResult,
    constraint: getZodConstraint(SetPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  if (actionData && !('result' in actionData)) return <Unusable link={actionData} />
  if (link.state !== 'valid') return <Unusable link={link} />
  return (
    <>
      <h1>Choose your password</h1>
      <p>
        {link.name}, {link.purpose === 'invitation' ? 'welcome to Probity at' : 'this resets your password at'}{' '}
        {link.organisationName}. You will sign in with <strong>{link.email}</strong>.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={link.email} />
        <Field
          id={fields.password.id}
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="new-password"
            {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Set password
        </button>
      </Form>
    </>
  )
}
