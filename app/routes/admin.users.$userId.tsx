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
import { latestInvitation } from '#db/account-tokens.server'
import { invitationSettings } from '~/identity/invite-person.server'
import {
  hasPendingInvitation,
  resendInvitation,
  revokeInvitation,
} from '~/identity/manage-invitation.server'
import { sendPasswordResetLink } from '~/identity/request-password-reset.server'
import { appContext, getDb } from '~/utils/app-context.server'
import { isUuid } from '~/utils/ids'
import { notFound, requireRole } from '~/utils/auth.server'
import { localeFor } from '~/utils/i18n.server'
import { pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
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
  const invitation = hasPendingInvitation(person) ? await latestInvitation(await getDb(), person.id) : undefined
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles,
      active: person.active,
      invited: hasPendingInvitation(person),
      hasPassword: person.passwordHash !== null,
    },
    invitationExpires: invitation?.expiresAt.toISOString().replace('T', ' ').slice(0, 16) ?? null,
    isSelf: person.id === admin.id,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, person } = await personFor(request, params.userId)
  const submission = parseWithZod(await formDataOf(request), { schema: PersonChangeSchema })
  if (submission.status !== 'success') return data({ roles: translateReply(submission.reply(), await localeFor(request, admin)) }, { status: 400 })
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
  if (change.intent === 'resend-invitation' || change.intent === 'revoke-invitation' || change.intent === 'send-reset-link') {
    const { config } = await appContext()
    const settings = invitationSettings(config)
    if (change.intent === 'send-reset-link') {
      if (!person.active || person.passwordHash === null) {
        return data({ accessError: 'Only an active person with a password can be sent a reset link.' }, { status: 400 })
      }
      await sendPasswordResetLink(db, admin.organisation, person, settings.mail)
      return { notice: `A link to choose a new password, valid for an hour, was e-mailed to ${person.email}.` }
    }
    if (isSelf || !hasPendingInvitation(person)) {
      return data({ accessError: 'They have already set their password: there is no invitation to change.' }, { status: 400 })
    }
    if (change.intent === 'resend-invitation') {
      await resendInvitation(db, admin.organisation, person, settings)
      return { notice: `A new invitation was e-mailed to ${person.email}; earlier links no longer work.` }
    }
    await revokeInvitation(db, admin.organisationId, person)
    return { notice: 'Invitation revoked: the link no longer works. “Resend invitation” invites them again.' }
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

function statusOf(person: { active: boolean; invited: boolean }) {
  if (person.invited) return person.active ? 'Invited' : 'Invitation revoked'
  return person.active ? 'Active' : 'Deactivated'
}

export default function Person() {
  const { person, isSelf, invitationExpires } = useLoaderData<typeof loader>()
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
        {person.email} · <strong>{statusOf(person)}</strong>
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

      {person.invited ? (
        <section aria-labelledby="invitation-heading" className="panel">
          <h2 id="invitation-heading">Invitation</h2>
          <p>
            {person.active
              ? `They have not chosen a password yet. Their link ${invitationExpires ? `works until ${invitationExpires} UTC` : 'has gone'}.`
              : 'Their invitation was revoked.'}
          </p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="resend-invitation" disabled={busy}>
              Resend invitation
            </button>
            {person.active ? (
              <button type="submit" name="intent" value="revoke-invitation" className="warning" disabled={busy}>
                Revoke invitation
              </button>
            ) : null}
          </Form>
        </section>
      ) : person.active ? (
        <section aria-labelledby="password-heading" className="panel">
          <h2 id="password-heading">Password</h2>
          <p>
            Forgotten their password? Probity can e-mail them a link, valid for an hour, to choose a
            new one. You never see it.
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="send-reset-link" disabled={busy}>
              Send a password reset link
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="personal-data-heading" className="panel">
        <h2 id="personal-data-heading">Personal data</h2>
        <p>
          For a subject access request: <Link to="data">everything Probity holds about {person.name}</Link>, to
          read, print or download.
        </p>
        <p>
          For an erasure request: <Link to="erase">erase {person.name}</Link> (their name and e-mail address are
          replaced by a pseudonym).
        </p>
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
