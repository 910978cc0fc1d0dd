import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { findUserInOrganisation, setUserActive, updateUserRoles } from '#db/users.server'
import { FormErrors } from '~/components/forms'
import { RoleCheckboxes } from '~/components/role-checkboxes'
import { getDb } from '~/utils/app-context.server'
import { isUuid } from '~/utils/ids'
import { notFound, requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { PersonChangeSchema, PersonRolesSchema } from '~/utils/people-schema'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.person.name, 'People')

async function personFor(request: Request, userId: string | undefined) {
  const admin = await requireRole(request, 'admin')
  const person = isUuid(userId)
    ? await findUserInOrganisation(await getDb(), admin.organisationId, userId)
    : undefined
  if (!person) notFound('That person is not part of your library service.')
  return { admin, person }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person } = await personFor(request, params.userId)
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles,
      active: person.active,
    },
    isSelf: person.id === admin.id,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, person } = await personFor(request, params.userId)
  const submission = parseWithZod(await formDataOf(request), { schema: PersonChangeSchema })
  if (submission.status !== 'success') return data({ roles: submission.reply() }, { status: 400 })
  const change = submission.value
  const isSelf = person.id === admin.id
  const db = await getDb()
  // An administrator cannot lock themself out; another administrator must do it.
  if (change.intent === 'roles') {
    if (isSelf && !change.roles.includes('admin')) {
      const roles = submission.reply({
        fieldErrors: { roles: ['You cannot remove your own administrator role'] },
      })
      return data({ roles }, { status: 400 })
    }
    await updateUserRoles(db, admin.organisationId, person.id, change.roles)
    return { roles: submission.reply(), notice: 'Roles saved.' }
  }
  if (isSelf && change.intent === 'deactivate') {
    return data({ accessError: 'You cannot deactivate your own account.' }, { status: 400 })
  }
  const active = change.intent === 'reactivate'
  await setUserActive(db, admin.organisationId, person.id, active)
  return {
    notice: active
      ? 'Reactivated: they can sign in again.'
      : 'Deactivated: their sessions have ended and they can no longer sign in.',
  }
}

export default function Person() {
  const { person, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const [form, fields] = useForm({
    id: 'person-roles',
    lastResult: actionData && 'roles' in actionData ? actionData.roles : undefined,
    defaultValue: { roles: person.roles },
    constraint: getZodConstraint(PersonRolesSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonRolesSchema }),
    // Errors clear as they are fixed; on blur, the button would move under the pointer as they vanish.
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <p>
        <Link to="/admin/users">Back to people</Link>
      </p>
      <h1>{person.name}</h1>
      <p>
        {person.email} · <strong>{person.active ? 'Active' : 'Deactivated'}</strong>
      </p>
      <div role="status">
        {actionData && 'notice' in actionData ? (
          <p className="notice success">{actionData.notice}</p>
        ) : null}
      </div>

      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">Roles</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="roles" />
          <FormErrors errors={form.errors} />
          <RoleCheckboxes field={fields.roles} />
          <button type="submit" disabled={busy}>
            Save roles
          </button>
        </Form>
      </section>

      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading">Access</h2>
        {actionData && 'accessError' in actionData ? (
          <FormErrors errors={[actionData.accessError]} />
        ) : null}
        {isSelf ? (
          <p>You cannot deactivate your own account. Another administrator can.</p>
        ) : person.active ? (
          <Form method="post">
            <p>
              Deactivating ends their sessions at once and stops them signing in. Their records
              stay.
            </p>
            <button
              type="submit"
              name="intent"
              value="deactivate"
              className="warning"
              disabled={busy}
            >
              Deactivate {person.name}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <p>They cannot sign in while deactivated.</p>
            <button type="submit" name="intent" value="reactivate" disabled={busy}>
              Reactivate {person.name}
            </button>
          </Form>
        )}
      </section>
    </>
  )
}
