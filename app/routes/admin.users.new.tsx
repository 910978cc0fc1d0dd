import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { insertUserIfEmailFree } from '#db/users.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { RoleCheckboxes } from '~/components/role-checkboxes'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { hashPassword } from '~/utils/password.server'
import { MIN_PASSWORD_LENGTH, NewPersonSchema } from '~/utils/people-schema'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Add a person', 'People')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: NewPersonSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { name, email, roles, password } = submission.value
  const id = await insertUserIfEmailFree(await getDb(), {
    organisationId: admin.organisationId,
    name,
    email,
    roles,
    passwordHash: await hashPassword(password),
  })
  if (!id) {
    return data(
      submission.reply({
        fieldErrors: { email: ['Someone already has an account with this e-mail address'] },
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  throw redirect(`/admin/users/${id}`)
}

export default function AddPerson() {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'add-person',
    lastResult,
    constraint: getZodConstraint(NewPersonSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPersonSchema }),
    // Errors clear as they are fixed; on blur, the button would move under the pointer as they vanish.
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <p>
        <Link to="/admin/users">Back to people</Link>
      </p>
      <h1>Add a person</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.name.id} label="Full name" errors={fields.name.errors}>
          <input
            {...getInputProps(fields.name, { type: 'text' })}
            autoComplete="off"
            {...describedBy(fields.name.id, { errors: fields.name.errors })}
          />
        </Field>
        <Field
          id={fields.email.id}
          label="E-mail address"
          hint="They sign in with it."
          errors={fields.email.errors}
        >
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="off"
            {...describedBy(fields.email.id, { hint: true, errors: fields.email.errors })}
          />
        </Field>
        <RoleCheckboxes field={fields.roles} />
        <Field
          id={fields.password.id}
          label="Initial password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to them privately; they can change it under “Change password”.`}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="new-password"
            {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Add person
        </button>
      </Form>
    </>
  )
}
