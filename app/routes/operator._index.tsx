import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { listLibraryServices, setLibraryServiceActive } from '#db/organisations.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { createLibraryService } from '~/identity/create-library-service.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { appContext } from '~/utils/app-context.server'
import { requireOperator } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { isUuid } from '~/utils/ids'
import { metaLocale, pageTitle } from '~/utils/meta'
import { vm } from '~/utils/validation-message'
import { formDataOf } from '~/utils/multipart.server'
import { NewServiceSchema } from '~/utils/people-schema'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'admin')('operator.title'))

/** What an operator sees of a service: its name, address, size and status. No records. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOperator(request)
  const services = await listLibraryServices((await appContext()).database.db)
  return {
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      active: s.active,
      people: s.people,
      since: s.createdAt.toISOString().slice(0, 10),
    })),
  }
}

const StatusSchema = z.object({
  intent: z.enum(['deactivate', 'reactivate']),
  serviceId: z.string().refine(isUuid, vm('admin.chooseService')),
})

export async function action({ request }: ActionFunctionArgs) {
  const operator = await requireOperator(request)
  const form = await formDataOf(request)
  const { config, database } = await appContext()
  const locale = await localeFor(request, operator)
  const t = fixedT(locale, 'admin')
  if (form.get('intent') !== 'create') {
    const status = StatusSchema.safeParse(Object.fromEntries(form))
    if (!status.success) return data({ statusError: t('operator.chooseService') }, { status: 400 })
    const active = status.data.intent === 'reactivate'
    const service = await setLibraryServiceActive(database.db, status.data.serviceId, active)
    if (!service) return data({ statusError: t('operator.noService') }, { status: 404 })
    return { notice: t(active ? 'operator.reactivated' : 'operator.deactivated', { service: service.name }) }
  }
  const submission = parseWithZod(form, { schema: NewServiceSchema })
  if (submission.status !== 'success') return data({ result: translateReply(submission.reply(), locale) }, { status: 400 })
  const { serviceName, adminName, adminEmail } = submission.value
  const created = await createLibraryService(
    database.db,
    { name: serviceName, admin: { name: adminName, email: adminEmail } },
    invitationSettings(config),
  )
  if (!created.ok) {
    const fieldErrors = { adminEmail: [t('operator.emailTaken')] }
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return {
    result: submission.reply({ resetForm: true }),
    notice: t('operator.created', {
      service: serviceName,
      admin: adminName,
      at: created.link!.expiresAt.toISOString().replace('T', ' ').slice(0, 16),
    }),
    // Without a mail server nothing is sent: the operator passes the link on themself.
    link: config.SMTP_URL ? undefined : created.link!.url,
  }
}

export default function Services() {
  const { services } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const [form, fields] = useForm({
    id: 'new-service',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(NewServiceSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewServiceSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('operator.title')}</h1>
      <p className="muted">{t('operator.intro')}</p>
      <div role="status">
        {actionData && 'notice' in actionData ? <p className="notice success">{actionData.notice}</p> : null}
        {actionData && 'link' in actionData && actionData.link ? (
          <p>
            {t('operator.noMailServer')}{' '}
            <code>{actionData.link}</code>
          </p>
        ) : null}
      </div>
      {actionData && 'statusError' in actionData ? <FormErrors errors={[actionData.statusError]} /> : null}
      <table>
        <caption>{t('operator.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operator.name')}</th>
            <th scope="col">{t('operator.slug')}</th>
            <th scope="col">{t('operator.people')}</th>
            <th scope="col">{t('operator.since')}</th>
            <th scope="col">{t('operator.status')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.slug}</td>
              <td>{s.people}</td>
              <td>{s.since}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="serviceId" value={s.id} />
                  {s.active ? t('operator.active') : t('operator.inactive')}{' '}
                  <button
                    type="submit"
                    name="intent"
                    value={s.active ? 'deactivate' : 'reactivate'}
                    className={s.active ? 'warning' : undefined}
                    disabled={busy}
                  >
                    {t(s.active ? 'operator.deactivate' : 'operator.reactivate', { service: s.name })}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">{t('operator.addHeading')}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="create" />
          <FormErrors errors={form.errors} />
          <Field id={fields.serviceName.id} label={t('operator.serviceName')} errors={fields.serviceName.errors}>
            <input
              {...getInputProps(fields.serviceName, { type: 'text' })}
              autoComplete="off"
              {...describedBy(fields.serviceName.id, { errors: fields.serviceName.errors })}
            />
          </Field>
          <Field id={fields.adminName.id} label={t('operator.adminName')} errors={fields.adminName.errors}>
            <input
              {...getInputProps(fields.adminName, { type: 'text' })}
              autoComplete="off"
              {...describedBy(fields.adminName.id, { errors: fields.adminName.errors })}
            />
          </Field>
          <Field
            id={fields.adminEmail.id}
            label={t('operator.adminEmail')}
            hint={t('operator.adminEmailHint')}
            errors={fields.adminEmail.errors}
          >
            <input
              {...getInputProps(fields.adminEmail, { type: 'email' })}
              autoComplete="off"
              {...describedBy(fields.adminEmail.id, { hint: true, errors: fields.adminEmail.errors })}
            />
          </Field>
          <button type="submit" disabled={busy}>
            {t('operator.submit')}
          </button>
        </Form>
      </section>
    </>
  )
}
