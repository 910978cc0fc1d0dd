import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { inspectAccountLink, setPasswordWithLink, type LinkState } from '~/identity/set-password-with-link.server'
import { getDb } from '~/utils/app-context.server'
import { fixedT, type Locale } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { formDataOf } from '~/utils/multipart.server'
import { MIN_PASSWORD_LENGTH, SetPasswordSchema } from '~/utils/people-schema'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(fixedT(metaLocale(matches), 'auth')(data?.state === 'valid' ? 'setPassword.title' : 'setPassword.unusableTitle'))

// Spent, expired and forged links read the same to a visitor but for the reason, and answer 410 or 404;
// the answer itself says why, so a client reading only the status and body is told too.
function unusable(link: Exclude<LinkState, { state: 'valid' }>, locale: Locale) {
  const message = fixedT(locale, 'auth')(`setPassword.${link.state}`)
  return data({ ...link, message }, { status: link.state === 'unknown' ? 404 : 410 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await inspectAccountLink(await getDb(), params.token ?? '')
  if (link.state !== 'valid') return unusable(link, await getLocale(request))
  return link
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await getLocale(request)
  const db = await getDb()
  const token = params.token ?? ''
  const link = await inspectAccountLink(db, token)
  if (link.state !== 'valid') return unusable(link, locale)
  const submission = parseWithZod(await formDataOf(request), { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: translateReply(submission.reply({ hideFields: ['password'] }), locale) }, { status: 400 })
  }
  if (!(await setPasswordWithLink(db, token, submission.value.password))) {
    return unusable({ state: 'used', purpose: link.purpose }, locale)
  }
  throw redirect(`/login?password=${link.purpose === 'invitation' ? 'chosen' : 'reset'}`)
}

function Unusable({ link }: { link: Exclude<LinkState, { state: 'valid' }> }) {
  const { t } = useTranslation('auth')
  return (
    <>
      <h1>{t('setPassword.unusableTitle')}</h1>
      <p>{t(`setPassword.${link.state}`)}</p>
      {link.purpose === 'invitation' ? <p>{t('setPassword.askInvitation')}</p> : null}
      <p>
        <Trans
          t={t}
          i18nKey="setPassword.alreadyHave"
          components={{ reset: <Link to="/forgot-password" />, login: <Link to="/login" /> }}
        />
      </p>
    </>
  )
}

export default function SetPassword() {
  const { t } = useTranslation('auth')
  const link = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const lastResult = actionData && 'result' in actionData ? actionData.result : undefined
  const [form, fields] = useForm({
    id: 'set-password',
    lastResult,
    constraint: getZodConstraint(SetPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  if (actionData && !('result' in actionData)) return <Unusable link={actionData} />
  if (link.state !== 'valid') return <Unusable link={link} />
  return (
    <>
      <h1>{t('setPassword.title')}</h1>
      <p>
        <Trans
          t={t}
          i18nKey={link.purpose === 'invitation' ? 'setPassword.welcome' : 'setPassword.resetting'}
          values={{ name: link.name, service: link.organisationName, email: link.email }}
          components={{ strong: <strong /> }}
        />
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={link.email} />
        <Field
          id={fields.password.id}
          label={t('password.newLabel')}
          hint={t('password.hint', { count: MIN_PASSWORD_LENGTH })}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="new-password"
            {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('setPassword.submit')}
        </button>
      </Form>
    </>
  )
}
