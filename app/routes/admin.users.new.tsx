import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { RoleCheckboxes } from '~/components/role-checkboxes'
import { invitationSettings, invitePerson } from '~/identity/invite-person.server'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { NewPersonSchema } from '~/utils/people-schema'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Add a person', 'People')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { invitationDays: (await appContext()).config.INVITATION_TTL_DAYS }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: NewPersonSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { config, database } = await appContext()
  const invited = await invitePerson(
    database.db,
    admin.organisation,
    submission.value,
    invitationSettings(config),
  )
  if (!invited) {
    return data(
      submission.reply({
        fieldErrors: { email: ['Someone already has an account with this e-mail address'] },
      }),
      { status: 400 },
    )
  }
  throw redirect(`/admin/users/${invited.userId}`)
}

export default function AddPerson() {
  const { invitationDays } = useLoaderData<typeof loader>()
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
      <p>
        Many people at once? <Link to="/admin/users/import">Import them from a CSV file</Link>.
      </p>
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
        <p className="hint">
          Probity e-mails them a link, valid for {invitationDays} days, with which they choose
          their own password.
        </p>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Send invitation
        </button>
      </Form>
    </>
  )
}
