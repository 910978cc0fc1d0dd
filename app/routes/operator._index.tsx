import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import { listLibraryServices, setLibraryServiceActive } from '#db/organisations.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { createLibraryService } from '~/identity/create-library-service.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { appContext } from '~/utils/app-context.server'
import { requireOperator } from '~/utils/auth.server'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { isUuid } from '~/utils/ids'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { NewServiceSchema } from '~/utils/people-schema'

export const meta: MetaFunction = () => pageTitle('Library services')

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
  serviceId: z.string().refine(isUuid, 'Choose a library service'),
})

export async function action({ request }: ActionFunctionArgs) {
  const operator = await requireOperator(request)
  const form = await formDataOf(request)
  const { config, database } = await appContext()
  if (form.get('intent') !== 'create') {
    const status = StatusSchema.safeParse(Object.fromEntries(form))
    if (!status.success) return data({ statusError: 'Choose a library service.' }, { status: 400 })
    const active = status.data.intent === 'reactivate'
    const service = await setLibraryServiceActive(database.db, status.data.serviceId, active)
    if (!service) return data({ statusError: 'That library service does not exist.' }, { status: 404 })
    return {
      notice: active
        ? `${service.name} is active again: its people can sign in.`
        : `${service.name} is deactivated: its people have been signed out and cannot sign in. Its records stay.`,
    }
  }
  const submission = parseWithZod(form, { schema: NewServiceSchema })
  if (submission.status !== 'success') return data({ result: translateReply(submission.reply(), await localeFor(request, operator)) }, { status: 400 })
  const { serviceName, adminName, adminEmail } = submission.value
  const created = await createLibraryService(
    database.db,
    { name: serviceName, admin: { name: adminName, email: adminEmail } },
    invitationSettings(config),
  )
  if (!created.ok) {
    const fieldErrors = { adminEmail: ['Someone already has an account with this e-mail address'] }
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return {
    result: submission.reply({ resetForm: true }),
    notice: `${serviceName} created. ${adminName} has been e-mailed a link, valid until ${created.link!.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, to choose their password.`,
    // Without a mail server nothing is sent: the operator passes the link on themself.
    link: config.SMTP_URL ? undefined : created.link!.url,
  }
}

export default function Services() {
  const { services } = useLoaderData<typeof loader>()
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
      <h1>Library services</h1>
      <p className="muted">
        As an operator you add and deactivate library services. Their proposals, reviews, concerns
        and decisions are theirs alone: you see none of them.
      </p>
      <div role="status">
        {actionData && 'notice' in actionData ? <p className="notice success">{actionData.notice}</p> : null}
        {actionData && 'link' in actionData && actionData.link ? (
          <p>
            No mail server is configured. Send this one-time link to the administrator yourself:{' '}
            <code>{actionData.link}</code>
          </p>
        ) : null}
      </div>
      {actionData && 'statusError' in actionData ? <FormErrors errors={[actionData.statusError]} /> : null}
      <table>
        <caption>Library services on this Probity</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address name</th>
            <th scope="col">People</th>
            <th scope="col">Since</th>
            <th scope="col">Status</th>
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
                  {s.active ? 'Active ' : 'Deactivated '}
                  <button
                    type="submit"
                    name="intent"
                    value={s.active ? 'deactivate' : 'reactivate'}
                    className={s.active ? 'warning' : undefined}
                    disabled={busy}
                  >
                    {s.active ? `Deactivate ${s.name}` : `Reactivate ${s.name}`}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">Add a library service</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="create" />
          <FormErrors errors={form.errors} />
          <Field id={fields.serviceName.id} label="Library service’s name" errors={fields.serviceName.errors}>
            <input
              {...getInputProps(fields.serviceName, { type: 'text' })}
              autoComplete="off"
              {...describedBy(fields.serviceName.id, { errors: fields.serviceName.errors })}
            />
          </Field>
          <Field id={fields.adminName.id} label="Its administrator’s full name" errors={fields.adminName.errors}>
            <input
              {...getInputProps(fields.adminName, { type: 'text' })}
              autoComplete="off"
              {...describedBy(fields.adminName.id, { errors: fields.adminName.errors })}
            />
          </Field>
          <Field
            id={fields.adminEmail.id}
            label="Its administrator’s e-mail address"
            hint="They are e-mailed a link to choose their own password."
            errors={fields.adminEmail.errors}
          >
            <input
              {...getInputProps(fields.adminEmail, { type: 'email' })}
              autoComplete="off"
              {...describedBy(fields.adminEmail.id, { hint: true, errors: fields.adminEmail.errors })}
            />
          </Field>
          <button type="submit" disabled={busy}>
            Add the library service
          </button>
        </Form>
      </section>
    </>
  )
}
