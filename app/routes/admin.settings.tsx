import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { updateOrganisationSettings } from '#db/settings.server'
import { findOrganisation } from '#db/users.server'
import { DEFAULT_ORGANISATION_SETTINGS, SERVICE_LANGUAGES } from '#db/schema'
import { HOLD_BEHAVIOURS } from '#machines/anonymity'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { SettingsSchema } from '~/utils/settings-schema'
import { signingCertificateProblem } from '~/signing/certificate-warning.server'
import { SigningCertificateWarning } from '~/signing/certificate-warning'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(t('settings.title'), t('administration'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  // Read afresh: the session's copy may predate another administrator's change.
  const organisation = await findOrganisation(await getDb(), admin.organisationId)
  return {
    name: organisation!.name,
    slug: organisation!.slug,
    settings: { ...DEFAULT_ORGANISATION_SETTINGS, ...organisation!.settings },
    signingProblem: await signingCertificateProblem(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: SettingsSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), await localeFor(request, admin)), { status: 400 })
  await updateOrganisationSettings(await getDb(), admin.organisationId, submission.value)
  throw redirect('/admin/settings?saved=1')
}

export default function Settings() {
  const { name, slug, settings, signingProblem } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'settings',
    lastResult,
    defaultValue: settings,
    constraint: getZodConstraint(SettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
    shouldRevalidate: 'onBlur',
  })
  const number = (field: typeof fields.minReviewers, label: string, hint: string) => (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      <input {...getInputProps(field, { type: 'number' })} className="narrow" {...describedBy(field.id, { hint: true, errors: field.errors })} />
    </Field>
  )
  const checkbox = (field: typeof fields.unionRecognised, label: string, hint: string) => (
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
      <h1>{t('settings.title')}</h1>
      <SigningCertificateWarning problem={signingProblem} />
      <p className="muted">{t('settings.intro', { name })}</p>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <fieldset className="field" aria-describedby={`${fields.languages.id}-hint`}>
          <legend>{t('settings.languages.legend')}</legend>
          <span className="hint" id={`${fields.languages.id}-hint`}>
            {t('settings.languages.hint')}
          </span>
          <ErrorList id={`${fields.languages.id}-error`} errors={fields.languages.errors} />
          {SERVICE_LANGUAGES.map((value) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`${fields.languages.id}-${value}`}
                name={fields.languages.name}
                value={value}
                defaultChecked={fields.languages.initialValue === value}
              />
              <label htmlFor={`${fields.languages.id}-${value}`}>{t(`settings.languages.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.screening.legend')}</legend>
          {number(fields.minReviewers, t('settings.screening.minReviewers'), t('settings.screening.minReviewersHint'))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.consultation.legend')}</legend>
          <Field
            id={fields.professionalBodyName.id}
            label={t('settings.consultation.professionalBody')}
            hint={t('settings.consultation.professionalBodyHint')}
            errors={fields.professionalBodyName.errors}
          >
            <input {...getInputProps(fields.professionalBodyName, { type: 'text' })} {...describedBy(fields.professionalBodyName.id, { hint: true, errors: fields.professionalBodyName.errors })} />
          </Field>
          {number(fields.minConsultationDays, t('settings.consultation.minConsultationDays'), t('settings.consultation.minConsultationDaysHint'))}
          {checkbox(fields.unionRecognised, t('settings.consultation.unionRecognised'), t('settings.consultation.unionRecognisedHint'))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.decision.legend')}</legend>
          {checkbox(fields.secondSignatoryRequired, t('settings.decision.secondSignatory'), t('settings.decision.secondSignatoryHint'))}
          {checkbox(fields.publicRegister, t('settings.decision.publicRegister'), t('settings.decision.publicRegisterHint'))}
          {settings.publicRegister ? (
            <p>
              <Trans
                t={t}
                i18nKey="settings.decision.published"
                values={{ path: `/public/${slug}/register` }}
                components={{
                  register: <Link to={`/public/${slug}/register`} />,
                  csv: <a href={`/public/${slug}/register.csv`} />,
                  json: <a href={`/public/${slug}/register.json`} />,
                }}
              />
            </p>
          ) : null}
          {number(fields.concernSurgeCount, t('settings.decision.concernSurge'), t('settings.decision.concernSurgeHint'))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.anonymity.legend')}</legend>
          <p className="hint">
            <Trans t={t} i18nKey="settings.anonymity.intro" components={{ told: <Link to="/anonymity" /> }} />
          </p>
          {number(fields.anonymityReleaseHour, t('settings.anonymity.releaseHour'), t('settings.anonymity.releaseHourHint'))}
          {number(fields.anonymityMinimumGroup, t('settings.anonymity.minimumGroup'), t('settings.anonymity.minimumGroupHint'))}
          <fieldset className="field" aria-describedby={`${fields.anonymityHold.id}-hint`}>
            <legend>{t('settings.anonymity.holdLegend')}</legend>
            <span className="hint" id={`${fields.anonymityHold.id}-hint`}>
              {t('settings.anonymity.holdHint')}
            </span>
            {HOLD_BEHAVIOURS.map((value) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  id={`${fields.anonymityHold.id}-${value}`}
                  name={fields.anonymityHold.name}
                  value={value}
                  defaultChecked={fields.anonymityHold.initialValue === value}
                />
                <label htmlFor={`${fields.anonymityHold.id}-${value}`}>{t(`settings.anonymity.hold.${value}`)}</label>
              </div>
            ))}
            <ErrorList id={`${fields.anonymityHold.id}-error`} errors={fields.anonymityHold.errors} />
          </fieldset>
          {number(fields.anonymitySeveral, t('settings.anonymity.several'), t('settings.anonymity.severalHint'))}
        </fieldset>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('settings.submit')}
        </button>
      </Form>
    </>
  )
}
