import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { findSsoConfig } from '#db/sso.server'
import { findOrganisation } from '#db/users.server'
import { ChoiceGroup, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { ROLE_LABELS } from '#machines/vocabulary/roles'
import { callbackUrl } from '~/utils/sso/client.server'
import { saveSsoSettings } from '~/utils/sso/save-settings.server'
import { FIRST_SIGN_IN_ROLES, SsoSettingsSchema } from '~/utils/sso/settings-schema'
import { formatDateTime } from '~/pdf/sections'

export const meta: MetaFunction = () => pageTitle('Single sign-on', 'Administration')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { database, config } = await appContext()
  const [sso, organisation] = await Promise.all([
    findSsoConfig(database.db, admin.organisationId),
    findOrganisation(database.db, admin.organisationId),
  ])
  return {
    organisation: { name: organisation!.name, slug: organisation!.slug },
    callbackUrl: callbackUrl(config.publicUrl),
    signInUrl: `${config.publicUrl}/login?service=${encodeURIComponent(organisation!.slug)}`,
    // The secret itself never leaves the server: the page learns only whether one is stored.
    secretSet: Boolean(sso?.clientSecretSealed),
    workedAt: sso?.workedAt ?? null,
    defaults: sso
      ? {
          providerName: sso.providerName,
          issuer: sso.issuer,
          clientId: sso.clientId,
          allowedDomains: sso.allowedDomains.join(', '),
          defaultRole: sso.defaultRole,
          enabled: sso.enabled,
          passwordsOff: sso.passwordsOff,
        }
      : { defaultRole: 'staff', enabled: true, passwordsOff: false },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: SsoSettingsSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['clientSecret'] }), { status: 400 })
  const { database, config, secret } = await appContext()
  const saved = await saveSsoSettings(database.db, { config, secret }, admin.organisationId, submission.value)
  if (!saved.ok) {
    return data(submission.reply({ fieldErrors: { [saved.field]: [saved.message] }, hideFields: ['clientSecret'] }), { status: 400 })
  }
  throw redirect('/admin/sso?saved=1')
}

export default function SingleSignOn() {
  const { organisation, callbackUrl, signInUrl, secretSet, workedAt, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'sso',
    lastResult,
    // The secret is never sent to the page: its field starts empty.
    defaultValue: { ...defaults, clientSecret: '' },
    constraint: getZodConstraint(SsoSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoSettingsSchema }),
    shouldRevalidate: 'onBlur',
  })
  const checkbox = (field: typeof fields.enabled, label: string, hint: string) => (
    <div className="field">
      <div className="choice">
        <input {...getInputProps(field, { type: 'checkbox' })} {...describedBy(field.id, { hint: true, errors: field.errors })} />
        <label htmlFor={field.id}>{label}</label>
      </div>
      <span className="hint" id={`${field.id}-hint`}>
        {hint}
      </span>
      <ErrorList id={`${field.id}-error`} errors={field.errors} />
    </div>
  )
  return (
    <>
      <h1>Single sign-on</h1>
      <p className="muted">
        Let people of {organisation.name} sign in with their work account, through an OpenID Connect identity provider
        such as Microsoft Entra ID or Google Workspace. The README lists the settings for each.
      </p>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          Single sign-on settings saved.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Redirect URI to register with the provider</dt>
        <dd>
          <code>{callbackUrl}</code>
        </dd>
        <dt>Sign-in address for your people</dt>
        <dd>
          <code>{signInUrl}</code>
        </dd>
        <dt>Has it worked?</dt>
        <dd>{workedAt ? `Yes: last sign-in through it ${formatDateTime(workedAt)}.` : 'Not yet with these settings.'}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <TextField field={fields.providerName} label="Identity provider’s name" hint="Shown on the sign-in button, e.g. Microsoft Entra ID." />
        <TextField field={fields.issuer} label="Issuer URL" hint="For Entra ID: https://login.microsoftonline.com/<tenant ID>/v2.0. For Google: https://accounts.google.com." />
        <TextField field={fields.clientId} label="Client ID" hint="The application (client) ID the provider gave Probity." />
        <Field
          id={fields.clientSecret.id}
          label="Client secret"
          hint={secretSet ? 'A secret is set. Leave this empty to keep it, or enter a new one to replace it.' : 'Not set. Enter the secret the provider gave Probity.'}
          errors={fields.clientSecret.errors}
        >
          <input
            {...getInputProps(fields.clientSecret, { type: 'password' })}
            autoComplete="off"
            {...describedBy(fields.clientSecret.id, { hint: true, errors: fields.clientSecret.errors })}
          />
        </Field>
        <TextAreaField
          field={fields.allowedDomains}
          label="Allowed e-mail domains"
          hint="Only people whose verified e-mail address is in one of these domains may sign in, e.g. fairhaven.gov.uk. Separate them with commas or new lines."
          rows={2}
        />
        <ChoiceGroup
          field={fields.defaultRole}
          legend="Role for people signing in for the first time"
          hint="They are added with this role and administrators are told; give other roles under People."
          type="radio"
          options={FIRST_SIGN_IN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        {checkbox(fields.enabled, 'Single sign-on is on', 'When off, the sign-in page does not offer it and people sign in with passwords.')}
        {checkbox(
          fields.passwordsOff,
          'Switch passwords off',
          'People of this service then sign in through the identity provider only. Administrators keep their passwords, so that a broken provider never locks the service out. Possible only once single sign-on has worked with these settings.',
        )}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Save single sign-on
        </button>
      </Form>
    </>
  )
}
