import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findSsoConfig } from '#db/sso.server'
import { findOrganisation } from '#db/users.server'
import { ChoiceGroup, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { formatDateTime } from '~/utils/calendar'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { translateReply } from '~/utils/translate-reply'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { callbackUrl } from '~/utils/sso/client.server'
import { saveSsoSettings } from '~/utils/sso/save-settings.server'
import { FIRST_SIGN_IN_ROLES, SsoSettingsSchema } from '~/utils/sso/settings-schema'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(t('sso.title'), t('administration'))
}

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
  const locale = await localeFor(request, admin)
  if (submission.status !== 'success') return data(translateReply(submission.reply({ hideFields: ['clientSecret'] }), locale), { status: 400 })
  const { database, config, secret } = await appContext()
  const saved = await saveSsoSettings(database.db, { config, secret }, admin.organisationId, submission.value)
  if (!saved.ok) {
    return data(translateReply(submission.reply({ fieldErrors: { [saved.field]: [saved.message] }, hideFields: ['clientSecret'] }), locale), {
      status: 400,
    })
  }
  throw redirect('/admin/sso?saved=1')
}

export default function SingleSignOn() {
  const { organisation, callbackUrl, signInUrl, secretSet, workedAt, defaults } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const locale = useLocale()
  const label = useVocabulary()
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
      <h1>{t('sso.title')}</h1>
      <p className="muted">{t('sso.intro', { service: organisation.name })}</p>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          {t('sso.saved')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('sso.redirectUri')}</dt>
        <dd>
          <code>{callbackUrl}</code>
        </dd>
        <dt>{t('sso.signInAddress')}</dt>
        <dd>
          <code>{signInUrl}</code>
        </dd>
        <dt>{t('sso.worked')}</dt>
        <dd>{workedAt ? t('sso.workedYes', { at: formatDateTime(new Date(workedAt), locale) }) : t('sso.workedNo')}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <TextField field={fields.providerName} label={t('sso.providerName')} hint={t('sso.providerNameHint')} />
        <TextField field={fields.issuer} label={t('sso.issuer')} hint={t('sso.issuerHint')} />
        <TextField field={fields.clientId} label={t('sso.clientId')} hint={t('sso.clientIdHint')} />
        <Field
          id={fields.clientSecret.id}
          label={t('sso.clientSecret')}
          hint={secretSet ? t('sso.clientSecretSet') : t('sso.clientSecretNotSet')}
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
          label={t('sso.allowedDomains')}
          hint={t('sso.allowedDomainsHint')}
          rows={2}
        />
        <ChoiceGroup
          field={fields.defaultRole}
          legend={t('sso.defaultRole')}
          hint={t('sso.defaultRoleHint')}
          type="radio"
          options={FIRST_SIGN_IN_ROLES.map((r) => ({ value: r, label: label('role', r) }))}
        />
        {checkbox(fields.enabled, t('sso.enabled'), t('sso.enabledHint'))}
        {checkbox(fields.passwordsOff, t('sso.passwordsOff'), t('sso.passwordsOffHint'))}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('sso.submit')}
        </button>
      </Form>
    </>
  )
}
