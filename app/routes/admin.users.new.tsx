import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { RoleCheckboxes } from '~/components/role-checkboxes'
import { invitationSettings, invitePerson } from '~/identity/invite-person.server'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { NewPersonSchema } from '~/utils/people-schema'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(t('addPerson.title'), t('people.title'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { invitationDays: (await appContext()).config.INVITATION_TTL_DAYS }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  const submission = parseWithZod(await formDataOf(request), { schema: NewPersonSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
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
        fieldErrors: { email: [fixedT(locale, 'admin')('addPerson.emailTaken')] },
      }),
      { status: 400 },
    )
  }
  throw redirect(`/admin/users/${invited.userId}`)
}

export default function AddPerson() {
  const { t } = useTranslation('admin')
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
        <Link to="/admin/users">{t('addPerson.back')}</Link>
      </p>
      <h1>{t('addPerson.title')}</h1>
      <p>
        <Trans t={t} i18nKey="addPerson.many" components={{ import: <Link to="/admin/users/import" /> }} />
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.name.id} label={t('addPerson.name')} errors={fields.name.errors}>
          <input
            {...getInputProps(fields.name, { type: 'text' })}
            autoComplete="off"
            {...describedBy(fields.name.id, { errors: fields.name.errors })}
          />
        </Field>
        <Field
          id={fields.email.id}
          label={t('addPerson.email')}
          hint={t('addPerson.emailHint')}
          errors={fields.email.errors}
        >
          <input
            {...getInputProps(fields.email, { type: 'email' })}
            autoComplete="off"
            {...describedBy(fields.email.id, { hint: true, errors: fields.email.errors })}
          />
        </Field>
        <RoleCheckboxes field={fields.roles} />
        <p className="hint">{t('addPerson.link', { count: invitationDays })}</p>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('addPerson.submit')}
        </button>
      </Form>
    </>
  )
}
