import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findSsoConfigForSlug } from '#db/sso.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { getUser, safeRedirectTarget } from '~/utils/auth.server'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { SignInSchema } from '~/utils/sign-in-schema'
import { signIn } from '~/utils/sign-in.server'
import { formDataOf } from '~/utils/multipart.server'
import { ssoProblemMessage } from '~/utils/sso/problems'
import { SsoStartSchema } from '~/utils/sso/settings-schema'
import { startSsoSignIn } from '~/utils/sso/start-sign-in.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'auth')('login.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/')
  const url = new URL(request.url)
  const slug = url.searchParams.get('service')
  const found = slug ? await findSsoConfigForSlug((await appContext()).database.db, slug) : undefined
  return {
    service: found ? { slug: found.organisation.slug, name: found.organisation.name, provider: found.config.providerName } : null,
    ssoProblem: ssoProblemMessage(url.searchParams.get('sso'), await localeFor(request, undefined)) ?? null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await formDataOf(request)
  const redirectTo = safeRedirectTarget(formData.get('redirectTo'))
  // Signed out: the visitor's language, with no database read.
  const locale = await localeFor(request, undefined)
  if (formData.get('intent') === 'sso') {
    const submission = parseWithZod(formData, { schema: SsoStartSchema })
    if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
    const { database, config, secret } = await appContext()
    const started = await startSsoSignIn(database.db, { config, secret }, { ...submission.value, redirectTo }, locale)
    if (!started.ok) {
      const errors = started.field ? { fieldErrors: { [started.field]: [started.message] } } : { formErrors: [started.message] }
      return data(submission.reply(errors), { status: started.status })
    }
    throw redirect(started.location, { headers: { 'Set-Cookie': started.cookie } })
  }
  const submission = parseWithZod(formData, { schema: SignInSchema })
  if (submission.status !== 'success') {
    return data(translateReply(submission.reply({ hideFields: ['password'] }), locale), { status: 400 })
  }
  const result = await signIn(request, submission.value, context.clientAddress ?? 'unknown')
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ['password'] }), {
      status: result.status,
    })
  }
  throw redirect(redirectTo, {
    headers: { 'Set-Cookie': result.cookie },
  })
}

export default function Login() {
  const { t } = useTranslation('auth')
  const { service, ssoProblem } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const forSso = reply?.initialValue?.intent === 'sso'
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? '/'
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sign-in',
    lastResult: forSso ? undefined : reply,
    constraint: getZodConstraint(SignInSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldRevalidate: 'onInput',
  })
  const [ssoForm, ssoFields] = useForm({
    id: 'sso',
    lastResult: forSso ? reply : undefined,
    constraint: getZodConstraint(SsoStartSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoStartSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('login.title')}</h1>
      <div role="status">
        {searchParams.get('password') === 'chosen' ? (
          <p className="notice success">{t('login.passwordChosen')}</p>
        ) : searchParams.get('password') === 'reset' ? (
          <p className="notice success">{t('login.passwordReset')}</p>
        ) : null}
      </div>
      {ssoProblem ? (
        <div className="error-summary" role="alert">
          <p className="field-error">{ssoProblem}</p>
        </div>
      ) : null}
      {service ? (
        <Form method="post" className="stack panel">
          <input type="hidden" name="intent" value="sso" />
          <input type="hidden" name="service" value={service.slug} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <p>{t('login.serviceSso', { service: service.name })}</p>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('login.signInWith', { provider: service.provider })}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="sso-heading">
        <h2 id="sso-heading">{t('login.ssoHeading')}</h2>
        <p className="muted">{t('login.ssoHint')}</p>
        <Form method="post" {...getFormProps(ssoForm)} className="stack">
          <FormErrors errors={ssoForm.errors} />
          <input type="hidden" name="intent" value="sso" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field id={ssoFields.email.id} label={t('login.ssoEmail')} errors={ssoFields.email.errors}>
            <input
              {...getInputProps(ssoFields.email, { type: 'email' })}
              autoComplete="email"
              {...describedBy(ssoFields.email.id, { errors: ssoFields.email.errors })}
            />
          </Field>
          <button type="submit" className="secondary" disabled={navigation.state === 'submitting'}>
            {t('login.ssoContinue')}
          </button>
        </Form>
      </section>
      {/* No accessible name: "Password" must name the password field alone. */}
      <section>
        <h2>{t('login.passwordHeading')}</h2>
        <p className="muted">{t('login.passwordHint')}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field id={fields.email.id} label={t('login.email')} errors={fields.email.errors}>
            <input
              {...getInputProps(fields.email, { type: 'email' })}
              autoComplete="username"
              {...describedBy(fields.email.id, { errors: fields.email.errors })}
            />
          </Field>
          <Field id={fields.password.id} label={t('login.password')} errors={fields.password.errors}>
            <input
              {...getInputProps(fields.password, { type: 'password' })}
              autoComplete="current-password"
              {...describedBy(fields.password.id, { errors: fields.password.errors })}
            />
          </Field>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('login.submit')}
          </button>
        </Form>
        <p>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
      </section>
    </>
  )
}
