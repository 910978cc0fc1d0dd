import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { updateOrganisationSettings } from '#db/settings.server'
import { findOrganisation } from '#db/users.server'
import { DEFAULT_ORGANISATION_SETTINGS, SERVICE_LANGUAGES } from '#db/schema'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { SettingsSchema } from '~/utils/settings-schema'
import { signingCertificateProblem } from '~/signing/certificate-warning.server'
import { SigningCertificateWarning } from '~/signing/certificate-warning'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Settings', 'Administration')

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
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
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
      <h1>Settings</h1>
      <SigningCertificateWarning problem={signingProblem} />
      <p className="muted">
        How {name} runs its reviews. A proposal keeps the rules in force when it was proposed; changes here apply to
        proposals made from now on.
      </p>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          Settings saved.
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
          <legend>Ethics screening</legend>
          {number(fields.minReviewers, 'Minimum number of reviewers', 'Screening completes only when this many reviewers without a conflict have submitted. From 1 to 10.')}
        </fieldset>
        <fieldset className="field">
          <legend>Consultation</legend>
          <Field id={fields.professionalBodyName.id} label="Professional body" hint="Consulted on every proposal, e.g. CILIP." errors={fields.professionalBodyName.errors}>
            <input {...getInputProps(fields.professionalBodyName, { type: 'text' })} {...describedBy(fields.professionalBodyName.id, { hint: true, errors: fields.professionalBodyName.errors })} />
          </Field>
          {number(fields.minConsultationDays, 'Minimum staff consultation (days)', 'The shortest time staff may be given to raise concerns.')}
          {checkbox(fields.unionRecognised, 'A trade union is recognised', 'When ticked, the union’s response must be recorded before staff consultation can close.')}
        </fieldset>
        <fieldset className="field">
          <legend>Decision and monitoring</legend>
          {checkbox(fields.secondSignatoryRequired, 'A second signatory is required', 'A decision then needs a second person holding the signatory role to sign it.')}
          {checkbox(fields.publicRegister, 'Publish a public register of decisions', 'Every signed decision (approved, approved with conditions or rejected) with its reasons, conditions and verify link is listed where anyone can read and download it. Reviewers and concern authors are never shown.')}
          {settings.publicRegister ? (
            <p>
              Published at <Link to={`/public/${slug}/register`}>/public/{slug}/register</Link> (also as{' '}
              <a href={`/public/${slug}/register.csv`}>CSV</a> and <a href={`/public/${slug}/register.json`}>JSON</a>).
            </p>
          ) : null}
          {number(fields.concernSurgeCount, 'Staff concerns that trigger reassessment', 'Concerns raised within one monitoring period that send a partnership back for reassessment.')}
        </fieldset>
        <fieldset className="field">
          <legend>Anonymous contributions</legend>
          <p className="hint">
            Anonymous concerns and endorsements are held and released together once a day, and at a consultation’s
            closing, so that nobody can tell when one was written. <Link to="/anonymity">What staff are told</Link>.
          </p>
          {number(fields.anonymityReleaseHour, 'Hour of the daily release', 'From 0 to 23, UK time. Everything held is released together at this hour.')}
          {number(fields.anonymityMinimumGroup, 'Minimum group size', 'When fewer members of staff could have written an anonymous contribution, they are told so before writing. From 1 to 100.')}
          <fieldset className="field" aria-describedby={`${fields.anonymityHold.id}-hint`}>
            <legend>In a group smaller than that, hold anonymous contributions</legend>
            <span className="hint" id={`${fields.anonymityHold.id}-hint`}>
              At the consultation’s closing everything held is released, whatever the group’s size.
            </span>
            {(
              [
                ['until_several', 'until several have accumulated (the number below)'],
                ['until_group_large_enough', 'until the group is large enough'],
              ] as const
            ).map(([value, label]) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  id={`${fields.anonymityHold.id}-${value}`}
                  name={fields.anonymityHold.name}
                  value={value}
                  defaultChecked={fields.anonymityHold.initialValue === value}
                />
                <label htmlFor={`${fields.anonymityHold.id}-${value}`}>{label}</label>
              </div>
            ))}
            <ErrorList id={`${fields.anonymityHold.id}-error`} errors={fields.anonymityHold.errors} />
          </fieldset>
          {number(fields.anonymitySeveral, 'How many is several', 'From 2 to 50.')}
        </fieldset>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Save settings
        </button>
      </Form>
    </>
  )
}
