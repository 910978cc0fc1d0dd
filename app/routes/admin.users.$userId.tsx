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
import { Trans, useTranslation } from 'react-i18next'
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
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { PersonChangeSchema, PersonRolesSchema } from '~/utils/people-schema'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data?.person.name, fixedT(metaLocale(matches), 'admin')('people.title'))

async function personFor(request: Request, userId: string | undefined) {
  const admin = await requireRole(request, 'admin')
  const person = isUuid(userId)
    ? await findUserInOrganisation(await getDb(), admin.organisationId, userId)
    : undefined
  if (!person) notFound(fixedT(await localeFor(request, admin), 'admin')('person.notFound'))
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
  const locale = await localeFor(request, admin)
  const t = fixedT(locale, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: PersonChangeSchema })
  if (submission.status !== 'success') return data({ roles: translateReply(submission.reply(), locale) }, { status: 400 })
  const change = submission.value
  const isSelf = person.id === admin.id
  const db = await getDb()
  // An administrator cannot lock themself out; another administrator must do it.
  if (change.intent === 'roles') {
    if (isSelf && !change.roles.includes('admin')) {
      const roles = submission.reply({
        fieldErrors: { roles: [t('person.ownAdminRole')] },
      })
      return data({ roles }, { status: 400 })
    }
    await updateUserRoles(db, admin.organisationId, person.id, change.roles)
    return { roles: submission.reply(), notice: t('person.rolesSaved') }
  }
  if (change.intent === 'resend-invitation' || change.intent === 'revoke-invitation' || change.intent === 'send-reset-link') {
    const { config } = await appContext()
    const settings = invitationSettings(config)
    if (change.intent === 'send-reset-link') {
      if (!person.active || person.passwordHash === null) {
        return data({ accessError: t('person.resetOnlyActive') }, { status: 400 })
      }
      await sendPasswordResetLink(db, admin.organisation, person, settings.mail)
      return { notice: t('person.resetSent', { email: person.email }) }
    }
    if (isSelf || !hasPendingInvitation(person)) {
      return data({ accessError: t('person.noInvitation') }, { status: 400 })
    }
    if (change.intent === 'resend-invitation') {
      await resendInvitation(db, admin.organisation, person, settings)
      return { notice: t('person.resent', { email: person.email }) }
    }
    await revokeInvitation(db, admin.organisationId, person)
    return { notice: t('person.revoked') }
  }
  if (isSelf && change.intent === 'deactivate') {
    return data({ accessError: t('person.ownAccount') }, { status: 400 })
  }
  const active = change.intent === 'reactivate'
  await setUserActive(db, admin.organisationId, person.id, active)
  return {
    notice: active ? t('person.reactivated') : t('person.deactivated'),
  }
}

function statusOf(person: { active: boolean; invited: boolean }) {
  if (person.invited) return person.active ? 'invited' : 'revoked'
  return person.active ? 'active' : 'deactivated'
}

export default function Person() {
  const { person, isSelf, invitationExpires } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
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
        <Link to="/admin/users">{t('person.back')}</Link>
      </p>
      <h1>{person.name}</h1>
      <p>
        {person.email} · <strong>{t(`people.${statusOf(person)}`)}</strong>
      </p>
      <div role="status">
        {actionData && 'notice' in actionData ? (
          <p className="notice success">{actionData.notice}</p>
        ) : null}
      </div>

      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">{t('person.rolesHeading')}</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="roles" />
          <FormErrors errors={form.errors} />
          <RoleCheckboxes field={fields.roles} />
          <button type="submit" disabled={busy}>
            {t('person.saveRoles')}
          </button>
        </Form>
      </section>

      {person.invited ? (
        <section aria-labelledby="invitation-heading" className="panel">
          <h2 id="invitation-heading">{t('person.invitationHeading')}</h2>
          <p>
            {person.active
              ? invitationExpires
                ? t('person.invitationUntil', { at: invitationExpires })
                : t('person.invitationGone')
              : t('person.invitationRevoked')}
          </p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="resend-invitation" disabled={busy}>
              {t('person.resend')}
            </button>
            {person.active ? (
              <button type="submit" name="intent" value="revoke-invitation" className="warning" disabled={busy}>
                {t('person.revoke')}
              </button>
            ) : null}
          </Form>
        </section>
      ) : person.active ? (
        <section aria-labelledby="password-heading" className="panel">
          <h2 id="password-heading">{t('person.passwordHeading')}</h2>
          <p>{t('person.passwordIntro')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="send-reset-link" disabled={busy}>
              {t('person.sendReset')}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="personal-data-heading" className="panel">
        <h2 id="personal-data-heading">{t('person.personalDataHeading')}</h2>
        <p>
          <Trans t={t} i18nKey="person.subjectAccess" values={{ name: person.name }} components={{ data: <Link to="data" /> }} />
        </p>
        <p>
          <Trans t={t} i18nKey="person.erasure" values={{ name: person.name }} components={{ erase: <Link to="erase" /> }} />
        </p>
      </section>

      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading">{t('person.accessHeading')}</h2>
        {actionData && 'accessError' in actionData ? (
          <FormErrors errors={[actionData.accessError]} />
        ) : null}
        {isSelf ? (
          <p>{t('person.cannotDeactivateSelf')}</p>
        ) : person.active ? (
          <Form method="post">
            <p>{t('person.deactivateIntro')}</p>
            <button
              type="submit"
              name="intent"
              value="deactivate"
              className="warning"
              disabled={busy}
            >
              {t('person.deactivate', { name: person.name })}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <p>{t('person.deactivatedIntro')}</p>
            <button type="submit" name="intent" value="reactivate" disabled={busy}>
              {t('person.reactivate', { name: person.name })}
            </button>
          </Form>
        )}
      </section>
    </>
  )
}
