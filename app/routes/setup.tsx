import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countLibraryServices } from '#db/organisations.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { createLibraryService } from '~/identity/create-library-service.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { forgetSetupToken, setupTokenMatches } from '~/identity/setup-token.server'
import { appContext } from '~/utils/app-context.server'
import { notFound, startSession } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { formDataOf } from '~/utils/multipart.server'
import { MIN_PASSWORD_LENGTH, SetupSchema } from '~/utils/people-schema'
import { isThrottled, recordFailure, throttleKeys, THROTTLE_WINDOW_MINUTES } from '~/utils/throttle.server'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'admin')('setup.title'))

/** The first-run page exists only while there is no library service. */
async function requireFirstRun(request: Request) {
  const { database } = await appContext()
  if ((await countLibraryServices(database.db)) > 0) notFound(fixedT(await getLocale(request), 'common')('notFound.page'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireFirstRun(request)
  return null
}

const HIDDEN = { hideFields: ['setupToken', 'adminPassword'] }

export async function action({ request, context }: ActionFunctionArgs) {
  await requireFirstRun(request)
  // Nobody is signed in before the first service exists: the visitor's language.
  const locale = await localeFor(request, undefined)
  const t = fixedT(locale, 'admin')
  const submission = parseWithZod(await formDataOf(request), { schema: SetupSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(HIDDEN), locale), { status: 400 })
  const { config, database, secret } = await appContext()
  const db = database.db
  const address = context.clientAddress ?? 'unknown'
  // Counted by the client's address only: the token is long and random, guessing is hopeless, but not free.
  const keys = throttleKeys(secret, address, address, 'setup')
  if (await isThrottled(db, keys)) {
    const formErrors = [t('setup.throttled', { minutes: THROTTLE_WINDOW_MINUTES })]
    return data(submission.reply({ ...HIDDEN, formErrors }), { status: 429 })
  }
  const { setupToken, serviceName, adminName, adminEmail, adminPassword } = submission.value
  if (!setupTokenMatches(setupToken)) {
    await recordFailure(db, keys)
    const fieldErrors = { setupToken: [t('setup.wrongToken')] }
    return data(submission.reply({ ...HIDDEN, fieldErrors }), { status: 400 })
  }
  const created = await createLibraryService(
    db,
    { name: serviceName, admin: { name: adminName, email: adminEmail }, adminPassword, onlyIfFirst: true },
    invitationSettings(config),
  )
  if (!created.ok) {
    if (created.reason === 'not-first') notFound(fixedT(await getLocale(request), 'common')('notFound.page'))
    const fieldErrors = { adminEmail: [t('setup.emailTaken')] }
    return data(submission.reply({ ...HIDDEN, fieldErrors }), { status: 400 })
  }
  forgetSetupToken()
  throw redirect('/', { headers: { 'Set-Cookie': await startSession(request, created.adminId) } })
}

export default function Setup() {
  const { t } = useTranslation('admin')
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'setup',
    lastResult,
    constraint: getZodConstraint(SetupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetupSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field
          id={fields.setupToken.id}
          label={t('setup.token')}
          hint={t('setup.tokenHint')}
          errors={fields.setupToken.errors}
        >
          <input
            {...getInputProps(fields.setupToken, { type: 'text' })}
            autoComplete="off"
            spellCheck={false}
            {...describedBy(fields.setupToken.id, { hint: true, errors: fields.setupToken.errors })}
          />
        </Field>
        <Field id={fields.serviceName.id} label={t('setup.serviceName')} errors={fields.serviceName.errors}>
          <input
            {...getInputProps(fields.serviceName, { type: 'text' })}
            autoComplete="organization"
            {...describedBy(fields.serviceName.id, { errors: fields.serviceName.errors })}
          />
        </Field>
        <fieldset>
          <legend>{t('setup.you')}</legend>
          <Field id={fields.adminName.id} label={t('setup.yourName')} errors={fields.adminName.errors}>
            <input
              {...getInputProps(fields.adminName, { type: 'text' })}
              autoComplete="name"
              {...describedBy(fields.adminName.id, { errors: fields.adminName.errors })}
            />
          </Field>
          <Field
            id={fields.adminEmail.id}
            label={t('setup.yourEmail')}
            hint={t('setup.yourEmailHint')}
            errors={fields.adminEmail.errors}
          >
            <input
              {...getInputProps(fields.adminEmail, { type: 'email' })}
              autoComplete="username"
              {...describedBy(fields.adminEmail.id, { hint: true, errors: fields.adminEmail.errors })}
            />
          </Field>
          <Field
            id={fields.adminPassword.id}
            label={t('setup.password')}
            hint={t('setup.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            errors={fields.adminPassword.errors}
          >
            <input
              {...getInputProps(fields.adminPassword, { type: 'password' })}
              autoComplete="new-password"
              {...describedBy(fields.adminPassword.id, { hint: true, errors: fields.adminPassword.errors })}
            />
          </Field>
        </fieldset>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('setup.submit')}
        </button>
      </Form>
    </>
  )
}
